/**
 * Listening history: listens submitted through the API, the ListenBrainz-compatible API and
 * imports of real export files; stored append-only in monthly partitions; per-user statistics
 * (all-time per track, artist, album and genre, plus day, month and hour rollups) maintained
 * in the same transaction as each listen; recently played, a track's plays, top lists and
 * activity. Songs the catalog lacks become catalog entries through the catalog's
 * {@link io.refrain.catalog.TrackResolver}.
 *
 * <p>Settings: {@link io.refrain.history.HistoryProperties} ({@code refrain.history.*}: archive,
 * import and listenbrainz nested).
 */
package io.refrain.history;
