package io.refrain.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Popular now (counts, orders, windows, paging, 400s) and generated playlists (rules, copy). */
class PopularAndGeneratedIT extends RecommendTestSupport {

    @Autowired
    GeneratedPlaylists generated;

    @Test
    void popularNowCountsPlaysAndListenersPerWindow() {
        List<Long> tracks = unplayedTracksOfDistinctArtists(2); // other tests' plays would move the counts
        long a = tracks.get(0);
        long b = tracks.get(1);
        // three listeners play a once each within the week; one listener plays b 20 times 10 days ago
        for (int user = 0; user < 3; user++) {
            api.post(
                            "/api/v1/me/listens",
                            session(List.of(a), ago(60 * 24 + user), false),
                            newAccount().accessToken())
                    .assertStatus(200);
        }
        Account fan = newAccount();
        List<Long> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(b);
        }
        api.post("/api/v1/me/listens", session(twenty, ago(60 * 24 * 10), false), fan.accessToken())
                .assertStatus(200);
        popular.refresh(clock.instant());

        Map<Long, JsonNode> week = entries("tracks?window=7d", fan);
        assertThat(week.get(a).path("listeners").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(week.get(a).path("track").path("id").asLong()).isEqualTo(a);
        assertThat(week).doesNotContainKey(b);
        Map<Long, JsonNode> month = entries("tracks?window=30d", fan);
        assertThat(month.get(b).path("plays").asLong()).isGreaterThanOrEqualTo(20);
        Map<Long, JsonNode> byListeners = entries("tracks?window=30d&by=listeners", fan);
        assertThat(byListeners.get(a).path("rank").asInt())
                .isLessThan(byListeners.get(b).path("rank").asInt());

        String artist =
                String.valueOf(jdbc.sql("select artist_id from track_artists where track_id = ? and position = 0")
                        .param(a)
                        .query(Long.class)
                        .single());
        assertThat(entries("artists?window=7d", fan).keySet().stream().map(String::valueOf))
                .contains(artist);
        assertThat(entries("albums?window=7d", fan)).isNotEmpty();

        api.get("/api/v1/popular/songs", fan.accessToken()).assertProblem(400, "validation");
        api.get("/api/v1/popular/tracks?window=1y", fan.accessToken()).assertProblem(400, "validation");
        api.get("/api/v1/popular/tracks?by=likes", fan.accessToken()).assertProblem(400, "validation");
        api.get("/api/v1/popular/tracks?genre=no-such-genre", fan.accessToken()).assertProblem(400, "validation");
        api.get("/api/v1/popular/tracks?cursor=garbage", fan.accessToken()).assertStatus(400);
    }

    /** Every entry of a list, walking its pages two at a time; ranks strictly increase across pages. */
    private Map<Long, JsonNode> entries(String query, Account who) {
        Map<Long, JsonNode> all = new java.util.LinkedHashMap<>();
        String cursor = null;
        int lastRank = 0;
        do {
            JsonNode page = api.get(
                            "/api/v1/popular/" + query + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                            who.accessToken())
                    .assertStatus(200)
                    .json();
            for (JsonNode e : page.path("items")) {
                assertThat(e.path("rank").asInt()).isGreaterThan(lastRank);
                lastRank = e.path("rank").asInt();
                all.put(e.path("id").asLong(), e);
            }
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
        } while (cursor != null);
        return all;
    }

    @Test
    void generatedPlaylistsFollowTheirRulesAndCanBeKept() {
        Account me = newAccount();
        List<Long> mine = tracksOfDistinctArtists(8);
        api.post("/api/v1/me/listens", session(mine, ago(60 * 24 * 3), false), me.accessToken())
                .assertStatus(200);
        api.post("/api/v1/me/listens", session(mine.subList(0, 1), ago(60), false), me.accessToken())
                .assertStatus(200);

        JsonNode both = api.get("/api/v1/me/generated-playlists", me.accessToken())
                .assertStatus(200)
                .json();
        assertThat(both.findValuesAsString("kind")).containsExactly("daily-mix", "weekly-discovery");

        JsonNode daily = api.get("/api/v1/me/generated-playlists/daily-mix", me.accessToken())
                .assertStatus(200)
                .json();
        List<Long> dailyIds = ids(daily);
        assertThat(dailyIds)
                .containsExactlyInAnyOrderElementsOf(mine.subList(1, 8)); // the one played an hour ago waits
        assertThat(daily.path("expiresAt").asString()).isNotBlank();
        assertThat(ids(api.get("/api/v1/me/generated-playlists/daily-mix", me.accessToken())
                        .json()))
                .isEqualTo(dailyIds);

        JsonNode weekly = api.get("/api/v1/me/generated-playlists/weekly-discovery", me.accessToken())
                .assertStatus(200)
                .json();
        List<Long> weeklyIds = ids(weekly);
        assertThat(weeklyIds)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(GeneratedPlaylists.SIZE)
                .doesNotContainAnyElementsOf(mine);
        Map<String, Long> perArtist = new java.util.HashMap<>();
        weekly.path("tracks")
                .forEach(
                        t -> perArtist.merge(t.path("artists").get(0).path("id").asString(), 1L, Long::sum));
        assertThat(perArtist.values()).allMatch(n -> n <= GeneratedPlaylists.PER_ARTIST);

        JsonNode copy = api.post("/api/v1/me/generated-playlists/weekly-discovery/copy", null, me.accessToken())
                .assertStatus(201)
                .json();
        assertThat(copy.path("trackCount").asInt()).isEqualTo(weeklyIds.size());
        JsonNode playlistTracks = api.get(copy.path("href").asString() + "/tracks?limit=100", me.accessToken())
                .assertStatus(200)
                .json();
        List<Long> kept = new ArrayList<>();
        playlistTracks
                .path("items")
                .forEach(e -> kept.add(e.path("track").path("id").asLong()));
        assertThat(kept).isEqualTo(weeklyIds);
        Account other = newAccount();
        api.get(copy.path("href").asString(), other.accessToken()).assertStatus(404);

        api.get("/api/v1/me/generated-playlists/monthly", me.accessToken()).assertProblem(400, "validation");
    }

    @Test
    void theJobGeneratesForActiveListenersOnly() {
        Account active = newAccount();
        api.post(
                        "/api/v1/me/listens",
                        session(tracksOfDistinctArtists(3), ago(60 * 24 * 2), false),
                        active.accessToken())
                .assertStatus(200);
        Account idle = newAccount();
        api.post(
                        "/api/v1/me/listens",
                        session(tracksOfDistinctArtists(3), ago(60 * 24 * 60), false),
                        idle.accessToken())
                .assertStatus(200);
        List<long[]> progress = new ArrayList<>();
        var run = generated.regenerate((done, total) -> progress.add(new long[] {done, total}));
        assertThat(run.failed()).isZero();
        assertThat(progress).isNotEmpty();
        assertThat(progress.getLast()[0]).isEqualTo(progress.getLast()[1]);
        Set<String> kinds = new HashSet<>(jdbc.sql("select kind from generated_playlists where user_id = ?")
                .param(active.id())
                .query(String.class)
                .list());
        assertThat(kinds).containsExactlyInAnyOrder("daily_mix", "weekly_discovery");
        assertThat(jdbc.sql("select count(*) from generated_playlists where user_id = ?")
                        .param(idle.id())
                        .query(Long.class)
                        .single())
                .isZero();
        // a second run finds nothing due
        assertThat(generated.regenerate((done, total) -> {}).users()).isZero();
    }

    private static List<Long> ids(JsonNode playlist) {
        List<Long> ids = new ArrayList<>();
        playlist.path("tracks").forEach(t -> ids.add(t.path("id").asLong()));
        return ids;
    }
}
