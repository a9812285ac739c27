package io.refrain.platform.config;

/**
 * A reason Refrain cannot start that the operator can fix. Reported as a short
 * description plus what to do, without a stack trace (see {@link StartupFailureAnalyzer}).
 */
public class StartupException extends IllegalStateException {

    private final String action;

    public StartupException(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
