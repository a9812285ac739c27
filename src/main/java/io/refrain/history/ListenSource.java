package io.refrain.history;

/** The door a listen came in by; stored with it. */
public enum ListenSource {
    API("api"),
    LISTENBRAINZ("listenbrainz"),
    IMPORT("import");

    private final String column;

    ListenSource(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
