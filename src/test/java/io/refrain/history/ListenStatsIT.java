package io.refrain.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ListenStatsIT extends HistoryTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    ListenStatsRebuild rebuild;

    private Instant daysAgo(long days) {
        return clock.instant()
                .truncatedTo(ChronoUnit.SECONDS)
                .minus(days, ChronoUnit.DAYS)
                .minusSeconds(60);
    }

    @Test
    void rangesCountOnlyTheirDaysAndEveryListIsRankedByPlays() {
        var user = newAccount();
        List<Long> tracks = jdbc.sql("""
                        select t.id from tracks t where t.origin = 'import' and t.album_id is not null
                        and exists (select 1 from track_genres g where g.track_id = t.id) order by random() limit 4""").query(Long.class).list();
        // track 0: 3 plays this week; track 1: 2 plays 20 days ago; track 2: 4 plays 200 days ago; track 3: 5 plays 500
        // days ago
        List<String> listens = new ArrayList<>();
        long[][] plan = {{0, 3, 2}, {1, 2, 20}, {2, 4, 200}, {3, 5, 500}};
        for (long[] p : plan) {
            for (int i = 0; i < p[1]; i++) {
                listens.add(byId(tracks.get((int) p[0]), daysAgo(p[2]).minusSeconds(600L * i)));
            }
        }
        api.post("/api/v1/me/listens", batch(listens), user.accessToken()).assertStatus(200);

        assertThat(top(user.accessToken(), "tracks", "week")).containsExactly(tracks.get(0) + ":3");
        assertThat(top(user.accessToken(), "tracks", "month"))
                .containsExactly(tracks.get(0) + ":3", tracks.get(1) + ":2");
        assertThat(top(user.accessToken(), "tracks", "year"))
                .containsExactly(tracks.get(2) + ":4", tracks.get(0) + ":3", tracks.get(1) + ":2");
        assertThat(top(user.accessToken(), "tracks", "all_time"))
                .containsExactly(
                        tracks.get(3) + ":5", tracks.get(2) + ":4", tracks.get(0) + ":3", tracks.get(1) + ":2");

        // artists, albums and genres of the year: the year's tracks grouped, as SQL over the catalog says
        for (String kind : List.of("artists", "albums", "genres")) {
            String grouped =
                    switch (kind) {
                        case "artists" ->
                            "select ta.artist_id as id, sum(x.plays) as plays from x join track_artists ta on ta.track_id = x.track and ta.role in ('main', 'featured') group by 1";
                        case "albums" ->
                            "select t.album_id as id, sum(x.plays) as plays from x join tracks t on t.id = x.track group by 1";
                        default ->
                            "select tg.genre_id as id, sum(x.plays) as plays from x join track_genres tg on tg.track_id = x.track group by 1";
                    };
            List<String> expected = jdbc.sql(
                            "with x(track, plays) as (values (:t0, 3), (:t1, 2), (:t2, 4)) select id || ':' || plays from ("
                                    + grouped + ") g order by plays desc, id")
                    .param("t0", tracks.get(0))
                    .param("t1", tracks.get(1))
                    .param("t2", tracks.get(2))
                    .query(String.class)
                    .list();
            List<String> actual = new ArrayList<>();
            api.get("/api/v1/me/stats/top/" + kind + "?range=year", user.accessToken())
                    .assertStatus(200)
                    .json()
                    .path("items")
                    .forEach(item -> actual.add(item.path(kind.substring(0, kind.length() - 1))
                                    .path("id")
                                    .asLong() + ":" + item.path("plays").asLong()));
            assertThat(actual).as(kind).containsExactlyInAnyOrderElementsOf(expected);
        }

        JsonNode activity = api.get("/api/v1/me/stats/activity?range=month", user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(activity.path("plays").asLong()).isEqualTo(5);
        long perDay = 0;
        for (JsonNode day : activity.path("days")) {
            perDay += day.path("plays").asLong();
        }
        assertThat(perDay).isEqualTo(5);
        JsonNode allTime = api.get("/api/v1/me/stats/activity", user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(allTime.path("plays").asLong()).isEqualTo(14);
        assertThat(allTime.path("months").size()).isGreaterThanOrEqualTo(3);
        assertThat(allTime.path("hours").size()).isBetween(1, 24);

        StatsCheck.assertConsistent(jdbc, user.id());
        String before = jdbc.sql(
                        "select string_agg(concat_ws(':', track_id, plays, skips, ms_played, first_played_at, last_played_at), ',' "
                                + "order by track_id) from listen_stats_tracks where user_id = :u")
                .param("u", user.id())
                .query(String.class)
                .single();

        // a rebuild of a user who already has statistics keeps the listens and gives what the write path gave
        rebuild.rebuild(List.of(user.id()), 1, done -> {});
        assertThat(jdbc.sql("select count(*) from listens where user_id = :u")
                        .param("u", user.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(14);
        assertThat(jdbc.sql(
                                "select string_agg(concat_ws(':', track_id, plays, skips, ms_played, first_played_at, last_played_at), ',' "
                                        + "order by track_id) from listen_stats_tracks where user_id = :u")
                        .param("u", user.id())
                        .query(String.class)
                        .single())
                .isEqualTo(before);
        StatsCheck.assertConsistent(jdbc, user.id());
        var other = newAccount();
        assertThat(top(other.accessToken(), "tracks", "all_time")).isEmpty();
        api.get("/api/v1/me/stats/top/tracks?range=decade", user.accessToken()).assertProblem(400, "validation");
        api.get("/api/v1/me/stats/top/moods", user.accessToken()).assertProblem(404, "not-found");
    }

    @Test
    void parallelWritersOfOneUserAndTrackGetExactTotals() throws Exception {
        var user = newAccount();
        long track = trackIds(1).getFirst();
        Instant base = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.DAYS);
        int writers = 8;
        int batches = 10;
        int perBatch = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(pool.submit((Callable<Integer>) () -> {
                    int added = 0;
                    for (int b = 0; b < batches; b++) {
                        List<String> listens = new ArrayList<>();
                        for (int i = 0; i < perBatch; i++) {
                            // every second listen is also sent by the next writer: duplicates race each other
                            int slot = (writer * batches * perBatch + b * perBatch + i) / 2;
                            listens.add(byId(track, base.plusSeconds(slot * 7L)));
                        }
                        added += api.post("/api/v1/me/listens", batch(listens), user.accessToken())
                                .assertStatus(200)
                                .json()
                                .path("added")
                                .asInt();
                    }
                    return added;
                }));
            }
            int added = 0;
            for (Future<Integer> result : results) {
                added += result.get();
            }
            int distinct = writers * batches * perBatch / 2;
            assertThat(added).isEqualTo(distinct);
            var stats = jdbc.sql(
                            "select plays, ms_played from listen_stats_tracks where user_id = :u and track_id = :t")
                    .param("u", user.id())
                    .param("t", track)
                    .query()
                    .singleRow();
            assertThat(((Number) stats.get("plays")).intValue()).isEqualTo(distinct);
            assertThat(((Number) stats.get("ms_played")).longValue()).isEqualTo(distinct * 200_000L);
            StatsCheck.assertConsistent(jdbc, user.id());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> top(String token, String kind, String range) {
        List<String> items = new ArrayList<>();
        api.get("/api/v1/me/stats/top/" + kind + "?range=" + range, token)
                .assertStatus(200)
                .json()
                .path("items")
                .forEach(item -> items.add(item.path("track").path("id").asLong() + ":"
                        + item.path("plays").asLong()));
        return items;
    }
}
