package io.refrain.history.listenbrainz;

import io.refrain.history.HistoryProperties;
import io.refrain.platform.ratelimit.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * ListenBrainz's rate limit on every {@code /1/} request: per token when one is presented
 * (per client address otherwise), with the {@code X-RateLimit-*} headers ListenBrainz sends on
 * every answer, so clients that pace themselves by them work unchanged. A filter, so that the
 * headers are on every answer of these paths, errors included.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ListenBrainzRateLimitFilter extends OncePerRequestFilter {

    static final String EXCEEDED = "You have exceeded your rate limit. See the X-RateLimit-* response headers for more "
            + "information on your current rate limit.";

    private final RateLimiter limiter;
    private final RateLimiter.Rule rule;
    private final Clock clock;

    ListenBrainzRateLimitFilter(RateLimiter limiter, HistoryProperties history, Clock clock) {
        this.limiter = limiter;
        var config = history.listenbrainz();
        this.rule = new RateLimiter.Rule("listenbrainz", config.rateLimit(), config.rateLimitWindow());
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = ListenBrainzAuth.presentedToken(request);
        // a hash, so tokens in clear do not sit in the limiter's memory
        String key = token != null
                ? "token:" + HexFormat.of().formatHex(ListenBrainzAuth.sha256(token))
                : "address:" + request.getRemoteAddr();
        RateLimiter.Decision decision = limiter.attempt(rule, key);
        response.setHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        response.setHeader("X-RateLimit-Reset-In", Long.toString(decision.resetInSeconds()));
        response.setHeader(
                "X-RateLimit-Reset", Long.toString(clock.instant().getEpochSecond() + decision.resetInSeconds()));
        if (!decision.allowed()) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(Math.max(1, decision.resetInSeconds())));
            response.setContentType("application/json");
            response.getOutputStream()
                    .write(("{\"code\":429,\"error\":\"" + EXCEEDED + "\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
