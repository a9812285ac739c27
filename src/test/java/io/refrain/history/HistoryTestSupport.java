package io.refrain.history;

import io.refrain.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builders of listen JSON for the history tests. */
abstract class HistoryTestSupport extends IntegrationTest {

    /** A time a few days back, whole seconds, so it is always accepted. */
    Instant recent(long minutesAgo) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(minutesAgo, ChronoUnit.MINUTES);
    }

    static String byId(long trackId, Instant at) {
        return "{\"listenedAt\": \"%s\", \"track\": {\"id\": %d}, \"msPlayed\": 200000}".formatted(at, trackId);
    }

    static String byName(String artist, String title, Instant at) {
        return "{\"listenedAt\": \"%s\", \"track\": {\"artist\": %s, \"title\": %s}}"
                .formatted(at, quote(artist), quote(title));
    }

    static String batch(List<String> listens) {
        return "{\"listens\": [" + String.join(",", listens) + "]}";
    }

    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** A song no catalog has, unique to the test. */
    static String unknownTitle() {
        return "Unheard song " + UUID.randomUUID();
    }

    List<Long> trackIds(int n) {
        return jdbc.sql("select id from tracks where origin = 'import' order by random() limit :n")
                .param("n", n)
                .query(Long.class)
                .list();
    }

    static String csv(List<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static <T> List<T> repeat(T value, int n) {
        List<T> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(value);
        }
        return list;
    }
}
