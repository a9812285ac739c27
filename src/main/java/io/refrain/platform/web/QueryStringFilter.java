package io.refrain.platform.web;

import io.refrain.platform.errors.FieldProblem;
import io.refrain.platform.errors.ProblemTypes;
import io.refrain.platform.errors.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every query string once, before any controller reads it, so that no endpoint has to:
 * a parameter that is not valid percent-encoded UTF-8, or has no name, would make Tomcat throw
 * from {@code getParameter} (a 500), and a NUL character (U+0000) in a value would reach SQL,
 * where PostgreSQL refuses it in text (another 500). Both are the client's mistake: a 400 that
 * names the parameter (ListenBrainz's error JSON under {@code /1/}, problem+json elsewhere).
 * NUL in JSON bodies is refused by {@link NulRejectingBodyAdvice}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6) // after the in-flight bound: a refused request costs nothing
class QueryStringFilter extends OncePerRequestFilter {

    private final ProblemWriter problemWriter;

    QueryStringFilter(ProblemWriter problemWriter) {
        this.problemWriter = problemWriter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        String problem = query == null ? null : problemIn(query);
        if (problem == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith("/1/")) {
            // ListenBrainz clients read {"code", "error"}; the platform writes it without knowing that module
            response.setStatus(400);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"code\":400,\"error\":\""
                            + problem.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            return;
        }
        ProblemDetail detail =
                Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "The request has invalid fields.");
        detail.setProperty("errors", List.of(new FieldProblem(fieldOf(problem), problem)));
        problemWriter.write(response, detail);
    }

    /** The parameter a message is about: messages start with {@code Query parameter 'name' …}. */
    private static String fieldOf(String problem) {
        int start = problem.indexOf('\'');
        int end = problem.indexOf('\'', start + 1);
        return start >= 0 && end > start ? problem.substring(start + 1, end) : "query";
    }

    /** Null when every parameter is fine, otherwise a message for the first one that is not. */
    static String problemIn(String query) {
        for (String chunk : query.split("&")) {
            if (chunk.isEmpty()) {
                continue;
            }
            int equals = chunk.indexOf('=');
            String rawName = equals < 0 ? chunk : chunk.substring(0, equals);
            String name = decode(rawName);
            if (name == null) {
                return "Query parameter '" + printable(rawName) + "' is not valid percent-encoded UTF-8.";
            }
            if (name.isEmpty()) {
                return "Query parameter '' has no name.";
            }
            if (name.indexOf('\0') >= 0) {
                return "Query parameter '" + printable(name) + "' must not contain NUL characters.";
            }
            String value = equals < 0 ? "" : decode(chunk.substring(equals + 1));
            if (value == null) {
                return "Query parameter '" + printable(name) + "' is not valid percent-encoded UTF-8.";
            }
            if (value.indexOf('\0') >= 0) {
                return "Query parameter '" + printable(name) + "' must not contain NUL characters.";
            }
        }
        return null;
    }

    /** application/x-www-form-urlencoded decoding that fails on bad escapes and bad UTF-8 (null). */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The name as a message can show it: control characters as {@code \\uXXXX}, at most 100 characters. */
    private static String printable(String name) {
        StringBuilder s = new StringBuilder();
        name.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c) || c == 0xfffd) {
                s.append(String.format("\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }
}
