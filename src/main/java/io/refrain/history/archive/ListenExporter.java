package io.refrain.history.archive;

import io.refrain.history.ListenPartitions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user's complete history as JSON Lines, oldest first: month by month over the span of their
 * history, the archived file of the month (filtered to the user while it streams by) and then
 * the month's live partition (keyset pages). Memory stays constant: at most one page of
 * {@value #PAGE} listens and its tracks are held at a time, whatever the history's size.
 */
@Service
class ListenExporter {

    static final int PAGE = 1000;

    private final ExportRepository repository;
    private final ArchiveRepository archives;
    private final ArchiveFiles files;
    private final ListenPartitions partitions;
    private final JsonMapper json;

    ListenExporter(
            ExportRepository repository,
            ArchiveRepository archives,
            ArchiveFiles files,
            ListenPartitions partitions,
            JsonMapper json) {
        this.repository = repository;
        this.archives = archives;
        this.files = files;
        this.partitions = partitions;
        this.json = json;
    }

    void export(UUID userId, OutputStream out) throws IOException {
        var span = repository.span(userId);
        if (span.isEmpty()) {
            return;
        }
        YearMonth first = month(span.get().first());
        YearMonth last = month(span.get().last());
        // months outside the user's own span are never opened: a sparse history reads few months
        Map<YearMonth, String> archived = new TreeMap<>();
        archives.archives(first, last).forEach(a -> archived.put(a.month(), a.fileName()));
        var months = new java.util.TreeSet<YearMonth>(archived.keySet());
        partitions.months().stream()
                .filter(m -> !m.isBefore(first) && !m.isAfter(last))
                .forEach(months::add);
        String user = userId.toString();
        for (YearMonth month : months) {
            if (archived.containsKey(month)) {
                exportArchived(user, archived.get(month), out);
            }
            exportLive(userId, month, out);
        }
        out.flush();
    }

    private void exportLive(UUID userId, YearMonth month, OutputStream out) throws IOException {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        ExportRepository.Row after = null;
        while (true) {
            List<ExportRepository.Row> rows = repository.page(userId, from, to, after, PAGE);
            write(rows, out);
            if (rows.size() < PAGE) {
                return;
            }
            after = rows.getLast();
        }
    }

    /** The file is sorted by user id (as text, which is PostgreSQL's uuid order), so reading stops past the user. */
    private void exportArchived(String user, String fileName, OutputStream out) throws IOException {
        try (Reader reader = files.open(fileName);
                CSVParser parser = ArchiveFiles.FORMAT.parse(reader)) {
            List<ExportRepository.Row> batch = new ArrayList<>(PAGE);
            for (CSVRecord record : parser) {
                int order = record.get("user_id").compareTo(user);
                if (order > 0) {
                    break;
                }
                if (order == 0) {
                    batch.add(row(record));
                    if (batch.size() == PAGE) {
                        write(batch, out);
                        batch.clear();
                    }
                }
            }
            write(batch, out);
        }
    }

    private static ExportRepository.Row row(CSVRecord record) {
        String ms = record.get("ms_played");
        String client = record.get("client");
        return new ExportRepository.Row(
                Instant.parse(record.get("listened_at")),
                Long.parseLong(record.get("track_id")),
                ms.isEmpty() ? null : Integer.valueOf(ms),
                client.isEmpty() ? null : client);
    }

    private void write(List<ExportRepository.Row> rows, OutputStream out) throws IOException {
        if (rows.isEmpty()) {
            return;
        }
        var tracks = repository.tracks(
                rows.stream().map(ExportRepository.Row::trackId).toList());
        for (var row : rows) {
            out.write(json.writeValueAsBytes(ExportedListen.of(row, tracks.get(row.trackId()))));
            out.write('\n');
        }
    }

    private static YearMonth month(Instant at) {
        return YearMonth.from(at.atOffset(ZoneOffset.UTC));
    }
}
