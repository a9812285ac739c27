package io.refrain.library;

import io.refrain.platform.web.CursorCodec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Keyset cursors of the library lists: (time in microseconds since the epoch, id) of the last item. */
final class Cursors {

    /** Where a first page starts: after everything. */
    static final ShelfRepository.Entry START =
            new ShelfRepository.Entry(Long.MAX_VALUE, Instant.parse("9999-12-31T00:00:00Z"));

    /** The wire order of a library cursor: time first, then id; a time outside 1970…{@link #START} is refused. */
    private record After(@CursorCodec.EpochMicros Instant at, long id) {
        After {
            if (at.isBefore(Instant.EPOCH) || at.isAfter(START.at())) {
                throw new IllegalArgumentException("out of range");
            }
        }
    }

    private static final CursorCodec<After> CURSOR = CursorCodec.of(After.class);

    private Cursors() {}

    static String encode(Instant at, long id) {
        return CURSOR.encode(new After(at, id));
    }

    /** The (time, id) a cursor continues after, or {@link #START} for none; 400 for a garbled one. */
    static ShelfRepository.Entry decode(String cursor) {
        After after = CURSOR.decode(cursor);
        return after == null ? START : new ShelfRepository.Entry(after.id(), after.at());
    }

    /** The time to store for a change made now: PostgreSQL keeps microseconds. */
    static Instant now(java.time.Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
