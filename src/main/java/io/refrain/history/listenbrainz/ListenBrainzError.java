package io.refrain.history.listenbrainz;

/** A failure answered in ListenBrainz's shape, {@code {"code": 400, "error": "..."}}, not as problem+json. */
class ListenBrainzError extends RuntimeException {

    private final int status;

    ListenBrainzError(int status, String message) {
        super(message, null, false, false); // an expected client mistake: no stack trace needed
        this.status = status;
    }

    static ListenBrainzError badRequest(String message) {
        return new ListenBrainzError(400, message);
    }

    static ListenBrainzError unauthorized(String message) {
        return new ListenBrainzError(401, message);
    }

    int status() {
        return status;
    }
}
