package io.refrain.playlists.smart;

import io.refrain.catalog.TrackView;

/** One track of a smart playlist, at its 0-based position. */
public record SmartPlaylistEntryView(int position, TrackView track) {}
