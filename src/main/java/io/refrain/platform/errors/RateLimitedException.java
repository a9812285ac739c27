package io.refrain.platform.errors;

import org.springframework.http.HttpStatus;

/** 429: the caller must wait {@code retryAfterSeconds} before trying again. */
public final class RateLimitedException extends ApiException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                ProblemTypes.RATE_LIMITED,
                "Too many requests. Try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
        with("retryAfterSeconds", retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
