package io.refrain.catalog.sources;

import java.time.Duration;

/** The source cannot answer now (down, timed out, rate-limiting us, or answering garbage). */
public class SourceUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public SourceUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the source asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
