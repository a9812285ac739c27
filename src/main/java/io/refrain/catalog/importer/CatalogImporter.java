package io.refrain.catalog.importer;

import io.refrain.platform.cli.CliException;
import io.refrain.platform.cli.CountingInputStream;
import io.refrain.platform.cli.Progress;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports catalog CSV files (gzip or plain): streams each file row by row (constant memory),
 * validates rows, {@code COPY}s the good ones into a staging table and merges everything into
 * the catalog in one transaction, so a failed import changes nothing.
 */
@Service
public class CatalogImporter {

    private static final int MAX_EXAMPLES = 10;

    private final TransactionTemplate transactions;
    private final CatalogMergeRepository staging;
    private final CatalogMerge merge;
    private final Clock clock;

    CatalogImporter(TransactionTemplate transactions, CatalogMergeRepository staging, CatalogMerge merge, Clock clock) {
        this.transactions = transactions;
        this.staging = staging;
        this.merge = merge;
        this.clock = clock;
    }

    /** A named source of catalog CSV bytes (a file, or the demo resource). */
    public record Source(String name, long size, InputStreamSupplier open) {
        public static Source of(Path file) {
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                throw new CliException("cannot read " + file);
            }
            try {
                return new Source(file.toString(), Files.size(file), () -> Files.newInputStream(file));
            } catch (IOException e) {
                throw new CliException("cannot read " + file + ": " + e.getMessage());
            }
        }
    }

    @FunctionalInterface
    public interface InputStreamSupplier {
        InputStream get() throws IOException;
    }

    public ImportSummary importSources(List<Source> sources, boolean showProgress) {
        long started = System.nanoTime();
        Tally tally = new Tally();
        CatalogMerge.Counts counts = transactions.execute(status -> {
            staging.createStaging();
            long totalBytes = sources.stream().mapToLong(Source::size).sum();
            Progress progress = showProgress ? Progress.onStderr("reading", totalBytes) : null;
            long[] bytesBefore = {0};
            try (var copy = staging.openStagingCopy();
                    var printer = new CSVPrinter(
                            new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16),
                            CSVFormat.POSTGRESQL_CSV)) {
                for (Source source : sources) {
                    copyOne(source, printer, tally, progress, bytesBefore[0]);
                    bytesBefore[0] += source.size();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into the staging table failed: " + e.getMessage(), e);
            }
            if (progress != null) {
                progress.finish(tally.rows);
                System.err.println("merging into the catalog…");
            }
            return merge.merge(clock.instant());
        });
        return tally.summary(counts, Duration.ofNanos(System.nanoTime() - started));
    }

    private void copyOne(Source source, CSVPrinter printer, Tally tally, Progress progress, long bytesBefore)
            throws IOException {
        CountingInputStream counted = new CountingInputStream(source.open().get());
        try (CSVParser csv = openCsv(source, counted)) {
            CatalogCsvParser.checkHeader(csv.getHeaderMap(), source.name());
            CatalogCsvParser parser = new CatalogCsvParser();
            for (CSVRecord record : csv) {
                tally.rows++;
                switch (parser.parse(record)) {
                    case CatalogCsvParser.Accepted accepted -> {
                        printer.printRecord(accepted.row().values());
                        tally.accepted++;
                        if (accepted.warning() != null) {
                            tally.warn(source.name() + " line " + (record.getRecordNumber() + 1) + ": "
                                    + accepted.warning());
                        }
                    }
                    case CatalogCsvParser.Rejected rejected ->
                        tally.reject(
                                rejected.reason(),
                                source.name() + " line " + (record.getRecordNumber() + 1) + ": " + rejected.reason()
                                        + " (" + rejected.detail() + ")");
                }
                if (progress != null && (tally.rows & 1023) == 0) {
                    progress.update(bytesBefore + counted.count(), tally.rows);
                }
            }
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new CliException(source.name() + " could not be read as CSV: " + e.getMessage());
        }
    }

    /**
     * Opens the file as CSV and reads its header. A file broken in its first bytes (cut-off or
     * corrupt gzip) fails here: a clear error naming the file, not a stack trace.
     */
    private static CSVParser openCsv(Source source, CountingInputStream counted) {
        try {
            Reader reader = new InputStreamReader(decompressed(counted), StandardCharsets.UTF_8);
            return CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(reader);
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            try {
                counted.close();
            } catch (IOException ignored) {
                // the error above is the one worth reporting
            }
            throw new CliException(source.name() + " could not be read as CSV: " + e.getMessage());
        }
    }

    private static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static final class Tally {
        long rows;
        long accepted;
        long warnings;
        final Map<String, Long> rejected = new LinkedHashMap<>();
        final List<String> rejectedExamples = new ArrayList<>();
        final List<String> warningExamples = new ArrayList<>();

        void reject(String reason, String example) {
            rejected.merge(reason, 1L, Long::sum);
            if (rejectedExamples.size() < MAX_EXAMPLES) {
                rejectedExamples.add(example);
            }
        }

        void warn(String example) {
            warnings++;
            if (warningExamples.size() < MAX_EXAMPLES) {
                warningExamples.add(example);
            }
        }

        ImportSummary summary(CatalogMerge.Counts c, Duration elapsed) {
            long existing = c.distinctTracks() - c.tracksInserted();
            return new ImportSummary(
                    rows,
                    accepted,
                    Map.copyOf(rejected),
                    List.copyOf(rejectedExamples),
                    warnings,
                    List.copyOf(warningExamples),
                    accepted - c.distinctTracks(),
                    c.distinctTracks(),
                    c.tracksInserted(),
                    c.tracksUpdated(),
                    existing - c.tracksUpdated(),
                    c.albumsInserted(),
                    c.albumsUpdated(),
                    c.artistsInserted(),
                    c.genresInserted(),
                    c.featuresChanged(),
                    elapsed);
        }
    }
}
