package io.refrain.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The position planner against an in-memory list: any insert or move keeps the intended order with unique keys. */
class PositionsTest {

    @Property(tries = 300, seed = "20261203")
    void placementsKeepTheOrderTheyDescribe(
            @ForAll @IntRange(min = 0, max = 60) int size,
            @ForAll @IntRange(min = 1, max = 4) int dense,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 10_000) Integer> ops) {
        // dense = 1: keys 1, 2, 3 … (no room anywhere); otherwise keys 2^20 apart
        List<EntryRepository.Slot> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            list.add(new EntryRepository.Slot(i + 1, dense == 1 ? i + 1 : (i + 1) * Positions.GAP));
        }
        List<Long> model =
                new ArrayList<>(list.stream().map(EntryRepository.Slot::id).toList());
        long nextId = size + 1;
        for (int op : ops) {
            int n = model.size();
            if (op % 2 == 0 || n < 2) {
                int before = op % (n + 1);
                int count = 1 + op % 3;
                var plan = Positions.place(before, count, n, reader(list, Set.of()));
                Map<Long, Long> moved = new HashMap<>();
                plan.rebalanced().forEach(s -> moved.put(s.id(), s.position()));
                list.replaceAll(s -> new EntryRepository.Slot(s.id(), moved.getOrDefault(s.id(), s.position())));
                for (int i = 0; i < count; i++) {
                    list.add(new EntryRepository.Slot(nextId, plan.placed().get(i)));
                    model.add(before + i, nextId++);
                }
            } else {
                int start = op % n;
                int length = 1 + op % Math.min(3, n - start);
                int target = op % (n - length + 1);
                List<Long> range = new ArrayList<>(model.subList(start, start + length));
                var plan = Positions.place(target, length, n - length, reader(list, new HashSet<>(range)));
                Map<Long, Long> moved = new HashMap<>();
                plan.rebalanced().forEach(s -> moved.put(s.id(), s.position()));
                for (int i = 0; i < length; i++) {
                    moved.put(range.get(i), plan.placed().get(i));
                }
                list.replaceAll(s -> new EntryRepository.Slot(s.id(), moved.getOrDefault(s.id(), s.position())));
                model.subList(start, start + length).clear();
                model.addAll(target, range);
            }
            list.sort(Comparator.comparingLong(EntryRepository.Slot::position));
            assertThat(list.stream().map(EntryRepository.Slot::id).toList()).isEqualTo(model);
            assertThat(list.stream()
                            .map(EntryRepository.Slot::position)
                            .distinct()
                            .count())
                    .isEqualTo(list.size());
            assertThat(list).allMatch(s -> s.position() > 0);
        }
    }

    @Property(tries = 50, seed = "20261203")
    void anInsertIntoRoomyGapsMovesNothing(
            @ForAll @IntRange(min = 1, max = 500) int size,
            @ForAll @IntRange(min = 0, max = 500) int at,
            @ForAll @IntRange(min = 1, max = 100) int count) {
        List<EntryRepository.Slot> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            list.add(new EntryRepository.Slot(i + 1, (i + 1) * Positions.GAP));
        }
        var plan = Positions.place(Math.min(at, size), count, size, reader(list, Set.of()));
        assertThat(plan.rebalanced()).isEmpty();
        assertThat(plan.placed()).hasSize(count).isSorted().doesNotHaveDuplicates();
    }

    private static Positions.Reader reader(List<EntryRepository.Slot> list, Set<Long> excluded) {
        return (offset, limit) -> {
            List<EntryRepository.Slot> visible = list.stream()
                    .filter(s -> !excluded.contains(s.id()))
                    .sorted(Comparator.comparingLong(EntryRepository.Slot::position))
                    .toList();
            return visible.subList(Math.min(offset, visible.size()), Math.min(offset + limit, visible.size()));
        };
    }
}
