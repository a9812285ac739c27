package io.refrain.bench.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Issue #7's goals, checked against what a report measured, and those of the recommendations
 * (recommendations p95 < 50 ms, stated for a user with a current profile; popular now p95 < 20 ms).
 * Goals, not tests: a report states each as met or not, and by how much it falls short.
 */
final class Targets {

    static final double MIXED_RATE = 5000;
    static final double MIXED_P99_MS = 25;
    static final double SUGGEST_P95_MS = 10;
    static final double RECENT_P95_MS = 5;
    static final double RECOMMENDATIONS_P95_MS = 50;
    static final double POPULAR_NOW_P95_MS = 20;
    static final double API_SHARE = 0.70;
    static final double INGEST_PER_SECOND = 50_000;
    static final double OVERLOAD_RECOVERY_SECONDS = 10;
    static final double OVERLOAD_ACCEPTED_P99_MS = 1000;

    private Targets() {
    }

    static List<Report.Target> fromLoad(List<PhaseResult> phases, Report.Knee knee) {
        List<Report.Target> out = new ArrayList<>();
        if (phases.isEmpty()) {
            return out;
        }
        // the phase that speaks for the server: the fixed-rate one, or the knee's last passing level
        PhaseResult p = phases.getFirst();
        if (knee != null) {
            for (PhaseResult level : phases) {
                if (knee.kneeRatePerSecond() != null && level.offeredRatePerSecond() <= knee.kneeRatePerSecond()) {
                    p = level;
                }
            }
            double rate = knee.kneeRatePerSecond() == null ? 0 : knee.kneeRatePerSecond();
            String limit = knee.p99LimitMs() == MIXED_P99_MS ? ""
                    : String.format("; note: this knee used a p99 limit of %.0f ms, not the goal's 25 ms", knee.p99LimitMs());
            out.add(new Report.Target("mixed load >= 5,000 requests/s with p99 < 25 ms and no errors",
                    (rate == 0 ? knee.verdict() + " (no level passed)"
                            : String.format("%s%s", knee.verdict(), shortBy(rate, MIXED_RATE))) + limit,
                    rate >= MIXED_RATE && knee.p99LimitMs() <= MIXED_P99_MS));
        } else {
            boolean met = p.achievedRatePerSecond() >= MIXED_RATE && p.overall().p99Ms() < MIXED_P99_MS
                    && p.overall().errors() == 0;
            out.add(new Report.Target("mixed load >= 5,000 requests/s with p99 < 25 ms and no errors",
                    String.format("%.0f requests/s served (%.0f offered), p99 %.1f ms, %d errors%s",
                            p.achievedRatePerSecond(), p.offeredRatePerSecond(), p.overall().p99Ms(), p.overall().errors(),
                            met ? "" : "; this run offered less than the goal: see --knee for the ceiling"),
                    met));
        }
        latency(out, p, Endpoint.SEARCH_SUGGEST, "search suggest p95 < 10 ms", SUGGEST_P95_MS);
        latency(out, p, Endpoint.RECENTLY_PLAYED, "recently-played p95 < 5 ms for active users", RECENT_P95_MS);
        latency(out, p, Endpoint.RECENTLY_PLAYED_SPARSE, "recently-played p95 < 5 ms for sparse users", RECENT_P95_MS);
        latency(out, p, Endpoint.RECOMMENDATIONS, "recommendations p95 < 50 ms from a seed track", RECOMMENDATIONS_P95_MS);
        latency(out, p, Endpoint.RECOMMENDATIONS_PROFILE, "recommendations p95 < 50 ms from the listener's stored profile",
                RECOMMENDATIONS_P95_MS);
        latency(out, p, Endpoint.POPULAR_NOW, "popular-now p95 < 20 ms", POPULAR_NOW_P95_MS);
        return out;
    }

    static List<Report.Target> fromCeiling(List<Report.CeilingResult> ceiling, IngestionCeiling.Result ingestion) {
        List<Report.Target> out = new ArrayList<>();
        List<Report.CeilingResult> compared = ceiling.stream().filter(c -> c.ratio() != null).toList();
        if (!compared.isEmpty()) {
            Report.CeilingResult worst = compared.stream().min(java.util.Comparator.comparing(Report.CeilingResult::ratio)).get();
            long below = compared.stream().filter(c -> c.ratio() < API_SHARE).count();
            out.add(new Report.Target("API throughput >= 70 % of pgbench's for the same SQL",
                    String.format("%d of %d endpoints below 70 %%; lowest %s at %.0f %%", below, compared.size(),
                            worst.endpoint(), worst.ratio() * 100), below == 0));
        }
        if (ingestion != null) {
            out.add(new Report.Target("batch ingestion >= 50,000 listens/s",
                    String.format("%.0f listens/s through the API (1,000-listen batches); bare COPY %.0f rows/s%s",
                            ingestion.apiListensPerSecond(), ingestion.copyRowsPerSecond(),
                            shortBy(ingestion.apiListensPerSecond(), INGEST_PER_SECOND)),
                    ingestion.apiListensPerSecond() >= INGEST_PER_SECOND));
        }
        return out;
    }

    /** Issue #13's goals for overload: shed with 429/503 and Retry-After, bounded p99, back within seconds. */
    static List<Report.Target> fromOverload(OverloadResult r) {
        List<Report.Target> out = new ArrayList<>();
        OverloadResult.Window o = r.overload();
        out.add(new Report.Target("overload sheds with 429/503 + Retry-After, never another 5xx or no answer",
                String.format("%d refused (429: %d, 503: %d), %d of them without Retry-After; %d other 5xx, %d without "
                                + "answer, %d other statuses (overload and probe)", o.refused(), o.refused429(), o.refused503(),
                        o.refusedWithoutRetryAfter() + r.probeDuring().refusedWithoutRetryAfter(),
                        o.serverErrors() + r.probeDuring().serverErrors(), o.noResponse() + r.probeDuring().noResponse(),
                        o.otherStatuses() + r.probeDuring().otherStatuses()),
                r.clean()));
        out.add(new Report.Target("p99 of accepted requests under overload stays bounded (< 1 s)",
                String.format("p99 %.0f ms, p50 %.0f ms of %.1f accepted requests/s (%.0f offered)", o.accepted().p99Ms(),
                        o.accepted().p50Ms(), o.acceptedPerSecond(), r.offeredRatePerSecond()),
                o.accepted().p99Ms() < OVERLOAD_ACCEPTED_P99_MS));
        out.add(new Report.Target("back to normal within 10 s after the overload stops",
                r.recoverySecondsAfterEnd() == null ? String.format("not within the %.0f s watched", r.recoverySeconds())
                        : String.format("%.0f s (probe p99 <= %.0f ms, no refusals, in every %d s window after it); "
                                + "last refusal %.1f s after the end", r.recoverySecondsAfterEnd(), r.normalP99Ms(),
                        OverloadResult.WINDOW_SECONDS, r.lastRefusalSecondsAfterEnd()),
                r.recoverySecondsAfterEnd() != null && r.recoverySecondsAfterEnd() <= OVERLOAD_RECOVERY_SECONDS));
        return out;
    }

    private static void latency(List<Report.Target> out, PhaseResult p, Endpoint e, String goal, double limitMs) {
        PhaseResult.EndpointResult r = p.endpoint(e);
        if (r == null) {
            return;
        }
        double p95 = r.latency().p95Ms();
        out.add(new Report.Target(goal, String.format("p95 %.1f ms at %.0f requests/s overall (%s)%s", p95,
                p.achievedRatePerSecond(), p.name(), p95 < limitMs ? "" : String.format("; %.1f ms over", p95 - limitMs)),
                p95 < limitMs));
    }

    private static String shortBy(double measured, double goal) {
        return measured >= goal ? "" : String.format("; %.0f %% of the goal (%.1f× short)", measured / goal * 100,
                measured <= 0 ? Double.POSITIVE_INFINITY : goal / measured);
    }
}
