package io.refrain.library;

import io.refrain.platform.errors.ApiException;
import java.util.LinkedHashSet;
import java.util.List;

/** The ids of a batch call: 1 to {@value #MAX} positive ids, duplicates dropped, order kept. */
final class Batch {

    static final int MAX = 50;

    private Batch() {}

    static List<Long> ids(List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw ApiException.invalidField("ids", "give 1 to " + MAX + " comma-separated ids");
        }
        if (ids.size() > MAX) {
            throw ApiException.invalidField("ids", "at most " + MAX + " ids at once, got " + ids.size());
        }
        for (Long id : ids) {
            if (id == null || id < 1) {
                throw ApiException.invalidField("ids", "ids are positive numbers");
            }
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    static Long[] array(List<Long> ids) {
        return ids.toArray(Long[]::new);
    }
}
