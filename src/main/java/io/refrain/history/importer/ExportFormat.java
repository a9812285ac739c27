package io.refrain.history.importer;

/** The export files {@link ListenExportReader} understands. */
public enum ExportFormat {
    SPOTIFY_EXTENDED("Spotify extended streaming history (Streaming_History_Audio_*.json, endsong_*.json)"),
    SPOTIFY_ACCOUNT_DATA("Spotify account data (StreamingHistory*.json)"),
    LISTENBRAINZ_JSON("ListenBrainz export (JSON array of listens)"),
    LISTENBRAINZ_JSONL("ListenBrainz export (JSON lines, one listen per line)"),
    LASTFM_CSV("Last.fm scrobbles CSV");

    private final String description;

    ExportFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
