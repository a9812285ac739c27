package io.refrain.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ListenIngestionIT extends HistoryTestSupport {

    @Test
    void aListenIsStoredOnceWhateverHowOftenItIsSubmitted() {
        var user = newAccount();
        long track = trackIds(1).getFirst();
        Instant at = recent(30);
        var first = api.post("/api/v1/me/listens", byId(track, at), user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(first.path("added").asInt()).isEqualTo(1);
        var again = api.post("/api/v1/me/listens", byId(track, at), user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(again.path("added").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(1);
        assertThat(again.path("items").get(0).path("added").asBoolean()).isFalse();

        var stats = jdbc.sql("select plays, ms_played from listen_stats_tracks where user_id = :u and track_id = :t")
                .param("u", user.id())
                .param("t", track)
                .query()
                .singleRow();
        assertThat(stats).containsEntry("plays", 1).containsEntry("ms_played", 200000L);
        assertThat(jdbc.sql("select plays from listen_totals where user_id = :u")
                        .param("u", user.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aBatchCountsEachListenOnceAndReportsWhichWereNew() {
        var user = newAccount();
        List<Long> tracks = trackIds(3);
        List<String> listens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            listens.add(byId(tracks.get(i), recent(100 - i)));
        }
        api.post("/api/v1/me/listens", batch(listens.subList(0, 1)), user.accessToken())
                .assertStatus(200);
        listens.add(listens.get(2)); // the same listen twice in one batch
        var result = api.post("/api/v1/me/listens", batch(listens), user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(result.path("submitted").asInt()).isEqualTo(4);
        assertThat(result.path("added").asInt()).isEqualTo(2);
        assertThat(result.path("duplicates").asInt()).isEqualTo(2);
        List<Boolean> added = new ArrayList<>();
        result.path("items").forEach(item -> added.add(item.path("added").asBoolean()));
        assertThat(added).containsExactly(false, true, true, false);
        assertThat(jdbc.sql("select count(*) from listens where user_id = :u")
                        .param("u", user.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void anUnknownSongBecomesOneCatalogEntryAndNamesFindTheSameTrackLater() {
        var user = newAccount();
        String title = unknownTitle();
        var first = api.post("/api/v1/me/listens", byName("Nobody Knows Band", title, recent(20)), user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(first.path("tracksCreated").asInt()).isEqualTo(1);
        long created = first.path("items").get(0).path("trackId").asLong();
        // case, accents and punctuation do not make it another song
        var second = api.post(
                        "/api/v1/me/listens",
                        byName("nobody knows band!", title.toUpperCase(), recent(10)),
                        user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(second.path("tracksCreated").asInt()).isZero();
        assertThat(second.path("items").get(0).path("trackId").asLong()).isEqualTo(created);
        var track = api.get("/api/v1/tracks/" + created, user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(track.path("title").asString()).isEqualTo(title);
        assertThat(track.path("artists").get(0).path("name").asString()).isEqualTo("Nobody Knows Band");
    }

    @Test
    void aKnownSongIsFoundByArtistAndTitle() {
        var user = newAccount();
        var known = jdbc.sql("""
                        select t.id, t.title, t.artist_names from tracks t where t.origin = 'import'
                        and t.title ~ '^[A-Za-z ]+$'
                        -- a title no other track has, so no namesake (a cover, a remaster) competes
                        and not exists (select 1 from tracks o where o.title_search = t.title_search and o.id <> t.id)
                        order by random() limit 1""").query().singleRow();
        var result = api.post(
                        "/api/v1/me/listens",
                        byName(
                                known.get("artist_names").toString().toUpperCase(),
                                known.get("title").toString(),
                                recent(5)),
                        user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(result.path("tracksCreated").asInt()).isZero();
        assertThat(result.path("items").get(0).path("trackId").asLong())
                .isEqualTo(((Number) known.get("id")).longValue());
    }

    @Test
    void invalidListensAreNamedByPathAndNothingIsStored() {
        var user = newAccount();
        long track = trackIds(1).getFirst();
        String body = batch(List.of(
                byId(track, recent(5)),
                "{\"listenedAt\": \"2001-01-01T00:00:00Z\", \"track\": {\"id\": %d}}".formatted(track),
                "{\"listenedAt\": \"%s\", \"track\": {\"id\": %d}}"
                        .formatted(clock.instant().plusSeconds(7200), track),
                "{\"listenedAt\": \"%s\", \"track\": {\"artist\": \"\", \"title\": \"x\\u0000y\"}}"
                        .formatted(recent(3)),
                "{\"listenedAt\": \"%s\", \"track\": {\"id\": %d}, \"msPlayed\": 999999999}"
                        .formatted(recent(2), track),
                "{\"listenedAt\": \"yesterday\", \"track\": {\"id\": %d}}".formatted(track)));
        JsonNode problem = api.post("/api/v1/me/listens", body, user.accessToken())
                .assertProblem(400, "validation")
                .json();
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactly("listens[5].listenedAt");
        body = body.replace("\"yesterday\"", "\"" + recent(1) + "\"");
        problem = api.post("/api/v1/me/listens", body, user.accessToken())
                .assertProblem(400, "validation")
                .json();
        fields.clear();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "listens[1].listenedAt",
                        "listens[2].listenedAt",
                        "listens[3].track.artist",
                        "listens[3].track.title",
                        "listens[4].msPlayed");
        assertThat(jdbc.sql("select count(*) from listens where user_id = :u")
                        .param("u", user.id())
                        .query(Long.class)
                        .single())
                .isZero();

        api.post("/api/v1/me/listens", byId(99_999_999L, recent(1)), user.accessToken())
                .assertProblem(400, "validation");
        JsonNode single = api.post(
                        "/api/v1/me/listens", "{\"track\": {\"id\": %d}}".formatted(track), user.accessToken())
                .assertProblem(400, "validation")
                .json();
        assertThat(single.path("errors").get(0).path("field").asString()).isEqualTo("listenedAt");
        api.post("/api/v1/me/listens", batch(repeat(byId(track, recent(1)), 1001)), user.accessToken())
                .assertProblem(400, "validation");
        api.post("/api/v1/me/listens", batch(List.of()), user.accessToken()).assertProblem(400, "validation");

        // unknown fields and wrong types are the client's mistake (they answered 500 before)
        JsonNode unknown = api.post(
                        "/api/v1/me/listens",
                        "{\"listenedAt\": \"%s\", \"trackId\": %d}".formatted(recent(1), track),
                        user.accessToken())
                .assertProblem(400, "validation")
                .json();
        assertThat(unknown.path("errors").get(0).path("field").asString()).isEqualTo("trackId");
        JsonNode wrongType = api.post(
                        "/api/v1/me/listens",
                        batch(List.of(
                                byId(track, recent(2)),
                                "{\"listenedAt\": \"%s\", \"track\": {\"id\": %d}, \"skipped\": [1]}"
                                        .formatted(recent(1), track))),
                        user.accessToken())
                .assertProblem(400, "validation")
                .json();
        assertThat(wrongType.path("errors").get(0).path("field").asString()).isEqualTo("listens[1].skipped");
        assertThat(jdbc.sql("select count(*) from listens where user_id = :u")
                        .param("u", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void recentlyPlayedPagesNewestFirstWithinBeforeAndAfter() {
        var user = newAccount();
        List<Long> tracks = trackIds(5);
        List<String> listens = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            times.add(recent(60L * 24 * 40 * i + 1)); // 40 days apart: several partitions
            listens.add(byId(tracks.get(i), times.get(i)));
        }
        api.post("/api/v1/me/listens", batch(listens), user.accessToken()).assertStatus(200);
        var page = api.get("/api/v1/me/recently-played?limit=2", user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(ids(page)).containsExactly(tracks.get(0), tracks.get(1));
        var next = api.get(
                        "/api/v1/me/recently-played?limit=2&cursor="
                                + page.path("next").asString(),
                        user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(ids(next)).containsExactly(tracks.get(2), tracks.get(3));
        var last = api.get(
                        "/api/v1/me/recently-played?limit=2&cursor="
                                + next.path("next").asString(),
                        user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(ids(last)).containsExactly(tracks.get(4));
        assertThat(last.path("next").isNull()).isTrue();
        var window = api.get(
                        "/api/v1/me/recently-played?before=" + times.get(1) + "&after=" + times.get(4),
                        user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(ids(window)).containsExactly(tracks.get(2), tracks.get(3));
        var other = newAccount();
        assertThat(ids(api.get("/api/v1/me/recently-played", other.accessToken())
                        .assertStatus(200)
                        .json()))
                .isEmpty();
        api.get("/api/v1/me/recently-played?before=soon", user.accessToken()).assertProblem(400, "validation");

        var plays = api.get("/api/v1/me/tracks/" + tracks.get(2) + "/listens", user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(plays.path("plays").asInt()).isEqualTo(1);
        assertThat(plays.path("items").size()).isEqualTo(1);
        assertThat(plays.path("track").path("id").asLong()).isEqualTo(tracks.get(2));
    }

    static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("track").path("id").asLong()));
        return ids;
    }
}
