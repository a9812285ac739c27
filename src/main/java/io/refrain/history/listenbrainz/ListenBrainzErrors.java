package io.refrain.history.listenbrainz;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.refrain.history.UnknownTracksException;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.Overload;
import io.refrain.platform.web.PayloadTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors of the ListenBrainz API in ListenBrainz's shape: clients parse {@code error} to show it,
 * and they know nothing of problem+json. Scoped to that controller and ordered before the global
 * handler, which keeps answering problem+json everywhere else.
 */
@RestControllerAdvice(assignableTypes = ListenBrainzController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ListenBrainzErrors {

    private static final Logger log = LoggerFactory.getLogger(ListenBrainzErrors.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Body(int code, String error) {}

    @ExceptionHandler(ListenBrainzError.class)
    ResponseEntity<Body> listenBrainz(ListenBrainzError e) {
        return body(e.status(), e.getMessage(), null);
    }

    /** Cannot happen today (a ListenBrainz listen never names a catalog id), but if it does it is the client's 400. */
    @ExceptionHandler(UnknownTracksException.class)
    ResponseEntity<Body> unknownTracks(UnknownTracksException e) {
        return body(400, e.getMessage(), null);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Body> api(ApiException e) {
        String retryAfter =
                e.properties().get("retryAfterSeconds") instanceof Number n ? Long.toString(n.longValue()) : null;
        return body(e.status().value(), e.getMessage(), retryAfter);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Body> unexpected(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException) {
                return body(413, "JSON document is too large.", null);
            }
        }
        if (Overload.isDatabaseBusy(e)) {
            return body(
                    503,
                    "The server is busy. Please try again in a moment.",
                    Long.toString(Overload.RETRY_AFTER_SECONDS));
        }
        // Spring MVC's own refusals (unsupported media type, missing parameter, …) are the client's mistake
        if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            int status = refused.getStatusCode().value();
            return body(status, HttpStatus.valueOf(status).getReasonPhrase() + ".", null);
        }
        log.error("Unexpected error on the ListenBrainz API", e);
        return body(500, "Something went wrong. Please try again.", null);
    }

    private static ResponseEntity<Body> body(int status, String message, String retryAfter) {
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return response.body(new Body(status, message));
    }
}
