package io.refrain.platform.errors;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client should see as a problem+json response. {@code type} is a stable slug
 * (see {@link ProblemTypes}); {@code detail} is a message for humans and never holds internals.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** Adds an extra member to the problem document (for example the failing fields). */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public static ApiException badRequest(String type, String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, type, detail);
    }

    public static ApiException unauthorized(String type, String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, type, detail);
    }

    public static ApiException forbidden(String type, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, type, detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, detail);
    }

    public static ApiException conflict(String type, String detail) {
        return new ApiException(HttpStatus.CONFLICT, type, detail);
    }

    /** A validation failure of one named field, shaped like bean-validation failures. */
    public static ApiException invalidField(String field, String message) {
        return badRequest(ProblemTypes.VALIDATION, "The request has invalid fields.")
                .with("errors", java.util.List.of(new FieldProblem(field, message)));
    }
}
