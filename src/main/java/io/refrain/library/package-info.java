/**
 * Library: each user's own relation to the shared catalog — saved tracks and albums, ratings
 * (0–5 in half steps) of tracks, albums and artists, loved tracks, personal tags on tracks and
 * followed artists. It supplies the reader's state of every track the catalog shows
 * ({@code TrackPersonalisation}) and keeps tracks in use from the catalog cleanup
 * ({@code TrackUsage}). Everything is scoped to the signed-in user: no endpoint reads or changes
 * another user's library. Other modules' SQL reads the library only through the read views of
 * V015 ({@code library_saved_tracks}, {@code library_loved_tracks}, {@code library_*_ratings},
 * {@code library_tags}, {@code library_tagged_tracks}) and its per-user data version
 * {@code library_versions}, which the services raise in every write that changes a row
 * ({@code LibraryVersionRepository}).
 *
 * <p>Offered to other modules: {@link io.refrain.library.BulkLibrary}, {@link io.refrain.library.LibraryService}, {@link io.refrain.library.TagService}.
 *
 * <p>Public, but not for other modules: none.
 */
package io.refrain.library;
