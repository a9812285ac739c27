package io.refrain.platform.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * A progress bar for long CLI work. On a terminal it redraws one line a few times a second;
 * otherwise (logs, CI) it prints a line every 10%.
 */
public final class Progress {

    private static final long REDRAW_NANOS = Duration.ofMillis(200).toNanos();
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean terminal;
    private final boolean bytes;
    private final long started = System.nanoTime();
    private long lastDraw;
    private int lastDecile = -1;

    public Progress(PrintStream out, String label, long total, boolean terminal) {
        this(out, label, total, terminal, false);
    }

    private Progress(PrintStream out, String label, long total, boolean terminal, boolean bytes) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.terminal = terminal;
        this.bytes = bytes;
    }

    public static Progress onStderr(String label, long total) {
        return new Progress(System.err, label, total, System.console() != null);
    }

    /** Progress of copying {@code totalBytes}: shows megabytes done and the rate instead of rows. */
    public static Progress bytesOnStderr(String label, long totalBytes) {
        return new Progress(System.err, label, totalBytes, System.console() != null, true);
    }

    /** Reports that {@code done} of the total units (bytes, rows) are finished; {@code items} is shown as a count. */
    public void update(long done, long items) {
        long now = System.nanoTime();
        int decile = (int) Math.min(10, done * 10 / total);
        if (terminal ? now - lastDraw >= REDRAW_NANOS : decile > lastDecile) {
            lastDraw = now;
            lastDecile = decile;
            draw(done, items, terminal ? "\r" : "", terminal ? "" : "\n");
        }
    }

    public void finish(long items) {
        draw(total, items, terminal ? "\r" : "", "\n");
    }

    private void draw(long done, long items, String prefix, String suffix) {
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
        String count = bytes
                ? String.format(
                        Locale.ROOT, "%,.1f of %,.1f MB  %,.1f MB/s", done / 1e6, total / 1e6, done / 1e6 / seconds)
                : String.format(Locale.ROOT, "%,d rows  %,.0f rows/s", items, items / seconds);
        out.print(String.format(
                Locale.ROOT,
                "%s%s [%s%s] %3d%%  %s%s",
                prefix,
                label,
                "#".repeat(filled),
                "-".repeat(WIDTH - filled),
                Math.round(fraction * 100),
                count,
                suffix));
        out.flush();
    }
}
