package io.refrain.history.importer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import tools.jackson.databind.ObjectMapper;

/**
 * The ListenBrainz "export your data" zip: {@code user.json}, {@code feedback.jsonl} and the listens
 * as {@code listens/<year>/<month>.jsonl}. Entries are read in archive order straight from the
 * stream (no temp file, no central directory), each through {@link JsonLinesSource}. Positions run
 * on across entries; parse-level skip details start with the entry name (the shared
 * {@link ExportRules} run later and only know the running position).
 */
final class ListenBrainzZipSource implements RowSource {

    private final ZipInputStream zip;
    private final ObjectMapper mapper;
    private final JsonRecordMapper recordMapper = new ListenBrainzRecords();
    private String entryName;
    private JsonLinesSource entry;
    private long linesBefore;
    private long linesInEntry;

    ListenBrainzZipSource(InputStream in, ObjectMapper mapper) {
        this.zip = new ZipInputStream(in);
        this.mapper = mapper;
    }

    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** Whether an entry holds listens: listens/**.jsonl, or a bare listens.jsonl as import tools write. */
    static boolean isListens(String name) {
        String n = name.replace('\\', '/');
        return n.endsWith(".jsonl")
                && (n.startsWith("listens/") || n.equals("listens.jsonl") || n.contains("/listens/"));
    }

    /** Moves to the first listens entry; false when the archive has none (not a ListenBrainz export). */
    boolean start() throws IOException {
        return nextEntry();
    }

    private boolean nextEntry() throws IOException {
        if (entry != null) {
            linesBefore += linesInEntry;
        }
        ZipEntry e;
        while ((e = zip.getNextEntry()) != null) {
            if (!e.isDirectory() && isListens(e.getName())) {
                entryName = e.getName();
                entry = new JsonLinesSource(mapper, new KeepOpen(zip), recordMapper);
                linesInEntry = 0;
                return true;
            }
        }
        entry = null;
        return false;
    }

    @Override
    public ExportRow next() throws IOException {
        while (entry != null) {
            ExportRow row = entry.next();
            if (row != null) {
                linesInEntry = row.position();
                long position = linesBefore + row.position();
                return switch (row) {
                    case ExportRow.Listen l -> new ExportRow.Listen(position, l.listen());
                    case ExportRow.Skipped s ->
                        new ExportRow.Skipped(position, s.reason(), entryName + ": " + s.detail());
                };
            }
            linesInEntry = entry.lineCount();
            nextEntry();
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Entry readers must not close the archive stream when they finish. */
    private static final class KeepOpen extends FilterInputStream {

        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream is closed by ListenBrainzZipSource
        }
    }
}
