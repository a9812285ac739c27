package io.refrain.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Several editors adding, moving and removing on one playlist at once leave it consistent. */
class PlaylistConcurrencyIT extends PlaylistTestSupport {

    @Test
    void parallelEditsNeitherLoseNorDuplicateEntries() throws Exception {
        var owner = newAccount();
        String id = create(owner, false);
        List<Account> editors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            var editor = newAccount();
            api.put(
                            "/api/v1/playlists/" + id + "/collaborators/" + editor.id(),
                            Json.of("role", "editor"),
                            owner.accessToken())
                    .assertStatus(200);
            editors.add(editor);
        }
        List<Long> tracks = trackIds(20);
        add(owner, id, tracks, null).assertStatus(201);
        Set<Long> initial = new HashSet<>(entryOrder(id));
        long startVersion = version(id);

        Set<Long> added = ConcurrentHashMap.newKeySet();
        Set<Long> removed = ConcurrentHashMap.newKeySet();
        AtomicInteger successes = new AtomicInteger();
        String path = "/api/v1/playlists/" + id + "/tracks";
        try (var pool = Executors.newFixedThreadPool(editors.size())) {
            List<Future<?>> runs = new ArrayList<>();
            for (Account editor : editors) {
                runs.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < 15; i++) {
                        switch (i % 3) {
                            case 0 -> {
                                var response = add(editor, id, tracks.subList(i % 5, i % 5 + 3), i % 7)
                                        .assertStatus(201)
                                        .json();
                                response.path("entryIds").forEach(e -> mine.add(e.asLong()));
                                response.path("entryIds").forEach(e -> added.add(e.asLong()));
                            }
                            case 1 ->
                                api.post(
                                                path + "/move",
                                                Json.of("rangeStart", 0, "rangeLength", 2, "insertBefore", 10),
                                                editor.accessToken())
                                        .assertStatus(200);
                            default -> {
                                long entry = mine.removeFirst();
                                api.post(path + "/remove", Json.of("entryIds", List.of(entry)), editor.accessToken())
                                        .assertStatus(200);
                                removed.add(entry);
                            }
                        }
                        successes.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        }

        Set<Long> expected = new HashSet<>(initial);
        expected.addAll(added);
        expected.removeAll(removed);
        List<Long> entries = entryOrder(id);
        assertThat(entries).doesNotHaveDuplicates();
        assertThat(new HashSet<>(entries)).isEqualTo(expected);
        assertThat(entries).hasSize(20 + 4 * 5 * 3 - 4 * 5);
        long distinctPositions = jdbc.sql(
                        "select count(distinct position) from playlist_entries where playlist_id = ?::uuid")
                .param(id)
                .query(Long.class)
                .single();
        assertThat(distinctPositions).isEqualTo(entries.size());
        assertThat(trackCount(id)).isEqualTo(entries.size());
        assertThat(version(id)).isEqualTo(startVersion + successes.get());
        List<Long> versions = jdbc.sql(
                        "select version from playlist_activity where playlist_id = ?::uuid and version > ? order by id")
                .param(id)
                .param(startVersion)
                .query(Long.class)
                .list();
        assertThat(versions).hasSize(successes.get()).isSorted().doesNotHaveDuplicates();
        assertThat(readAll(owner, id, 13)).hasSize(entries.size());
    }
}
