package io.refrain.playlists;

import java.time.Instant;
import java.util.UUID;

/** One of the reader's folders; parentId null is the top level. */
record FolderView(UUID id, String name, UUID parentId, Instant createdAt) {}
