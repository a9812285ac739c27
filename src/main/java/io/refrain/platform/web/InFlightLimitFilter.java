package io.refrain.platform.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.refrain.platform.config.RefrainProperties;
import io.refrain.platform.errors.Overload;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code REFRAIN_MAX_IN_FLIGHT} requests are worked on at once. With virtual threads
 * Tomcat starts a thread for every connection's request, so without this bound an overload
 * turns into thousands of requests queueing for ten database connections, each slower than the
 * last, until clients time out and nothing useful is served. A request beyond the bound waits at
 * most {@code REFRAIN_IN_FLIGHT_WAIT} for a slot (it absorbs a burst), then is answered 503 with
 * {@code Retry-After} at once, costing almost nothing: what is accepted keeps a bounded latency.
 * Health and metrics probes ({@code /actuator/…}) are never refused, so monitoring sees the
 * server while it sheds load. The ListenBrainz API ({@code /1/…}) is refused in ListenBrainz's
 * error shape.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class InFlightLimitFilter extends OncePerRequestFilter {

    private static final byte[] LISTENBRAINZ_BUSY =
            ("{\"code\":503,\"error\":\"The server is busy. Please try again in " + Overload.RETRY_AFTER_SECONDS
                            + " second.\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final int maxInFlight;
    private final long waitNanos;
    private final Semaphore slots;
    private final ProblemWriter problemWriter;
    private final Counter refused;

    InFlightLimitFilter(
            RefrainProperties properties, ProblemWriter problemWriter, ObjectProvider<MeterRegistry> meterRegistry) {
        this.maxInFlight = properties.http().maxInFlight();
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("refrain.http.max-in-flight (REFRAIN_MAX_IN_FLIGHT) must be at least 1");
        }
        this.waitNanos = properties.http().inFlightWait().toNanos();
        this.slots = new Semaphore(maxInFlight, true); // fair: who waited longest gets the next slot
        this.problemWriter = problemWriter;
        MeterRegistry registry = meterRegistry.getIfAvailable();
        if (registry != null) {
            Gauge.builder("refrain.http.in.flight", this, f -> f.maxInFlight - f.slots.availablePermits())
                    .description("requests being worked on (bounded by REFRAIN_MAX_IN_FLIGHT)")
                    .register(registry);
            this.refused = Counter.builder("refrain.http.refused")
                    .description("requests refused with 503 because REFRAIN_MAX_IN_FLIGHT were in flight")
                    .register(registry);
        } else {
            this.refused = null;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            if (refused != null) {
                refused.increment();
            }
            response.setHeader("Retry-After", Long.toString(Overload.RETRY_AFTER_SECONDS));
            if (request.getRequestURI().startsWith("/1/")) {
                // ListenBrainz clients read {code, error}, not problem+json
                response.setStatus(503);
                response.setContentType("application/json");
                response.getOutputStream().write(LISTENBRAINZ_BUSY);
            } else {
                problemWriter.write(response, Overload.busyProblem());
            }
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            // a streamed (async) answer gives its slot back when its handler returns; the stream
            // itself runs on without one
            slots.release();
        }
    }

    /** Requests being worked on now (for tests and metrics). */
    int inFlight() {
        return maxInFlight - slots.availablePermits();
    }
}
