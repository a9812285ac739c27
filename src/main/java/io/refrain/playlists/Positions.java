package io.refrain.playlists;

import java.util.ArrayList;
import java.util.List;

/**
 * Where new or moved entries go. Positions are gapped bigint keys: appends and rebalanced
 * stretches are {@link #GAP} apart, and an insert takes keys evenly spread in the gap between
 * its two neighbours, so it writes only the rows it places. When that gap has no room left, the
 * smallest neighbourhood around the insertion point (starting at {@link #MIN_WINDOW} entries each
 * side, doubling) whose key range leaves at least {@link #MIN_SPACING} between keys is renumbered
 * evenly; when the window reaches the end of the list, the keys there continue {@link #GAP} apart,
 * so the whole list is renumbered only when every neighbourhood is dense.
 */
final class Positions {

    static final long GAP = 1L << 20;
    static final long MIN_SPACING = 1L << 10;
    static final int MIN_WINDOW = 8;

    /** Reads the slots from an index on (leaving out entries being moved). */
    interface Reader {
        List<EntryRepository.Slot> read(int offset, int limit);
    }

    /**
     * @param placed     the keys for the placed entries, ascending
     * @param rebalanced neighbours that get new keys (empty when the gap had room)
     */
    record Plan(List<Long> placed, List<EntryRepository.Slot> rebalanced) {}

    private Positions() {}

    /** Keys for {@code count} entries placed before index {@code before} of a list of {@code size}. */
    static Plan place(int before, int count, int size, Reader reader) {
        List<EntryRepository.Slot> around = reader.read(Math.max(before - 1, 0), before > 0 ? 2 : 1);
        long lo = before > 0 ? around.getFirst().position() : 0;
        EntryRepository.Slot next =
                before > 0 ? (around.size() > 1 ? around.get(1) : null) : (around.isEmpty() ? null : around.getFirst());
        long hi = next == null ? lo + (count + 1) * GAP : next.position();
        long spacing = (hi - lo) / (count + 1);
        if (spacing >= 1) {
            return new Plan(spread(lo, spacing, count), List.of());
        }
        for (int window = Math.max(MIN_WINDOW, count); ; window *= 2) {
            int start = Math.max(0, before - window);
            int end = Math.min(size, before + window);
            List<EntryRepository.Slot> slots =
                    reader.read(start > 0 ? start - 1 : 0, end - start + (start > 0 ? 1 : 0) + 1);
            long low = start > 0 ? slots.getFirst().position() : 0;
            List<EntryRepository.Slot> inside =
                    new ArrayList<>(slots.subList(start > 0 ? 1 : 0, start > 0 ? 1 + end - start : end - start));
            int total = inside.size() + count;
            long high = end < size ? slots.getLast().position() : low + (total + 1) * GAP;
            long step = end < size ? (high - low) / (total + 1) : GAP;
            if (step >= MIN_SPACING || (start == 0 && end == size)) {
                return renumber(low, Math.max(step, 1), inside, before - start, count);
            }
        }
    }

    private static Plan renumber(long low, long step, List<EntryRepository.Slot> inside, int at, int count) {
        List<Long> placed = new ArrayList<>(count);
        List<EntryRepository.Slot> moved = new ArrayList<>(inside.size());
        long key = low;
        for (int i = 0; i < inside.size(); i++) {
            if (i == at) {
                for (int j = 0; j < count; j++) {
                    placed.add(key += step);
                }
            }
            moved.add(new EntryRepository.Slot(inside.get(i).id(), key += step));
        }
        if (at >= inside.size()) {
            for (int j = 0; j < count; j++) {
                placed.add(key += step);
            }
        }
        return new Plan(placed, moved);
    }

    private static List<Long> spread(long lo, long spacing, int count) {
        List<Long> keys = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            keys.add(lo + spacing * i);
        }
        return keys;
    }
}
