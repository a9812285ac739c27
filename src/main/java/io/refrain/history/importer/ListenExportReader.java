package io.refrain.history.importer;

import io.refrain.platform.cli.CountingInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads listening-history exports as a lazy stream of rows, one record in memory at a time.
 *
 * <p>Contract shared by all formats:
 * <ul>
 * <li>A bad record never stops reading: it becomes {@link ExportRow.Skipped} with a reason and detail.
 * <li>A broken file structure (truncated JSON array, unterminated CSV quote) ends the stream with one
 * final {@code Skipped UNPARSEABLE} row whose detail says where; rows before it are delivered. JSON
 * lines lose only the broken line. The stream does not throw for bad content.
 * <li>Times before 2002-10-01 or more than an hour after {@code clock.instant()} (taken when
 * {@code read} is called) are OUT_OF_RANGE; plays shorter than {@code minPlayMs} are TOO_SHORT.
 * <li>Gzip is detected from the bytes, not the name.
 * </ul>
 * The caller must close the returned stream (try-with-resources); closing it closes the input.
 */
public final class ListenExportReader {

    /** The minimum play time callers use by default, as Last.fm counts a scrobble after 30 s. */
    public static final int DEFAULT_MIN_PLAY_MS = 30_000;

    /** Reads one array element at a time, so the rest of the array after it is not "trailing garbage". */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** One JSON value per line: anything after it on the line is an error. */
    private static final ObjectMapper LINE_MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final Clock clock;
    private final int minPlayMs;

    public ListenExportReader(Clock clock, int minPlayMs) {
        this.clock = clock;
        this.minPlayMs = minPlayMs;
    }

    /**
     * The format of the file, sniffed from its (decompressed) first 64 kB; the name only settles an
     * empty JSON array.
     *
     * @throws UnknownExportFormatException when the content matches no known format
     */
    public ExportFormat detect(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            BufferedInputStream content = ExportInput.open(raw);
            String name = file.getFileName().toString();
            if (ListenBrainzZipSource.isZip(ExportInput.peek(content, 4))) {
                try (ListenBrainzZipSource zip = new ListenBrainzZipSource(content, LINE_MAPPER)) {
                    return zipFormat(zip, name);
                }
            }
            return detect(content, name);
        }
    }

    /** Same as {@link #read(Path, LongConsumer)} without progress. */
    public Stream<ExportRow> read(Path file) throws IOException {
        return read(file, bytes -> {});
    }

    /**
     * Streams the rows of {@code file}. {@code progress} receives the running count of raw file bytes
     * consumed (compressed bytes for .gz), reaching {@code Files.size(file)} once the stream is drained.
     */
    public Stream<ExportRow> read(Path file, LongConsumer progress) throws IOException {
        InputStream raw = Files.newInputStream(file);
        try {
            return read(raw, file.getFileName().toString(), progress);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** For uploads: {@code fileName} is the client's name, used in messages and only as a tie-breaker. */
    public Stream<ExportRow> read(InputStream in, String fileName) throws IOException {
        return read(in, fileName, bytes -> {});
    }

    /**
     * For uploads with progress: bytes of {@code in} consumed so far. Closing the returned stream closes
     * {@code in}; if this method throws, {@code in} is left open for the caller.
     */
    public Stream<ExportRow> read(InputStream in, String fileName, LongConsumer progress) throws IOException {
        BufferedInputStream content = ExportInput.open(new CountingInputStream(in, progress));
        RowSource source;
        if (ListenBrainzZipSource.isZip(ExportInput.peek(content, 4))) {
            ListenBrainzZipSource zip = new ListenBrainzZipSource(content, LINE_MAPPER);
            zipFormat(zip, fileName);
            source = zip;
        } else {
            source = source(detect(content, fileName), content);
        }
        ExportRules rules = new ExportRules(clock.instant(), minPlayMs);
        // Parsers stop at the closing bracket; reading the trailing bytes (a newline, the gzip trailer)
        // makes the progress count end at the input size, which is what a progress bar compares with.
        Runnable drain = () -> {
            try {
                content.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // the rows are all delivered; a read error in trailing bytes does not matter
            }
        };
        return StreamSupport.stream(new Rows(source, rules, drain), false).onClose(() -> {
            try {
                source.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A zip is only known as the ListenBrainz export, i.e. when it holds listens/*.jsonl entries. */
    private static ExportFormat zipFormat(ListenBrainzZipSource zip, String fileName) throws IOException {
        if (!zip.start()) {
            zip.close();
            throw new UnknownExportFormatException(
                    fileName, "it is a zip archive without listens/*.jsonl entries (the ListenBrainz export layout)");
        }
        return ExportFormat.LISTENBRAINZ_JSONL;
    }

    private static RowSource source(ExportFormat format, InputStream content) throws IOException {
        return switch (format) {
            case SPOTIFY_EXTENDED -> new JsonArraySource(MAPPER, content, new SpotifyExtendedRecords());
            case SPOTIFY_ACCOUNT_DATA -> new JsonArraySource(MAPPER, content, new SpotifyAccountDataRecords());
            case LISTENBRAINZ_JSON -> new JsonArraySource(MAPPER, content, new ListenBrainzRecords());
            case LISTENBRAINZ_JSONL -> new JsonLinesSource(LINE_MAPPER, content, new ListenBrainzRecords());
            case LASTFM_CSV -> new LastFmCsvSource(content);
        };
    }

    private static ExportFormat detect(BufferedInputStream content, String fileName) throws IOException {
        return ExportSniffer.detect(ExportInput.peek(content, ExportInput.SNIFF_BYTES), fileName, MAPPER);
    }

    /** Pulls one row per advance, so the stream is as lazy as the parser under it. */
    private static final class Rows extends Spliterators.AbstractSpliterator<ExportRow> {

        private final RowSource source;
        private final ExportRules rules;
        private final Runnable atEnd;

        Rows(RowSource source, ExportRules rules, Runnable atEnd) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.source = source;
            this.rules = rules;
            this.atEnd = atEnd;
        }

        @Override
        public boolean tryAdvance(Consumer<? super ExportRow> action) {
            ExportRow row;
            try {
                row = source.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (row == null) {
                atEnd.run();
                return false;
            }
            action.accept(rules.apply(row));
            return true;
        }
    }
}
