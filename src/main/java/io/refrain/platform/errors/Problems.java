package io.refrain.platform.errors;

import java.net.URI;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem documents with Refrain's type URIs and the request id. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(HttpStatusCode status, String typeSlug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(typeSlug));
        String requestId = MDC.get("requestId");
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    public static ProblemDetail of(ApiException e) {
        ProblemDetail problem = of(e.status(), e.type(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /** The slug for a status when no more specific type is known. */
    public static String slugFor(int status) {
        return switch (status) {
            case 400 -> ProblemTypes.MALFORMED_REQUEST;
            case 401 -> ProblemTypes.UNAUTHENTICATED;
            case 403 -> ProblemTypes.FORBIDDEN;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 409 -> ProblemTypes.CONFLICT;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ProblemTypes.RATE_LIMITED;
            case 503 -> ProblemTypes.UNAVAILABLE;
            default -> status >= 500 ? ProblemTypes.INTERNAL : ProblemTypes.MALFORMED_REQUEST;
        };
    }

    static boolean isRefrainType(URI type) {
        return type != null && type.toString().startsWith("urn:refrain:problem:");
    }
}
