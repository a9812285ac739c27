package io.refrain.platform.errors;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (raised by the servlet container or a filter) are
 * forwarded to {@code /error}; answer them as problem+json too, without internals.
 */
@RestController
@Hidden // not an API operation: only the container forwards here
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        // a filter that waited in vain for a database connection: busy, not broken
        if (Overload.isDatabaseBusy((Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            return Overload.databaseBusyAnswer();
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // no error attribute: a client asked for /error itself, and there is nothing there
        int status = code instanceof Integer i ? i : 404;
        HttpStatus httpStatus =
                HttpStatus.resolve(status) != null ? HttpStatus.valueOf(status) : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail =
                httpStatus.is5xxServerError() ? "An unexpected error occurred." : httpStatus.getReasonPhrase() + ".";
        return ResponseEntity.status(httpStatus).body(Problems.of(httpStatus, Problems.slugFor(status), detail));
    }
}
