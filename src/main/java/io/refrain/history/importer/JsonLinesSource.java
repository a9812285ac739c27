package io.refrain.history.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * JSON lines: one record per line, parsed line by line. Unlike a JSON array, a broken line (say the
 * truncated last line of a cut-off download) costs only that record: it becomes Skipped UNPARSEABLE
 * and reading goes on. Position = line number; blank lines are ignored.
 */
final class JsonLinesSource implements RowSource {

    private final ObjectMapper mapper;
    private final BufferedReader reader;
    private final JsonRecordMapper recordMapper;
    private long lineNumber;

    JsonLinesSource(ObjectMapper mapper, InputStream in, JsonRecordMapper recordMapper) {
        this.mapper = mapper;
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024);
        this.recordMapper = recordMapper;
    }

    @Override
    public ExportRow next() throws IOException {
        String line;
        do {
            line = reader.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
        } while (line.isBlank());
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JacksonException e) {
            return new ExportRow.Skipped(
                    lineNumber,
                    SkipReason.UNPARSEABLE,
                    "line " + lineNumber + " is not JSON (" + e.getOriginalMessage() + "): " + Details.quote(line));
        }
        return JsonRecordMapper.mapSafely(recordMapper, lineNumber, node);
    }

    /** Lines read so far, blank ones included. */
    long lineCount() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
