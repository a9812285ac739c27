package io.refrain.history.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Last.fm scrobble CSVs through the Commons CSV record iterator (one record in memory). Last.fm
 * times are scrobble times, i.e. already the start of the play; there is no play duration. The epoch
 * column is preferred to the text time (it has seconds and no format guessing).
 *
 * <p>Position = data record number (the header is not counted). A broken structure, such as an
 * unterminated quote, ends the stream with one Skipped UNPARSEABLE row, as for JSON.
 */
final class LastFmCsvSource implements RowSource {

    static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final LastFmTimes times = new LastFmTimes();
    private LastFmColumns columns;
    private long position;
    private boolean done;

    LastFmCsvSource(InputStream in) throws IOException {
        this.parser = FORMAT.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.records = parser.iterator();
    }

    @Override
    public ExportRow next() {
        if (done) {
            return null;
        }
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                done = true;
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            done = true;
            return new ExportRow.Skipped(
                    position + 1,
                    SkipReason.UNPARSEABLE,
                    "broken CSV after record " + position + ", reading stopped: " + e.getMessage());
        }
        if (columns == null) {
            columns = LastFmColumns.fromFirstRecord(record);
            if (columns == null) {
                done = true;
                return new ExportRow.Skipped(
                        1,
                        SkipReason.UNPARSEABLE,
                        "first line has no artist, track and time columns: " + Details.quote(String.join(",", record)));
            }
            if (columns.hasHeader()) {
                return next();
            }
        }
        position++;
        return toRow(record);
    }

    private ExportRow toRow(CSVRecord r) {
        if (r.size() < columns.requiredFields()) {
            return new ExportRow.Skipped(
                    position,
                    SkipReason.UNPARSEABLE,
                    "line has " + r.size() + " fields, expected " + columns.requiredFields() + ": "
                            + Details.quote(String.join(",", r)));
        }
        Instant at = null;
        String epoch = field(r, columns.epochSeconds());
        if (epoch != null && epoch.matches("-?\\d{1,12}")) {
            at = Instant.ofEpochSecond(Long.parseLong(epoch));
        }
        String time = field(r, columns.time());
        if (at == null && time != null) {
            at = times.parse(time);
            if (at == null) {
                return new ExportRow.Skipped(
                        position,
                        SkipReason.UNPARSEABLE,
                        "time " + Details.quote(time)
                                + " is not a time like '11 Jul 2024, 09:07' or '2020-04-13 05:01:31'");
            }
        }
        if (at == null && epoch != null) {
            at = times.parse(epoch); // some tools put text in a "timestamp" column
            if (at == null) {
                return new ExportRow.Skipped(
                        position, SkipReason.UNPARSEABLE, "timestamp " + Details.quote(epoch) + " is not a time");
            }
        }
        if (at == null) {
            // pingw33n-style exports list the then now-playing track with no date
            return new ExportRow.Skipped(position, SkipReason.UNPARSEABLE, "no time (a now-playing entry?)");
        }
        return new ExportRow.Listen(
                position,
                new ExportedListen(
                        at,
                        field(r, columns.artist()),
                        field(r, columns.track()),
                        field(r, columns.album()),
                        null,
                        null,
                        null,
                        null,
                        null,
                        field(r, columns.trackMbid()),
                        field(r, columns.artistMbid()),
                        field(r, columns.albumMbid()),
                        null));
    }

    private static String field(CSVRecord r, int index) {
        return index < 0 ? null : ExportedListen.clean(r.get(index));
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
