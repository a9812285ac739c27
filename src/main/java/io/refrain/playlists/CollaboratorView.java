package io.refrain.playlists;

import java.time.Instant;
import java.util.UUID;

/** A collaborator of a playlist and their role: viewer or editor. */
record CollaboratorView(UUID userId, String role, Instant addedAt) {}
