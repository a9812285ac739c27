package io.refrain.platform.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Counts the raw (still compressed) bytes read from a file or upload, so a progress bar can compare
 * the running total with its size (listen imports, catalog imports, restores). Reports, when asked
 * for, happen per buffer fill (tens of kilobytes), not per record, which keeps the callback cheap.
 */
public final class CountingInputStream extends FilterInputStream {

    private final LongConsumer progress;
    private long count;

    public CountingInputStream(InputStream in) {
        this(in, total -> {});
    }

    public CountingInputStream(InputStream in, LongConsumer progress) {
        super(in);
        this.progress = progress;
    }

    /** Bytes read (or skipped) so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            advance(skipped);
        }
        return skipped;
    }

    // mark/reset would count bytes twice; the buffered stream on top does its own marking
    @Override
    public boolean markSupported() {
        return false;
    }

    private void advance(long n) {
        count += n;
        progress.accept(count);
    }
}
