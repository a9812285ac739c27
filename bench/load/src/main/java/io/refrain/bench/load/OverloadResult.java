package io.refrain.bench.load;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What an overload run ({@code bench run --overload}) measured. The timeline: a light probe alone
 * for {@code baselineSeconds} (what "normal" is), the overload on top of it for
 * {@code overloadSeconds}, then the probe alone again for {@code recoverySeconds}.
 * Every answer falls in one class: accepted (2xx, 304), refused (429, 503: the server shedding
 * load, as it should), server error (any other 5xx: must be 0), no answer, or another status.
 *
 * @param overload           the overload's own requests
 * @param probeBaseline      the probe before the overload
 * @param probeDuring        the probe while the overload ran
 * @param normalP99Ms        the probe counts as back to normal when the p99 of every window of
 *                           {@link #WINDOW_SECONDS} seconds is at most this: twice the baseline
 *                           p99, and at least the baseline p99 + 25 ms (a low rate's p99 is noisy)
 * @param recoverySecondsAfterEnd seconds from the end of the overload until the probe is normal and
 *                           stays so (no refusal, no error, p99 at most {@code normalP99Ms});
 *                           null when it did not recover within the recovery period
 * @param lastRefusalSecondsAfterEnd the last refused or failed answer (overload or probe), in
 *                           seconds after the end of the overload (0 when none came after it)
 */
public record OverloadResult(double offeredRatePerSecond, double probeRatePerSecond, double baselineSeconds,
                             double overloadSeconds, double recoverySeconds, Window overload, Window probeBaseline,
                             Window probeDuring, Window probeAfter, double normalP99Ms, Double recoverySecondsAfterEnd,
                             double lastRefusalSecondsAfterEnd, String verdict, List<Second> seconds) {

    static final int WINDOW_SECONDS = 3;

    /** How an answer counts. */
    enum Outcome { ACCEPTED, REFUSED_429, REFUSED_503, SERVER_ERROR, NO_RESPONSE, OTHER }

    static Outcome classify(int status) {
        if (status == Measurements.NO_RESPONSE) {
            return Outcome.NO_RESPONSE;
        }
        if ((status >= 200 && status < 300) || status == 304) {
            return Outcome.ACCEPTED;
        }
        return switch (status) {
            case 429 -> Outcome.REFUSED_429;
            case 503 -> Outcome.REFUSED_503;
            default -> status >= 500 ? Outcome.SERVER_ERROR : Outcome.OTHER;
        };
    }

    /**
     * The answers of one stretch of time, as rates over its length.
     *
     * @param refusedWithoutRetryAfter 429 / 503 answers that did not say when to come back (must be 0)
     * @param accepted                 latency of the accepted answers only
     * @param refusedP99Ms             how fast refusals come (p99), so shedding itself is seen to be cheap
     */
    public record Window(double seconds, long requests, double acceptedPerSecond, double refused429PerSecond,
                         double refused503PerSecond, long refused429, long refused503, long refusedWithoutRetryAfter,
                         long serverErrors, long noResponse, long otherStatuses, PhaseResult.Latency accepted,
                         double refusedP99Ms) {

        static Window of(List<Measurements.Sample> samples, double seconds) {
            Histogram accepted = new Histogram(120_000_000L, 3);
            Histogram refused = new Histogram(120_000_000L, 3);
            long[] counts = new long[Outcome.values().length];
            long withoutRetryAfter = 0;
            for (Measurements.Sample s : samples) {
                Outcome o = classify(s.status());
                counts[o.ordinal()]++;
                long micros = Math.min(s.latencyMicros(), 120_000_000L);
                if (o == Outcome.ACCEPTED) {
                    accepted.recordValue(micros);
                } else if (o == Outcome.REFUSED_429 || o == Outcome.REFUSED_503) {
                    refused.recordValue(micros);
                    if (!s.retryAfter()) {
                        withoutRetryAfter++;
                    }
                }
            }
            double span = Math.max(seconds, 1e-9);
            long ok = counts[Outcome.ACCEPTED.ordinal()];
            long r429 = counts[Outcome.REFUSED_429.ordinal()];
            long r503 = counts[Outcome.REFUSED_503.ordinal()];
            return new Window(seconds, samples.size(), ok / span, r429 / span, r503 / span, r429, r503, withoutRetryAfter,
                    counts[Outcome.SERVER_ERROR.ordinal()], counts[Outcome.NO_RESPONSE.ordinal()],
                    counts[Outcome.OTHER.ordinal()], PhaseResult.Latency.of(accepted, ok, 0),
                    refused.getTotalCount() == 0 ? 0 : Measurements.millis(refused.getValueAtPercentile(99)));
        }

        long refused() {
            return refused429 + refused503;
        }

        /** Anything but an accepted answer. */
        long notAccepted() {
            return requests - accepted.requests();
        }
    }

    /**
     * One second of the timeline (second 0 = start of the baseline): the overload's answers by
     * class ({@code errors}: anything neither accepted nor refused), the probe's accepted and
     * not accepted answers and its slowest accepted one.
     */
    public record Second(int second, long accepted, long refused429, long refused503, long errors, long probeAccepted,
                         long probeNotAccepted, double probeMaxMs) {
    }

    static OverloadResult of(double offeredRate, double probeRate, double baselineSeconds, double overloadSeconds,
                             double recoverySeconds, List<Measurements.Sample> load, List<Measurements.Sample> probe) {
        long overloadStart = Math.round(baselineSeconds * 1000);
        long overloadEnd = Math.round((baselineSeconds + overloadSeconds) * 1000);
        long end = Math.round((baselineSeconds + overloadSeconds + recoverySeconds) * 1000);
        // the overload's answers that came after its end (requests still in flight) count with it
        Window overload = Window.of(load, overloadSeconds);
        Window baseline = Window.of(between(probe, 0, overloadStart), baselineSeconds);
        Window during = Window.of(between(probe, overloadStart, overloadEnd), overloadSeconds);
        Window after = Window.of(between(probe, overloadEnd, Long.MAX_VALUE), recoverySeconds);
        double baselineP99 = baseline.accepted().p99Ms();
        double normal = Math.max(2 * baselineP99, baselineP99 + 25);

        // recovered at the first second after which every window of the probe is normal
        int afterSeconds = (int) Math.floor(recoverySeconds);
        Double recovery = null;
        for (int k = afterSeconds - WINDOW_SECONDS; k >= 0; k--) {
            long from = overloadEnd + k * 1000L;
            if (!normal(Window.of(between(probe, from, from + WINDOW_SECONDS * 1000L), WINDOW_SECONDS), normal)) {
                break;
            }
            recovery = (double) k;
        }
        long lastBad = overloadEnd;
        for (List<Measurements.Sample> list : List.of(load, probe)) {
            for (Measurements.Sample s : list) {
                if (classify(s.status()) != Outcome.ACCEPTED && s.atMillis() > lastBad) {
                    lastBad = s.atMillis();
                }
            }
        }
        // the load's stragglers still arriving after the end also delay recovery: they are load
        if (recovery != null) {
            double lastLoadAnswer = load.stream().mapToLong(Measurements.Sample::atMillis).max().orElse(overloadEnd);
            recovery = Math.max(recovery, Math.ceil(Math.max(0, lastLoadAnswer - overloadEnd) / 1000.0));
        }
        String verdict = verdict(offeredRate, overload, recovery, recoverySeconds);
        return new OverloadResult(offeredRate, probeRate, baselineSeconds, overloadSeconds, recoverySeconds, overload,
                baseline, during, after, normal, recovery, (lastBad - overloadEnd) / 1000.0, verdict,
                seconds(load, probe, (int) Math.ceil(end / 1000.0)));
    }

    private static boolean normal(Window w, double normalP99Ms) {
        return w.requests() > 0 && w.notAccepted() == 0 && w.accepted().p99Ms() <= normalP99Ms;
    }

    private static String verdict(double offered, Window o, Double recovery, double recoveryPeriod) {
        return String.format(java.util.Locale.ROOT,
                "at %.0f requests/s offered: %.1f/s accepted (p99 %.0f ms), %.1f/s refused (429: %d, 503: %d; %d without "
                        + "Retry-After), %d other 5xx, %d without answer; %s",
                offered, o.acceptedPerSecond(), o.accepted().p99Ms(), o.refused429PerSecond() + o.refused503PerSecond(),
                o.refused429(), o.refused503(), o.refusedWithoutRetryAfter(), o.serverErrors(), o.noResponse(),
                recovery == null ? String.format(java.util.Locale.ROOT, "not back to normal within %.0f s", recoveryPeriod)
                        : String.format(java.util.Locale.ROOT, "back to normal %.0f s after the load stopped", recovery));
    }

    private static List<Measurements.Sample> between(List<Measurements.Sample> samples, long fromMillis, long toMillis) {
        return samples.stream().filter(s -> s.atMillis() >= fromMillis && s.atMillis() < toMillis).toList();
    }

    private static List<Second> seconds(List<Measurements.Sample> load, List<Measurements.Sample> probe, int count) {
        long[][] l = new long[count][4];
        long[][] p = new long[count][2];
        long[] probeMax = new long[count];
        for (Measurements.Sample s : load) {
            int i = (int) (s.atMillis() / 1000);
            if (i >= 0 && i < count) {
                switch (classify(s.status())) {
                    case ACCEPTED -> l[i][0]++;
                    case REFUSED_429 -> l[i][1]++;
                    case REFUSED_503 -> l[i][2]++;
                    default -> l[i][3]++;
                }
            }
        }
        for (Measurements.Sample s : probe) {
            int i = (int) (s.atMillis() / 1000);
            if (i >= 0 && i < count) {
                if (classify(s.status()) == Outcome.ACCEPTED) {
                    p[i][0]++;
                    probeMax[i] = Math.max(probeMax[i], s.latencyMicros());
                } else {
                    p[i][1]++;
                }
            }
        }
        List<Second> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Second(i, l[i][0], l[i][1], l[i][2], l[i][3], p[i][0], p[i][1], Measurements.millis(probeMax[i])));
        }
        return out;
    }

    /** 5xx other than 503, refusals without Retry-After and missing answers: what must be 0. */
    boolean clean() {
        return overload.serverErrors() == 0 && overload.noResponse() == 0 && overload.refusedWithoutRetryAfter() == 0
                && probeDuring.serverErrors() == 0 && probeDuring.noResponse() == 0
                && probeDuring.refusedWithoutRetryAfter() == 0;
    }
}
