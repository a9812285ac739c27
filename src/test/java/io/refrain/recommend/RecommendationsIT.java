package io.refrain.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Recommendations through the API on a real database: co-listening (three listeners play the
 * same run of tracks, the similarity job runs), reasons, the 400s naming their parameter,
 * feedback as a filter, discovery sessions and their outcomes, determinism.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecommendationsIT extends RecommendTestSupport {

    private List<Long> run;
    private Account listener;

    @BeforeEach // once: the superclass's client exists only from its own @BeforeEach on
    void listenersPlayTheSameRun() {
        listener = newAccount(); // per test: a test that moves the clock ends every earlier token
        if (run != null) {
            return;
        }
        run = tracksOfDistinctArtists(4);
        for (int user = 0; user < 3; user++) {
            Account a = newAccount();
            for (int day = 0; day < 3; day++) {
                api.post(
                                "/api/v1/me/listens",
                                session(run, ago(60 * 24 * (day + 2) + 10L * user), false),
                                a.accessToken())
                        .assertStatus(200);
            }
        }
        similarity.run((done, total, listens) -> {});
    }

    private JsonNode recommend(String query, Account who) {
        return api.get("/api/v1/recommendations?" + query, who.accessToken())
                .assertStatus(200)
                .json();
    }

    @Test
    void aSeedTrackBringsWhatIsPlayedWithItAndSaysWhy() {
        JsonNode answer = recommend("seed_tracks=" + run.getFirst() + "&limit=30", listener);
        List<Long> ids = trackIds(answer);
        assertThat(ids).contains(run.get(1)).doesNotContain(run.getFirst());
        JsonNode second = null;
        for (JsonNode t : answer.path("tracks")) {
            if (t.path("track").path("id").asLong() == run.get(1)) {
                second = t;
            }
        }
        assertThat(second).isNotNull();
        assertThat(second.path("reasons").toString()).contains("played together with");

        JsonNode seed = answer.path("seeds").get(0);
        assertThat(seed.path("type").asString()).isEqualTo("track");
        assertThat(seed.path("id").asString()).isEqualTo(String.valueOf(run.getFirst()));
        assertThat(seed.path("initialPoolSize").asInt())
                .isGreaterThanOrEqualTo(seed.path("afterFilteringSize").asInt());
        assertThat(seed.path("afterFilteringSize").asInt()).isPositive();
        assertThat(ids).hasSizeLessThanOrEqualTo(30).doesNotHaveDuplicates();
    }

    @Test
    void theSameRequestGivesTheSameAnswer() {
        String query = "seed_tracks=" + run.getFirst() + "&target_energy=0.7&limit=20";
        assertThat(trackIds(recommend(query, listener))).isEqualTo(trackIds(recommend(query, listener)));
    }

    @Test
    void boundsAreHardFilters() {
        JsonNode answer =
                recommend("seed_tracks=" + run.getFirst() + "&min_energy=0.5&max_tempo=200&limit=50", listener);
        for (JsonNode t : answer.path("tracks")) {
            long id = t.path("track").path("id").asLong();
            var row = jdbc.sql("select energy, tempo from audio_features where track_id = ?")
                    .param(id)
                    .query()
                    .singleRow();
            assertThat(((Number) row.get("energy")).doubleValue()).isGreaterThanOrEqualTo(0.5);
            assertThat(((Number) row.get("tempo")).doubleValue()).isLessThanOrEqualTo(200);
        }
    }

    @Test
    void badRequestsAre400sNamingTheParameter() {
        String seed = "seed_tracks=" + run.getFirst();
        assertField("", "seed_tracks");
        assertField("seed_tracks=1,2,3&seed_artists=4,5&seed_genres=rock", "seed_tracks");
        assertField("seed_tracks=999999999", "seed_tracks");
        assertField("seed_tracks=abc", "seed_tracks");
        assertField("seed_artists=999999999", "seed_artists");
        assertField("seed_genres=no-such-genre-at-all", "seed_genres");
        assertField(seed + "&min_energy=0.9&max_energy=0.1", "min_energy");
        assertField(seed + "&min_energy=2", "min_energy");
        assertField(seed + "&target_tempo=-5", "target_tempo");
        assertField(seed + "&target_key=1.5", "target_key");
        assertField(seed + "&max_mellow=36", "max_mellow");
        assertField(seed + "&min_enrgy=0.5", "min_enrgy");
        assertField(seed + "&limit=0", "limit");
        assertField(seed + "&limit=101", "limit");
        assertField(seed + "&session=maybe", "session");
        assertField("profile=not-a-code", "profile");
    }

    private void assertField(String query, String field) {
        var problem = api.get("/api/v1/recommendations?" + query, listener.accessToken())
                .assertProblem(400, "validation");
        assertThat(problem.json().path("errors").findValuesAsString("field"))
                .as(query)
                .containsExactly(field);
    }

    @Test
    void aHatedTrackOrArtistIsNeverRecommended() {
        Account me = newAccount();
        String query = "seed_tracks=" + run.getFirst() + "&limit=50";
        assertThat(trackIds(recommend(query, me))).contains(run.get(1));

        api.put("/api/v1/me/feedback/tracks/" + run.get(1), "{\"score\": \"hate\"}", me.accessToken())
                .assertStatus(200);
        assertThat(trackIds(recommend(query, me))).doesNotContain(run.get(1));
        var hated = api.get("/api/v1/me/feedback?type=track&score=hate", me.accessToken())
                .assertStatus(200)
                .json();
        assertThat(hated.path("items").findValuesAsString("score")).containsExactly("hate");

        api.delete("/api/v1/me/feedback/tracks/" + run.get(1), me.accessToken()).assertStatus(204);
        api.delete("/api/v1/me/feedback/tracks/" + run.get(1), me.accessToken()).assertStatus(204);
        assertThat(trackIds(recommend(query, me))).contains(run.get(1));

        long artist = jdbc.sql("select artist_id from track_artists where track_id = ? and position = 0")
                .param(run.get(1))
                .query(Long.class)
                .single();
        api.put("/api/v1/me/feedback/artists/" + artist, "{\"score\": \"hate\"}", me.accessToken())
                .assertStatus(200);
        assertThat(trackIds(recommend(query, me))).doesNotContain(run.get(1));
    }

    @Test
    void feedbackMistakesAre4xx() {
        api.put("/api/v1/me/feedback/tracks/999999999", "{\"score\": \"love\"}", listener.accessToken())
                .assertProblem(404, "not-found");
        api.put("/api/v1/me/feedback/tracks/" + run.getFirst(), "{\"score\": \"meh\"}", listener.accessToken())
                .assertProblem(400, "validation");
        api.put("/api/v1/me/feedback/albums/" + run.getFirst(), "{\"score\": \"love\"}", listener.accessToken())
                .assertProblem(400, "validation");
        api.get("/api/v1/me/feedback?score=meh", listener.accessToken()).assertProblem(400, "validation");
    }

    @Test
    void aDiscoverySessionRecordsWhatBecameOfItsTracks() {
        Account me = newAccount();
        JsonNode answer = recommend("seed_tracks=" + run.getFirst() + "&limit=10&session=true", me);
        String session = answer.path("sessionId").asString();
        List<Long> shown = trackIds(answer);
        assertThat(shown).hasSizeGreaterThanOrEqualTo(2);

        // the session as if made 8 hours ago, its tracks played 7 hours ago: before the recently-played
        // window, so only the skip can keep the skipped track out of the next answer
        jdbc.sql("update discovery_sessions set created_at = created_at - interval '8 hours' where id = ?::uuid")
                .param(session)
                .update();
        api.post("/api/v1/me/listens", session(List.of(shown.get(0)), ago(7 * 60), false), me.accessToken())
                .assertStatus(200);
        api.post("/api/v1/me/listens", session(List.of(shown.get(1)), ago(7 * 60 - 1), true), me.accessToken())
                .assertStatus(200);

        JsonNode list = api.get("/api/v1/me/discovery", me.accessToken())
                .assertStatus(200)
                .json();
        JsonNode summary = list.path("items").get(0);
        assertThat(summary.path("id").asString()).isEqualTo(session);
        assertThat(summary.path("trackCount").asInt()).isEqualTo(shown.size());
        assertThat(summary.path("accepted").asInt()).isEqualTo(1);
        assertThat(summary.path("skipped").asInt()).isEqualTo(1);
        assertThat(summary.path("acceptanceRate").asDouble())
                .isCloseTo(1.0 / shown.size(), org.assertj.core.data.Offset.offset(0.001));

        JsonNode detail = api.get("/api/v1/me/discovery/" + session, me.accessToken())
                .assertStatus(200)
                .json();
        List<String> outcomes = new ArrayList<>();
        detail.path("tracks")
                .forEach(t -> outcomes.add(t.path("track").path("id").asLong() + ":"
                        + t.path("outcome").path("playedToEnd").asBoolean() + ":"
                        + t.path("outcome").path("skipped").asBoolean()));
        assertThat(outcomes).contains(shown.get(0) + ":true:false", shown.get(1) + ":false:true");

        // the skipped track is not shown again; another user cannot see the session
        assertThat(trackIds(recommend("seed_tracks=" + run.getFirst() + "&limit=10", me)))
                .doesNotContain(shown.get(1));
        api.get("/api/v1/me/discovery/" + session, listener.accessToken()).assertProblem(404, "not-found");
        api.get("/api/v1/me/discovery/not-a-uuid", me.accessToken()).assertStatus(400);
    }

    @Test
    void aProfileSeedsRecommendationsAndItsCodeTravels() {
        Account me = newAccount();
        api.post("/api/v1/me/listens", session(run, ago(600), false), me.accessToken())
                .assertStatus(200);
        JsonNode profile = api.get("/api/v1/me/profile", me.accessToken())
                .assertStatus(200)
                .json();
        String code = profile.path("code").asString();
        assertThat(code).hasSize(37);
        assertThat(profile.path("listens").asLong()).isEqualTo(run.size());
        assertThat(profile.path("summary").size()).isPositive();
        assertThat(profile.path("computationDurationMs").asInt()).isNotNegative();

        JsonNode decoded = api.get("/api/v1/profiles/" + code, listener.accessToken())
                .assertStatus(200)
                .json();
        assertThat(decoded.path("sound").size()).isEqualTo(14);
        assertThat(recommend("profile=" + code + "&limit=10", listener)
                        .path("tracks")
                        .size())
                .isPositive();
        JsonNode mine = recommend("profile=me&limit=10", me);
        assertThat(mine.path("seeds").get(0).path("type").asString()).isEqualTo("profile");
        assertThat(trackIds(recommend("profile=me&limit=30&unplayed=true", me))).doesNotContainAnyElementsOf(run);

        char last = code.charAt(36);
        String changed = code.substring(0, 36) + (last == 'A' ? 'B' : 'A');
        api.get("/api/v1/profiles/" + changed, listener.accessToken()).assertProblem(400, "validation");
        api.get("/api/v1/profiles/short", listener.accessToken()).assertProblem(400, "validation");
    }

    @Test
    void newListensMakeTheProfileStaleAndItIsRecomputed() throws Exception {
        Account me = newAccount();
        api.post("/api/v1/me/listens", session(run.subList(0, 2), ago(600), false), me.accessToken())
                .assertStatus(200);
        JsonNode first = api.get("/api/v1/me/profile", me.accessToken())
                .assertStatus(200)
                .json();
        assertThat(first.path("stale").asBoolean()).isFalse();
        api.post("/api/v1/me/listens", session(run.subList(2, 4), ago(500), false), me.accessToken())
                .assertStatus(200);
        JsonNode stale = api.get("/api/v1/me/profile", me.accessToken())
                .assertStatus(200)
                .json();
        assertThat(stale.path("stale").asBoolean()).isTrue();
        assertThat(stale.path("listens").asLong()).isEqualTo(2);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> {
                    JsonNode now = api.get("/api/v1/me/profile", me.accessToken())
                            .assertStatus(200)
                            .json();
                    assertThat(now.path("stale").asBoolean()).isFalse();
                    assertThat(now.path("listens").asLong()).isEqualTo(4);
                });
    }
}
