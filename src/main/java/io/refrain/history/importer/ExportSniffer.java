package io.refrain.history.importer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.ObjectMapper;

/**
 * Tells the format from the first bytes of the content. Names lie (users rename downloads, uploads
 * arrive as "blob"), so the content decides; the name only breaks the tie for an empty JSON array.
 */
final class ExportSniffer {

    private ExportSniffer() {}

    static ExportFormat detect(byte[] head, String fileName, ObjectMapper mapper) {
        int start = 0;
        while (start < head.length && Character.isWhitespace(head[start])) {
            start++;
        }
        if (start == head.length) {
            throw new UnknownExportFormatException(fileName, "the file is empty");
        }
        if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
            throw new UnknownExportFormatException(fileName, "zip archives are not supported, unpack it first");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new UnknownExportFormatException(fileName, "it is binary, not text");
            }
        }
        byte first = head[start];
        return first == '[' || first == '{' ? json(head, fileName, mapper) : csv(head, fileName);
    }

    private static ExportFormat json(byte[] head, String fileName, ObjectMapper mapper) {
        boolean array = false;
        boolean empty = false;
        Set<String> keys = new HashSet<>();
        try (JsonParser p = mapper.createParser(head)) {
            JsonToken t = p.nextToken();
            array = t == JsonToken.START_ARRAY;
            if (array) {
                t = p.nextToken();
                empty = t == JsonToken.END_ARRAY;
            }
            if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    keys.add(p.currentName());
                    p.nextToken();
                    p.skipChildren();
                }
            }
        } catch (JacksonException e) {
            // the sniff window may end inside the first record: the keys read so far are enough
        }
        if (keys.contains("master_metadata_track_name")
                || keys.contains("spotify_track_uri")
                || (keys.contains("ts") && keys.contains("ms_played"))) {
            return ExportFormat.SPOTIFY_EXTENDED;
        }
        if (keys.contains("endTime") || keys.contains("msPlayed")) {
            return ExportFormat.SPOTIFY_ACCOUNT_DATA;
        }
        if (keys.contains("track_metadata") || keys.contains("listened_at")) {
            return array ? ExportFormat.LISTENBRAINZ_JSON : ExportFormat.LISTENBRAINZ_JSONL;
        }
        if (empty) {
            ExportFormat byName = byName(fileName);
            if (byName != null) {
                return byName;
            }
        }
        throw new UnknownExportFormatException(
                fileName,
                empty
                        ? "it is an empty JSON array"
                        : "it is JSON but its first record has none of the known fields " + keys);
    }

    private static ExportFormat csv(byte[] head, String fileName) {
        String text = new String(head, StandardCharsets.UTF_8);
        CSVRecord first = null;
        try (CSVParser p = LastFmCsvSource.FORMAT.parse(new StringReader(text))) {
            var it = p.iterator();
            first = it.hasNext() ? it.next() : null;
        } catch (IOException | RuntimeException e) {
            // not CSV either: reported below
        }
        if (first != null && LastFmColumns.fromFirstRecord(first) != null) {
            return ExportFormat.LASTFM_CSV;
        }
        String line = text.lines().findFirst().orElse("");
        throw new UnknownExportFormatException(
                fileName,
                "it is neither JSON nor a scrobble CSV with artist, track and time columns (first line "
                        + Details.quote(line) + ")");
    }

    /** Only for content that says nothing (an empty array): Spotify's own file names. */
    static ExportFormat byName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        n = n.substring(n.lastIndexOf('/') + 1);
        if (n.startsWith("streaming_history_") || n.startsWith("endsong")) {
            return ExportFormat.SPOTIFY_EXTENDED;
        }
        if (n.startsWith("streaminghistory")) {
            return ExportFormat.SPOTIFY_ACCOUNT_DATA;
        }
        if (n.endsWith(".jsonl") || n.endsWith(".jsonl.gz")) {
            return ExportFormat.LISTENBRAINZ_JSONL;
        }
        return null;
    }
}
