package io.refrain.library;

import io.refrain.platform.web.Cursor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;

/** Keyset cursors of the library lists: (time in microseconds since the epoch, id) of the last item. */
final class Cursors {

    /** Where a first page starts: after everything. */
    static final ShelfRepository.Entry START = new ShelfRepository.Entry(Long.MAX_VALUE,
            Instant.parse("9999-12-31T00:00:00Z"));

    private Cursors() {
    }

    static String encode(Instant at, long id) {
        return Cursor.encode(ChronoUnit.MICROS.between(Instant.EPOCH, at), id);
    }

    /** The (time, id) a cursor continues after, or {@link #START} for none; 400 for a garbled one. */
    static ShelfRepository.Entry decode(String cursor) {
        JsonNode[] values = Cursor.decode(cursor, 2);
        if (values == null) {
            return START;
        }
        if (!values[0].isIntegralNumber() || !values[0].canConvertToLong()
                || !values[1].isIntegralNumber() || !values[1].canConvertToLong()) {
            throw Cursor.invalid();
        }
        long micros = values[0].asLong();
        if (micros < 0 || micros > ChronoUnit.MICROS.between(Instant.EPOCH, START.at())) {
            throw Cursor.invalid();
        }
        return new ShelfRepository.Entry(values[1].asLong(), Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    }

    /** The time to store for a change made now: PostgreSQL keeps microseconds. */
    static Instant now(java.time.Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
