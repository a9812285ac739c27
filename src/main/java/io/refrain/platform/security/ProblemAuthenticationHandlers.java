package io.refrain.platform.security;

import io.refrain.platform.errors.ProblemTypes;
import io.refrain.platform.errors.Problems;
import io.refrain.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 from the security filters, as problem+json with a {@code WWW-Authenticate} challenge. */
@Component
class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter writer;

    ProblemAuthenticationHandlers(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tokenGiven = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", tokenGiven ? "Bearer error=\"invalid_token\"" : "Bearer");
        writer.write(
                response,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        ProblemTypes.UNAUTHENTICATED,
                        tokenGiven
                                ? "The access token is invalid, expired or its session has ended."
                                : "This endpoint needs an access token: Authorization: Bearer <token>."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        writer.write(
                response, Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "You are not allowed to do this."));
    }
}
