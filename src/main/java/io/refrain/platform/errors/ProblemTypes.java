package io.refrain.platform.errors;

import java.net.URI;

/**
 * The stable problem types. A problem's {@code type} is {@code urn:refrain:problem:<slug>};
 * clients may switch on it. docs/api-guide.md lists them.
 */
public final class ProblemTypes {

    public static final String VALIDATION = "validation";
    public static final String MALFORMED_REQUEST = "malformed-request";
    public static final String NOT_FOUND = "not-found";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";
    public static final String UNAUTHENTICATED = "unauthenticated";
    public static final String FORBIDDEN = "forbidden";
    public static final String CONFLICT = "conflict";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String UNAVAILABLE = "service-unavailable";
    public static final String INTERNAL = "internal-error";

    private static final String PREFIX = "urn:refrain:problem:";

    private ProblemTypes() {}

    public static URI uri(String slug) {
        return URI.create(PREFIX + slug);
    }
}
