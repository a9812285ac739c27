/**
 * Playlists: ordered playlists (gapped positions, so an insert or move writes only the rows it
 * places), versions with optimistic checks, collaborators (viewer, editor), follows, votes on
 * entries, an activity feed per playlist, and each user's private folders. Other modules use
 * {@link io.refrain.playlists.PlaylistService} and the records of this package.
 *
 * <p>Settings: {@link io.refrain.playlists.PlaylistsProperties} ({@code refrain.playlists.*}).
 *
 * <p>Offered to other modules: {@link io.refrain.playlists.BulkPlaylists}, {@link io.refrain.playlists.PlaylistMaker}, {@link io.refrain.playlists.PlaylistService}, {@link io.refrain.playlists.PlaylistTrackService}, {@link io.refrain.playlists.PlaylistView}, {@link io.refrain.playlists.PlaylistChange}, {@link io.refrain.playlists.PlaylistEntryView}, {@link io.refrain.playlists.PlaylistRequests}.
 *
 * <p>Public, but not for other modules: {@link io.refrain.playlists.PlaylistReadRule}, {@link io.refrain.playlists.PlaylistsProperties}.
 */
package io.refrain.playlists;
