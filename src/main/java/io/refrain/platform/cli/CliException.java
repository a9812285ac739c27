package io.refrain.platform.cli;

/** A mistake on the command line or in its input that the user can fix; printed without a stack trace. */
public class CliException extends RuntimeException {

    public CliException(String message) {
        super(message);
    }
}
