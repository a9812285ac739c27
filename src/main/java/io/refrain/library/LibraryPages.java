package io.refrain.library;

import io.refrain.platform.web.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/** Turns a keyset query's rows (fetched with one extra row) into a page of views. */
final class LibraryPages {

    private LibraryPages() {}

    /**
     * @param rows  up to limit + 1 entries, in list order; the extra one only says there is more
     * @param views loads the views of the page's ids at once
     */
    static <V, T> Page<T> of(
            List<ShelfRepository.Entry> rows,
            int limit,
            Function<List<Long>, Map<Long, V>> views,
            BiFunction<Instant, V, T> item) {
        boolean more = rows.size() > limit;
        List<ShelfRepository.Entry> page = more ? rows.subList(0, limit) : rows;
        Map<Long, V> found = page.isEmpty()
                ? Map.of()
                : views.apply(page.stream().map(ShelfRepository.Entry::id).toList());
        List<T> items = new ArrayList<>(page.size());
        for (ShelfRepository.Entry entry : page) {
            V view = found.get(entry.id());
            if (view != null) { // deleted from the catalog since the page was read
                items.add(item.apply(entry.at(), view));
            }
        }
        String next = more ? Cursors.encode(page.getLast().at(), page.getLast().id()) : null;
        return new Page<>(items, next);
    }
}
