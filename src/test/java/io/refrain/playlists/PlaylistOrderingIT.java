package io.refrain.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Edits of big playlists write only the rows they place (plus a bounded neighbourhood when a gap
 * is used up), and whatever the positions, the order is always the one the edits describe.
 */
class PlaylistOrderingIT extends PlaylistTestSupport {

    @Test
    void aMoveOrInsertInTheMiddleOfAlmostTenThousandTracksWritesOnlyTheRowsItPlaces() {
        var owner = newAccount();
        String id = create(owner, false);
        seed(owner, id, 9_800);
        List<Long> before = entryOrder(id);
        var rows = versions(id);

        api.post(
                        "/api/v1/playlists/" + id + "/tracks/move",
                        Json.of("rangeStart", 5_000, "rangeLength", 3, "insertBefore", 2_000),
                        owner.accessToken())
                .assertStatus(200);
        assertThat(changed(rows, versions(id))).isEqualTo(3);
        List<Long> expected = new ArrayList<>(before);
        List<Long> range = new ArrayList<>(expected.subList(5_000, 5_003));
        expected.subList(5_000, 5_003).clear();
        expected.addAll(2_000, range);
        assertThat(entryOrder(id)).isEqualTo(expected);

        rows = versions(id);
        add(owner, id, trackIds(100), 7_000).assertStatus(201);
        var after = versions(id);
        assertThat(after).hasSize(9_900);
        assertThat(changed(rows, after)).as("existing rows rewritten").isZero();
        assertThat(entryOrder(id).subList(0, 7_000)).isEqualTo(expected.subList(0, 7_000));
    }

    @Test
    void insertsIntoOneSpotRebalanceOnlyANeighbourhood() {
        var owner = newAccount();
        String id = create(owner, false);
        seed(owner, id, 9_800);
        List<Long> model = new ArrayList<>(entryOrder(id));
        long track = trackIds(1).getFirst();
        int most = 0;
        for (int i = 0; i < 60; i++) { // halving a 2^20 gap runs out after ~20 inserts
            var rows = versions(id);
            long entry = add(owner, id, List.of(track), 5_000)
                    .assertStatus(201)
                    .json()
                    .path("entryIds")
                    .get(0)
                    .asLong();
            model.add(5_000, entry);
            most = Math.max(most, changed(rows, versions(id)));
        }
        assertThat(most)
                .as("most existing rows one insert rewrote")
                .isPositive()
                .isLessThanOrEqualTo(64);
        assertThat(entryOrder(id)).isEqualTo(model);
    }

    @Test
    void randomEditsOnDensePositionsKeepTheOrderTheyDescribe() {
        var owner = newAccount();
        String id = create(owner, false);
        // positions 1, 2, 3 … leave no gaps at all: every placement must rebalance
        jdbc.sql("""
                        insert into playlist_entries (user_id, playlist_id, position, track_id, added_by, added_at)
                        select ?, ?::uuid, g, (select min(id) from tracks), ?, now() from generate_series(1, 40) g""").param(owner.id()).param(id).param(owner.id()).update();
        List<Long> model = new ArrayList<>(entryOrder(id));
        Random random = new Random(42);
        List<Long> tracks = trackIds(5);
        String path = "/api/v1/playlists/" + id + "/tracks";
        for (int i = 0; i < 120; i++) {
            int size = model.size();
            int op = random.nextInt(3);
            if (op == 0 || size < 5) {
                int at = random.nextInt(size + 1);
                int n = 1 + random.nextInt(4);
                var added = add(owner, id, tracks.subList(0, n), at)
                        .assertStatus(201)
                        .json()
                        .path("entryIds");
                for (int j = 0; j < n; j++) {
                    model.add(at + j, added.get(j).asLong());
                }
            } else if (op == 1) {
                int start = random.nextInt(size);
                int length = 1 + random.nextInt(Math.min(5, size - start));
                int to = random.nextInt(size + 1);
                api.post(
                                path + "/move",
                                Json.of("rangeStart", start, "rangeLength", length, "insertBefore", to),
                                owner.accessToken())
                        .assertStatus(200);
                if (to < start || to > start + length) {
                    List<Long> moved = new ArrayList<>(model.subList(start, start + length));
                    model.subList(start, start + length).clear();
                    model.addAll(to < start ? to : to - length, moved);
                }
            } else {
                int start = random.nextInt(size);
                int count = 1 + random.nextInt(Math.min(3, size - start));
                api.post(path + "/remove", Json.of("start", start, "count", count), owner.accessToken())
                        .assertStatus(200);
                model.subList(start, start + count).clear();
            }
            assertThat(entryOrder(id)).as("after edit %d", i).isEqualTo(model);
        }
        assertThat(readAll(owner, id, 7)).hasSize(model.size());
        assertThat(trackCount(id)).isEqualTo(model.size());
    }

    /** Each entry's row version (xmin): it changes when the row is rewritten. */
    private Map<Long, String> versions(String playlist) {
        Map<Long, String> rows = new HashMap<>();
        jdbc.sql("select id, xmin::text as x from playlist_entries where playlist_id = ?::uuid")
                .param(playlist)
                .query((rs, n) -> rows.put(rs.getLong("id"), rs.getString("x")))
                .list();
        return rows;
    }

    private static int changed(Map<Long, String> before, Map<Long, String> after) {
        return (int) before.entrySet().stream()
                .filter(e ->
                        after.containsKey(e.getKey()) && !after.get(e.getKey()).equals(e.getValue()))
                .count();
    }
}
