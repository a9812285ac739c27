package io.refrain.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * report.html: one self-contained page (inline SVG charts, no scripts, no external files) with
 * the goals, per-endpoint tables, latency percentile curves, throughput and latency over time,
 * CPU and heap over time, the knee and the ceiling.
 */
final class HtmlReport {

    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#637939", "#843c39"};

    private HtmlReport() {
    }

    record Series(String name, List<double[]> points) {
    }

    static String render(Report r) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Refrain benchmark: ").append(esc(r.kind()))
                .append("</title><style>body{font:14px system-ui,sans-serif;margin:24px;max-width:1200px;color:#222}"
                        + "table{border-collapse:collapse;margin:8px 0 20px}td,th{border:1px solid #ccc;padding:3px 8px;"
                        + "text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}"
                        + ".met{color:#1a7f37;font-weight:600}.miss{color:#c62828;font-weight:600}svg{margin:6px 0 18px}"
                        + "code{background:#f5f5f5;padding:1px 4px}</style></head><body>");
        h.append("<h1>Refrain benchmark: ").append(esc(r.kind())).append("</h1><p>").append(esc(r.createdAt()))
                .append(" · ").append(r.machine().cores()).append(" cores, ").append(r.machine().memoryGb())
                .append(" GiB, ").append(esc(r.machine().os())).append(" · server ").append(esc(r.server().baseUrl()))
                .append(" (heap ").append(esc(r.server().heap())).append(")</p>");
        Dataset d = r.dataset();
        if (d != null) {
            h.append(String.format(Locale.ROOT, "<p>Dataset: %,d tracks, %,d users (%,d generated), %,d listens, "
                    + "database %,.0f MB, PostgreSQL %s</p>", d.tracks(), d.users(), d.benchUsers(), d.listens(),
                    d.databaseMb(), esc(d.postgresVersion())));
        }
        targets(h, r.targets());
        if (r.overload() != null) {
            overload(h, r.overload());
        }
        if (r.knee() != null) {
            h.append("<h2>Knee</h2><p>").append(esc(r.knee().verdict())).append("</p>");
            List<double[]> p99 = new ArrayList<>();
            List<double[]> p50 = new ArrayList<>();
            List<double[]> served = new ArrayList<>();
            for (PhaseResult p : r.phases()) {
                p99.add(new double[] {p.offeredRatePerSecond(), p.overall().p99Ms()});
                p50.add(new double[] {p.offeredRatePerSecond(), p.overall().p50Ms()});
                served.add(new double[] {p.offeredRatePerSecond(), p.achievedRatePerSecond()});
            }
            h.append(chart("Latency by offered rate", "offered requests/s", "ms",
                    List.of(new Series("p99", p99), new Series("p50", p50)), HtmlReport::num, r.knee().p99LimitMs()));
            h.append(chart("Served by offered rate", "offered requests/s", "served requests/s",
                    List.of(new Series("served", served)), HtmlReport::num, null));
        }
        for (PhaseResult p : r.phases()) {
            phase(h, p);
        }
        if (r.ceiling() != null && !r.ceiling().isEmpty()) {
            h.append("<h2>Ceiling: the API against pgbench running the same SQL</h2><table><tr><th>endpoint</th>"
                    + "<th>clients</th><th>API req/s</th><th>API p99 ms</th><th>pgbench tx/s</th><th>pgbench ms</th>"
                    + "<th>API / pgbench</th><th>note</th></tr>");
            for (Report.CeilingResult c : r.ceiling()) {
                h.append("<tr><td>").append(esc(c.endpoint())).append("</td><td>").append(c.concurrency())
                        .append("</td><td>").append(num(c.apiPerSecond())).append("</td><td>").append(num(c.apiP99Ms()))
                        .append("</td><td>").append(c.pgbenchPerSecond() == null ? "–" : num(c.pgbenchPerSecond()))
                        .append("</td><td>").append(c.pgbenchLatencyMs() == null ? "–" : num(c.pgbenchLatencyMs()))
                        .append("</td><td class=\"").append(c.ratio() == null ? "" : c.ratio() >= Targets.API_SHARE ? "met" : "miss")
                        .append("\">").append(c.ratio() == null ? "–" : String.format(Locale.ROOT, "%.0f %%", c.ratio() * 100))
                        .append("</td><td>").append(esc(c.note() == null ? "" : c.note())).append("</td></tr>");
            }
            h.append("</table>");
        }
        if (r.ingestion() != null) {
            IngestionCeiling.Result i = r.ingestion();
            h.append("<h2>Ingestion ceiling</h2><table><tr><th>path</th><th>rows</th><th>seconds</th><th>rows/s</th></tr>")
                    .append(String.format(Locale.ROOT, "<tr><td>API, %d-listen batches, %d clients</td><td>%,d</td><td>%.1f</td><td>%,.0f</td></tr>",
                            i.batchSize(), i.clients(), i.apiListens(), i.apiSeconds(), i.apiListensPerSecond()))
                    .append(String.format(Locale.ROOT, "<tr><td>bare COPY into listens (no statistics)</td><td>%,d</td><td>%.1f</td><td>%,.0f</td></tr>",
                            i.copyRows(), i.copySeconds(), i.copyRowsPerSecond()))
                    .append("</table>");
        }
        h.append("<h2>Notes</h2><ul>");
        r.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
        h.append("</ul></body></html>\n");
        return h.toString();
    }

    private static void overload(StringBuilder h, OverloadResult o) {
        h.append("<h2>Overload</h2><p>").append(esc(o.verdict())).append("</p>").append(String.format(Locale.ROOT,
                "<p>Timeline: probe %s/s alone for %.0f s, overload %s/s on top for %.0f s (seconds %.0f–%.0f), probe alone "
                        + "for %.0f s. Recovery: %s; last refused or failed answer %.1f s after the overload ended.</p>",
                num(o.probeRatePerSecond()), o.baselineSeconds(), num(o.offeredRatePerSecond()), o.overloadSeconds(),
                o.baselineSeconds(), o.baselineSeconds() + o.overloadSeconds(), o.recoverySeconds(),
                o.recoverySecondsAfterEnd() == null ? "not back to normal within the recovery period"
                        : String.format(Locale.ROOT, "%.0f s after the overload ended (probe p99 within %.0f ms, no "
                                + "refusals, in every %d s window from then on)", o.recoverySecondsAfterEnd(), o.normalP99Ms(),
                        OverloadResult.WINDOW_SECONDS), o.lastRefusalSecondsAfterEnd()));
        h.append("<table><tr><th>who, when</th><th>s</th><th>requests</th><th>accepted/s</th><th>429/s</th><th>503/s</th>"
                + "<th>refused without Retry-After</th><th>other 5xx</th><th>no answer</th><th>other status</th>"
                + "<th>accepted p50</th><th>p95</th><th>p99</th><th>max (ms)</th><th>refused p99 (ms)</th></tr>");
        windowRow(h, "overload load", o.overload());
        windowRow(h, "probe before", o.probeBaseline());
        windowRow(h, "probe during", o.probeDuring());
        windowRow(h, "probe after", o.probeAfter());
        h.append("</table>");
        List<double[]> accepted = new ArrayList<>();
        List<double[]> r429 = new ArrayList<>();
        List<double[]> r503 = new ArrayList<>();
        List<double[]> errors = new ArrayList<>();
        List<double[]> probeOk = new ArrayList<>();
        List<double[]> probeNotAccepted = new ArrayList<>();
        List<double[]> probeMax = new ArrayList<>();
        for (OverloadResult.Second s : o.seconds()) {
            accepted.add(new double[] {s.second(), s.accepted()});
            r429.add(new double[] {s.second(), s.refused429()});
            r503.add(new double[] {s.second(), s.refused503()});
            errors.add(new double[] {s.second(), s.errors()});
            probeOk.add(new double[] {s.second(), s.probeAccepted()});
            probeNotAccepted.add(new double[] {s.second(), s.probeNotAccepted()});
            probeMax.add(new double[] {s.second(), s.probeMaxMs()});
        }
        h.append(chart("Answers per second (overload from second " + num(o.baselineSeconds()) + " to "
                        + num(o.baselineSeconds() + o.overloadSeconds()) + ")", "second", "answers/s",
                List.of(new Series("accepted", accepted), new Series("refused 503", r503), new Series("refused 429", r429),
                        new Series("other (5xx but 503, no answer, …)", errors), new Series("probe accepted", probeOk),
                        new Series("probe not accepted", probeNotAccepted)), HtmlReport::num, null));
        h.append(chart("Probe latency (slowest accepted answer of each second)", "second", "ms",
                List.of(new Series("probe max", probeMax)), HtmlReport::num, o.normalP99Ms()));
    }

    private static void windowRow(StringBuilder h, String name, OverloadResult.Window w) {
        PhaseResult.Latency a = w.accepted();
        h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.0f</td><td>%,d</td><td>%.1f</td><td>%.1f</td><td>%.1f</td>"
                        + "<td class=\"%s\">%d</td><td class=\"%s\">%d</td><td class=\"%s\">%d</td><td>%d</td><td>%.1f</td>"
                        + "<td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td></tr>",
                esc(name), w.seconds(), w.requests(), w.acceptedPerSecond(), w.refused429PerSecond(), w.refused503PerSecond(),
                w.refusedWithoutRetryAfter() == 0 ? "met" : "miss", w.refusedWithoutRetryAfter(),
                w.serverErrors() == 0 ? "met" : "miss", w.serverErrors(), w.noResponse() == 0 ? "met" : "miss",
                w.noResponse(), w.otherStatuses(), a.p50Ms(), a.p95Ms(), a.p99Ms(), a.maxMs(), w.refusedP99Ms()));
    }

    private static void targets(StringBuilder h, List<Report.Target> targets) {
        if (targets == null || targets.isEmpty()) {
            return;
        }
        h.append("<h2>Goals</h2><table><tr><th>goal</th><th>measured</th><th>met</th></tr>");
        for (Report.Target t : targets) {
            h.append("<tr><td>").append(esc(t.goal())).append("</td><td style=\"text-align:left\">").append(esc(t.measured()))
                    .append("</td><td class=\"").append(Boolean.TRUE.equals(t.met()) ? "met\">yes" : "miss\">no")
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void phase(StringBuilder h, PhaseResult p) {
        PhaseResult.Resources res = p.resources();
        h.append("<h2>").append(esc(p.name())).append("</h2>").append(String.format(Locale.ROOT,
                "<p>%s served %.1f requests/s over %.0f s; CPU (cores): machine %.2f, server %.2f, PostgreSQL %.2f, "
                        + "load generator %.2f; server GC: %d pauses, %.0f ms in all, longest %.1f ms; heap high-water %.0f MB</p>",
                p.concurrency() > 0 ? p.concurrency() + " clients back to back" : "offered " + num(p.offeredRatePerSecond()) + "/s,",
                p.achievedRatePerSecond(), p.durationSeconds(), res.machineCores(), res.serverCores(), res.postgresCores(),
                res.loadGeneratorCores(), res.gcPauses(), res.gcPauseTotalMs(), res.gcPauseMaxMs(), res.heapMaxMb()));
        h.append("<table><tr><th>endpoint</th><th>request</th><th>req/s</th><th>requests</th><th>mean</th><th>p50</th>"
                + "<th>p95</th><th>p99</th><th>p99.9</th><th>max (ms)</th><th>errors by status</th></tr>");
        for (PhaseResult.EndpointResult e : p.endpoints()) {
            row(h, e.endpoint(), e.request(), e.throughputPerSecond(), e.latency(), e.statuses().toString());
        }
        row(h, "all", "", p.achievedRatePerSecond(), p.overall(), "");
        h.append("</table>");
        List<Series> curves = new ArrayList<>();
        for (PhaseResult.EndpointResult e : p.endpoints()) {
            List<double[]> pts = new ArrayList<>();
            for (double[] c : e.latency().percentileCurve()) {
                if (c[0] < 100) {
                    pts.add(new double[] {nines(c[0]), c[1]});
                }
            }
            curves.add(new Series(e.endpoint(), pts));
        }
        // x ticks at whole "nines": 0, 90, 99, 99.9, 99.99
        h.append(chart("Latency by percentile (" + p.name() + ")", "percentile", "ms", curves, HtmlReport::percentileLabel,
                null, 1));
        List<double[]> rps = new ArrayList<>();
        List<double[]> errors = new ArrayList<>();
        List<double[]> p99 = new ArrayList<>();
        List<double[]> p50 = new ArrayList<>();
        for (Measurements.SecondSample s : p.seconds()) {
            rps.add(new double[] {s.second(), s.requests()});
            errors.add(new double[] {s.second(), s.errors()});
            p99.add(new double[] {s.second(), s.p99Ms()});
            p50.add(new double[] {s.second(), s.p50Ms()});
        }
        h.append(chart("Throughput over time", "second", "requests/s", List.of(new Series("answers", rps),
                new Series("errors", errors)), HtmlReport::num, null));
        h.append(chart("Latency over time", "second", "ms", List.of(new Series("p99", p99), new Series("p50", p50)),
                HtmlReport::num, null));
        List<double[]> machine = new ArrayList<>();
        List<double[]> server = new ArrayList<>();
        List<double[]> pg = new ArrayList<>();
        List<double[]> gen = new ArrayList<>();
        List<double[]> heap = new ArrayList<>();
        for (ResourceSampler.Sample s : res.samples()) {
            machine.add(new double[] {s.second(), s.machineCores()});
            server.add(new double[] {s.second(), s.serverCores()});
            pg.add(new double[] {s.second(), s.postgresCores()});
            gen.add(new double[] {s.second(), s.loadGeneratorCores()});
            heap.add(new double[] {s.second(), s.heapUsedMb()});
        }
        h.append(chart("CPU over time", "second", "cores", List.of(new Series("machine", machine),
                new Series("server JVM", server), new Series("PostgreSQL", pg), new Series("load generator", gen)),
                HtmlReport::num, null));
        h.append(chart("Server heap in use", "second", "MB", List.of(new Series("heap", heap)), HtmlReport::num, null));
    }

    private static void row(StringBuilder h, String name, String request, double rps, PhaseResult.Latency l, String statuses) {
        h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td style=\"text-align:left\"><code>%s</code></td><td>%.1f</td>"
                        + "<td>%,d</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%.1f</td><td>%s</td></tr>",
                esc(name), esc(request), rps, l.requests(), l.meanMs(), l.p50Ms(), l.p95Ms(), l.p99Ms(), l.p999Ms(), l.maxMs(),
                l.errors() == 0 ? "0" : l.errors() + " " + esc(statuses)));
    }

    /** Percentile on a "number of nines" axis: 90 → 1, 99 → 2, 99.9 → 3. */
    private static double nines(double percentile) {
        return -Math.log10(1 - percentile / 100.0);
    }

    private static String percentileLabel(double x) {
        double p = 100 * (1 - Math.pow(10, -x));
        return p >= 99 ? String.format(Locale.ROOT, "%.2f", p).replaceAll("0+$", "").replaceAll("\\.$", "")
                : String.format(Locale.ROOT, "%.0f", p);
    }

    private static String chart(String title, String xLabel, String yLabel, List<Series> series,
                                DoubleFunction<String> xTick, Double limitLine) {
        return chart(title, xLabel, yLabel, series, xTick, limitLine, 0);
    }

    /** @param xStep distance of x ticks; 0: a round step giving about six ticks */
    private static String chart(String title, String xLabel, String yLabel, List<Series> series,
                                DoubleFunction<String> xTick, Double limitLine, double xStep) {
        int w = 900;
        int hgt = 300;
        int left = 60;
        int right = 170;
        int top = 30;
        int bottom = 40;
        double maxX = 0;
        double minX = Double.MAX_VALUE;
        double maxY = limitLine == null ? 0 : limitLine;
        for (Series s : series) {
            for (double[] pt : s.points()) {
                maxX = Math.max(maxX, pt[0]);
                minX = Math.min(minX, pt[0]);
                maxY = Math.max(maxY, pt[1]);
            }
        }
        if (minX == Double.MAX_VALUE) {
            return "";
        }
        maxY = niceCeiling(maxY);
        double spanX = maxX - minX == 0 ? 1 : maxX - minX;
        double pw = w - left - right;
        double ph = hgt - top - bottom;
        final double fMinX = minX;
        final double fMaxY = maxY;
        DoubleFunction<Double> sx = x -> left + (x - fMinX) / spanX * pw;
        DoubleFunction<Double> sy = y -> top + ph - y / fMaxY * ph;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-size=\"11\">", w, hgt));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"600\">%s</text>", left, esc(title)));
        for (int i = 0; i <= 5; i++) {
            double y = maxY * i / 5;
            double py = sy.apply(y);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left, left + pw, py, py, left - 5, py + 4, num(y)));
        }
        double step = xStep > 0 ? xStep : niceCeiling(spanX / 6);
        for (double x = Math.ceil(minX / step) * step; x <= maxX + 1e-9; x += step) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    sx.apply(x), top + ph + 15, esc(xTick.apply(x))));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", left + pw / 2,
                hgt - 5, esc(xLabel)));
        s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%.1f\" transform=\"rotate(-90 12 %.1f)\" text-anchor=\"middle\">%s</text>",
                top + ph / 2, top + ph / 2, esc(yLabel)));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#999\"/>",
                left, top, pw, ph));
        if (limitLine != null) {
            double py = sy.apply(limitLine);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#c62828\" "
                    + "stroke-dasharray=\"4 3\"/><text x=\"%.1f\" y=\"%.1f\" fill=\"#c62828\">limit %s</text>",
                    left, left + pw, py, py, left + pw + 4, py + 4, num(limitLine)));
        }
        for (int i = 0; i < series.size(); i++) {
            Series se = series.get(i);
            String color = COLORS[i % COLORS.length];
            StringBuilder pts = new StringBuilder();
            for (double[] pt : se.points()) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", sx.apply(pt[0]), sy.apply(pt[1])));
            }
            s.append("<polyline fill=\"none\" stroke-width=\"1.6\" stroke=\"").append(color).append("\" points=\"")
                    .append(pts.toString().trim()).append("\"/>");
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%.1f\" y=\"%d\">%s</text>", left + pw + 10, top + 14 * i, color, left + pw + 24,
                    top + 14 * i + 9, esc(se.name())));
        }
        return s.append("</svg>").toString();
    }

    private static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * magnitude >= v) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String num(double v) {
        if (Math.abs(v) >= 100 || v == Math.rint(v)) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
