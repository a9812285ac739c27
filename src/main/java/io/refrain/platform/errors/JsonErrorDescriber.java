package io.refrain.platform.errors;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Explains why a request body could not be read, in terms of the JSON the client sent
 * (path, line, column) and never in terms of our Java classes.
 */
final class JsonErrorDescriber {

    private JsonErrorDescriber() {}

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'" + at(unknown) + ".";
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return "Wrong type of value for '" + path(mismatch) + "'" + location(mismatch) + ".";
        }
        if (cause instanceof JacksonException json) {
            return "The body is not valid JSON" + location(json) + ".";
        }
        return "The request body is missing or unreadable.";
    }

    private static String at(JacksonException e) {
        String path = path(e);
        return (path.isEmpty() ? "" : " at '" + path + "'") + location(e);
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String location(JacksonException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
            return "";
        }
        return " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
