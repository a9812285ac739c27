package io.refrain.history.importer;

import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Walks a top-level JSON array with the streaming parser and materialises one element at a time as
 * a tree, so memory stays at one record whatever the file size.
 *
 * <p>Broken structure (a truncated download, garbage mid-file): the stream ends with one final
 * Skipped UNPARSEABLE row whose detail gives the line and column; the records before it are kept.
 * JSON cannot be resynchronised after a syntax error, so nothing after it is read.
 */
final class JsonArraySource implements RowSource {

    private final ObjectMapper mapper;
    private final JsonParser parser;
    private final JsonRecordMapper recordMapper;
    private boolean started;
    private boolean done;
    private long position;

    JsonArraySource(ObjectMapper mapper, InputStream in, JsonRecordMapper recordMapper) {
        this.mapper = mapper;
        this.parser = mapper.createParser(in);
        this.recordMapper = recordMapper;
    }

    @Override
    public ExportRow next() {
        if (done) {
            return null;
        }
        JsonToken token;
        try {
            if (!started) {
                started = true;
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    done = true;
                    return new ExportRow.Skipped(
                            1,
                            SkipReason.UNPARSEABLE,
                            "expected a JSON array of records, found " + (first == null ? "nothing" : first));
                }
            }
            token = parser.nextToken();
        } catch (JacksonException e) {
            return broken(position + 1, e);
        }
        if (token == JsonToken.END_ARRAY) {
            done = true; // anything after the array is ignored, as browsers and jq do
            return null;
        }
        if (token == null) {
            return broken(position + 1, null);
        }
        position++;
        JsonNode node;
        try {
            node = mapper.readTree(parser);
        } catch (JacksonException e) {
            return broken(position, e);
        }
        return JsonRecordMapper.mapSafely(recordMapper, position, node);
    }

    /** The final row of a file whose structure broke; {@code e} null = clean end of input. */
    private ExportRow broken(long at, JacksonException e) {
        done = true;
        if (at == position + 1 && (e == null || endOfInput(e))) {
            return new ExportRow.Skipped(
                    at,
                    SkipReason.UNPARSEABLE,
                    "file ends after record " + position + " without closing the JSON array (truncated?)");
        }
        TokenStreamLocation loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        return new ExportRow.Skipped(
                at,
                SkipReason.UNPARSEABLE,
                "broken JSON in record " + at + where + ", reading stopped: " + e.getOriginalMessage());
    }

    /** Jackson 3.1 reports EOF between array entries as a plain StreamReadException, hence the message check. */
    private static boolean endOfInput(JacksonException e) {
        return e instanceof UnexpectedEndOfInputException
                || (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input"));
    }

    @Override
    public void close() {
        parser.close();
    }
}
