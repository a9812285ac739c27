/**
 * Listening history: listens submitted through the API, the ListenBrainz-compatible API and
 * imports of real export files; stored append-only in monthly partitions; per-user statistics
 * (all-time per track, artist, album and genre, plus day, month and hour rollups) maintained
 * in the same transaction as each listen; recently played, a track's plays, top lists and
 * activity. Songs the catalog lacks become catalog entries through the catalog's
 * {@link io.refrain.catalog.TrackResolver}. Other modules' SQL reads the statistics only through
 * the read views of V015 ({@code history_track_stats}, {@code history_album_stats},
 * {@code history_artist_stats}) and the per-user data version {@code history_versions}: the
 * {@code listen_totals.version} column, given a new value by a trigger of V015 on every update of
 * the totals row, which every change of the statistics writes.
 *
 * <p>Settings: {@link io.refrain.history.HistoryProperties} ({@code refrain.history.*}: archive,
 * import and listenbrainz nested).
 *
 * <p>Offered to other modules: {@link io.refrain.history.ListenPartitions}, {@link io.refrain.history.ListenSource}, {@link io.refrain.history.ListenStatsRebuild}, {@link io.refrain.history.BulkHistory}, {@link io.refrain.history.StatsService}, {@link io.refrain.history.HistoryService}, {@link io.refrain.history.PlayedTrack}.
 *
 * <p>Public, but not for other modules: {@link io.refrain.history.HistoryProperties}, {@link io.refrain.history.ListenIngestion}, {@link io.refrain.history.ListenInput}, {@link io.refrain.history.ListenRules}, {@link io.refrain.history.UnknownTracksException}.
 */
package io.refrain.history;
