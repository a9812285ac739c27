package io.refrain.library;

import io.refrain.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Catalog ids from the demo catalog and JSON helpers for the library tests. */
abstract class LibraryTestSupport extends IntegrationTest {

    List<Long> trackIds(int n) {
        return ids("tracks", n);
    }

    List<Long> albumIds(int n) {
        return ids("albums", n);
    }

    List<Long> artistIds(int n) {
        return ids("artists", n);
    }

    /** Random ids so that concurrent tests rarely share entries (they never share users). */
    private List<Long> ids(String table, int n) {
        return jdbc.sql("select id from " + table + " order by random() limit :n")
                .param("n", n)
                .query(Long.class)
                .list();
    }

    long unknownId(String table) {
        return jdbc.sql("select coalesce(max(id), 0) + 1000000 from " + table)
                .query(Long.class)
                .single();
    }

    static String csv(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<Long> longs(JsonNode array, String path) {
        List<Long> values = new ArrayList<>();
        for (JsonNode item : array) {
            JsonNode node = item;
            for (String part : path.isEmpty() ? new String[0] : path.split("\\.")) {
                node = node.path(part);
            }
            values.add(node.asLong());
        }
        return values;
    }

    static List<Object> values(JsonNode array) {
        List<Object> values = new ArrayList<>();
        for (JsonNode item : array) {
            values.add(item.isNull() ? null : item.isBoolean() ? (Object) item.asBoolean() : (Object) item.asDouble());
        }
        return values;
    }
}
