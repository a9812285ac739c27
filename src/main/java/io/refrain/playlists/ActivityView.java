package io.refrain.playlists;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of a playlist.
 *
 * @param action  created, updated, added, removed or moved
 * @param version the playlist's version after the change
 * @param detail  what changed: trackIds, position, count, from, to (as the action has them)
 */
record ActivityView(long id, UUID actorId, String action, long version, Object detail, Instant at) {}
