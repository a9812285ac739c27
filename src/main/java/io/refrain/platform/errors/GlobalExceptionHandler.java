package io.refrain.platform.errors;

import io.refrain.platform.web.PayloadTooLargeException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception raised while handling a request into problem+json: Spring MVC's own
 * (malformed JSON, 404, 405, 415, …), validation failures with the failing fields, our
 * {@link ApiException}s, and anything unexpected as a 500 that leaks no internals.
 */
@RestControllerAdvice
class GlobalExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApi(ApiException e) {
        HttpHeaders headers = new HttpHeaders();
        // any problem that tells the caller when to come back (429, 503) says it in the header too
        if (e.properties().get("retryAfterSeconds") instanceof Number seconds) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds.longValue()));
        }
        return ResponseEntity.status(e.status()).headers(headers).body(Problems.of(e));
    }

    /**
     * A wait for a database connection that timed out: the server is busy, the request was fine.
     * Spring wraps HikariCP's exception in {@link CannotGetJdbcConnectionException} (a plain query)
     * or a {@code CannotCreateTransactionException} (a transaction's start); the latter reaches
     * {@link #handleUnexpected}, which recognises the cause.
     */
    @ExceptionHandler({CannotGetJdbcConnectionException.class, SQLTransientConnectionException.class})
    ResponseEntity<ProblemDetail> handleDatabaseBusy(Exception e) {
        log.warn("The database could not answer in time (pool wait or statement timeout): {}", e.getMessage());
        return Overload.databaseBusyAnswer();
    }

    /** A multipart body that does not parse (no boundary, cut short) is the client's mistake. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> handleMultipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException || causedBy(e, PayloadTooLargeException.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            ProblemTypes.PAYLOAD_TOO_LARGE,
                            "The request body is larger than the limit."));
        }
        return ResponseEntity.badRequest()
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST,
                        ProblemTypes.MALFORMED_REQUEST,
                        "The multipart body could not be read."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        if (Overload.isDatabaseBusy(e)) {
            return handleDatabaseBusy(e);
        }
        log.error("Unexpected error while handling a request", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Problems.of(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        ProblemTypes.INTERNAL,
                        "An unexpected error occurred. It has been logged; quote the requestId when reporting it."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors()
                .forEach(error -> errors.add(
                        new FieldProblem(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return validationProblem(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedBy(ex, PayloadTooLargeException.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Problems.of(
                            HttpStatus.CONTENT_TOO_LARGE,
                            ProblemTypes.PAYLOAD_TOO_LARGE,
                            "The request body is larger than the limit."));
        }
        return ResponseEntity.badRequest()
                .body(Problems.of(
                        HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, JsonErrorDescriber.describe(ex)));
    }

    /** Fills in Refrain's type and request id on the problems Spring MVC builds itself. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail result = Problems.of(statusCode, Problems.slugFor(statusCode.value()), describe(ex, statusCode));
        return ResponseEntity.status(statusCode).headers(headers).body(result);
    }

    private static String describe(Exception ex, HttpStatusCode status) {
        return switch (ex) {
            case NoResourceFoundException e ->
                "There is nothing at " + e.getHttpMethod() + " /" + e.getResourcePath() + ".";
            case HttpRequestMethodNotSupportedException e ->
                "Method " + e.getMethod() + " is not supported here"
                        + (e.getSupportedHttpMethods() == null ? "." : "; use " + e.getSupportedHttpMethods() + ".");
            case HttpMediaTypeNotSupportedException e ->
                "Content type " + e.getContentType() + " is not supported here" + "; send " + e.getSupportedMediaTypes()
                        + ".";
            default -> HttpStatus.valueOf(status.value()).getReasonPhrase() + ".";
        };
    }

    private static ResponseEntity<Object> validationProblem(List<FieldProblem> errors) {
        errors.sort(java.util.Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message));
        ProblemDetail problem =
                Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "The request has invalid fields.");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
