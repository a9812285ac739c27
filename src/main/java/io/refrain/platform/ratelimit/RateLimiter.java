package io.refrain.platform.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.refrain.platform.errors.RateLimitedException;
import io.refrain.platform.time.ClockTicker;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * In-process token-bucket rate limits (Bucket4j), one bucket per (rule, key), kept in a bounded
 * Caffeine cache so idle keys are forgotten. Time comes from the injected clock.
 * Single-node: with several nodes each node limits on its own (Redis-backed buckets come with
 * the multi-instance mode).
 */
@Component
public class RateLimiter {

    /** A limit: {@code capacity} requests per {@code period}, refilled greedily. */
    public record Rule(String name, long capacity, Duration period) {}

    private final Cache<String, Bucket> buckets;
    private final TimeMeter timeMeter;

    RateLimiter(Clock clock) {
        this.buckets = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterAccess(Duration.ofHours(1))
                .ticker(ClockTicker.of(clock))
                .build();
        this.timeMeter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Clock c = clock;
                return Math.multiplyExact(c.millis(), 1_000_000L);
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /**
     * What one attempt did, for APIs that report their limits in headers (the ListenBrainz API's
     * {@code X-RateLimit-*}).
     *
     * @param resetInSeconds    seconds until the bucket is full again
     * @param retryAfterSeconds seconds until the next attempt can pass (0 when this one did)
     */
    public record Decision(boolean allowed, long limit, long remaining, long resetInSeconds, long retryAfterSeconds) {}

    /** Takes one token for {@code key} under {@code rule} if there is one, and tells the state of the bucket. */
    public Decision attempt(Rule rule, String key) {
        Bucket bucket = buckets.get(rule.name() + '\u0000' + key, k -> newBucket(rule));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Decision(
                probe.isConsumed(),
                rule.capacity(),
                probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()),
                seconds(probe.getNanosToWaitForRefill()));
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** Takes one token for {@code key} under {@code rule}, or throws a 429 with the wait time. */
    public void consume(Rule rule, String key) {
        Bucket bucket = buckets.get(rule.name() + '\u0000' + key, k -> newBucket(rule));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new RateLimitedException(seconds);
        }
    }

    private Bucket newBucket(Rule rule) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(rule.capacity())
                        .refillGreedy(rule.capacity(), rule.period())
                        .build())
                .withCustomTimePrecision(timeMeter)
                .build();
    }
}
