package io.refrain.assistant;

/**
 * A tool call that cannot go on for a reason the model can act on: a bad argument, a limit, an
 * expired conversation. It becomes a tool result with {@code isError} and this message, never a
 * transport error.
 */
final class ToolFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean limited;

    private ToolFailure(String message, boolean limited) {
        super(message, null, false, false);
        this.limited = limited;
    }

    static ToolFailure of(String message) {
        return new ToolFailure(message, false);
    }

    static ToolFailure argument(String name, String problem) {
        return new ToolFailure("Argument '" + name + "' " + problem, false);
    }

    static ToolFailure limited(String message) {
        return new ToolFailure(message, true);
    }

    boolean limited() {
        return limited;
    }
}
