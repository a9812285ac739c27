package io.refrain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CatalogEditingIT extends IntegrationTest {

    /** A unique word, so search and counts only see this test's rows. */
    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String draft(String title, String artist, String isrc) {
        return Json.of(
                "title",
                title,
                "artists",
                List.of(Map.of("name", artist), Map.of("name", artist + " Guest", "role", "featured")),
                "album",
                Map.of("title", title + " (Album)", "releaseDate", "2019-05"),
                "durationMs",
                201_000,
                "explicit",
                true,
                "popularity",
                42,
                "trackNumber",
                3,
                "genres",
                List.of("Synthwave", "pop"),
                "sources",
                List.of(Map.of("provider", "isrc", "id", isrc)),
                "features",
                Map.of("danceability", 0.7, "energy", 0.8, "tempo", 118.0, "valence", 0.4, "key", 5, "mode", 1));
    }

    @Test
    void anAdministratorCreatesATrackThatEveryReadShows() {
        String admin = catalogAdmin().accessToken();
        String title = word();
        var created = api.post("/api/v1/tracks", draft(title, title + " Artist", "ZZ" + word()), admin)
                .assertStatus(201);
        long id = created.json().path("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/tracks/" + id);

        var track = api.get("/api/v1/tracks/" + id, admin).assertStatus(200).json();
        assertThat(track.path("title").asString()).isEqualTo(title);
        assertThat(track.path("artists").findValuesAsString("role")).containsExactly("main", "featured");
        assertThat(track.path("artists").findValuesAsString("name"))
                .containsExactly(title + " Artist", title + " Artist Guest");
        assertThat(track.path("album").path("releaseDate").asString()).isEqualTo("2019-05");
        assertThat(track.path("genres").valueStream().map(n -> n.asString()).toList())
                .containsExactlyInAnyOrder("synthwave", "pop");
        assertThat(track.path("explicit").asBoolean()).isTrue();
        var features = track.path("features");
        assertThat(features.path("danceability").asDouble()).isEqualTo(0.7);
        assertThat(features.path("featuresSource").asString()).isEqualTo("admin");
        assertThat(features.path("mellow").asDouble()).isBetween(0.0, 35.0);
        assertThat(features.path("tempoNormalized").asDouble()).isBetween(0.0, 35.0);

        long artistId = track.path("artists").get(0).path("id").asLong();
        var artist =
                api.get("/api/v1/artists/" + artistId, admin).assertStatus(200).json();
        assertThat(artist.path("topTracks").findValuesAsString("title")).contains(title);

        var search = api.get("/api/v1/search?type=track&q=" + title, admin)
                .assertStatus(200)
                .json();
        assertThat(search.path("tracks").path("items").get(0).path("id").asLong())
                .isEqualTo(id);
    }

    @Test
    void aChangeByAnotherProcessShowsWhenTheCachedTrackExpiresOnTheInjectedClock() {
        String admin = catalogAdmin().accessToken();
        String title = word();
        long id = api.post("/api/v1/tracks", draft(title, title + " Artist", "ZZ" + word()), admin)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        assertThat(api.get("/api/v1/tracks/" + id, admin)
                        .assertStatus(200)
                        .json()
                        .path("title")
                        .asString())
                .isEqualTo(title);

        // as a catalog import by a separate CLI process does: the database changes, this process's cache is not told
        jdbc.sql("update tracks set title = :title where id = :id")
                .param("title", title + " Remastered")
                .param("id", id)
                .update();
        clock.advance(CatalogService.CACHE_TTL.minusMinutes(1));
        assertThat(api.get("/api/v1/tracks/" + id, admin)
                        .assertStatus(200)
                        .json()
                        .path("title")
                        .asString())
                .as("still cached before CACHE_TTL has passed on the clock")
                .isEqualTo(title);
        clock.advance(Duration.ofMinutes(2));
        assertThat(api.get("/api/v1/tracks/" + id, admin)
                        .assertStatus(200)
                        .json()
                        .path("title")
                        .asString())
                .as("read again once CACHE_TTL has passed on the clock")
                .isEqualTo(title + " Remastered");
    }

    @Test
    void readsCarryAnEtagThatChangesWithTheTrack() {
        String admin = catalogAdmin().accessToken();
        long id = api.post("/api/v1/tracks", draft(word(), word(), "ZZ" + word()), admin)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        String etag = api.get("/api/v1/tracks/" + id, admin).assertStatus(200).header("ETag");
        assertThat(etag).isNotBlank();
        var notModified = api.withHeader("If-None-Match", etag).get("/api/v1/tracks/" + id, admin);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();

        api.put("/api/v1/tracks/" + id, Json.of("title", word(), "artists", List.of(Map.of("name", "X"))), admin)
                .assertStatus(200);
        var changed = api.withHeader("If-None-Match", etag).get("/api/v1/tracks/" + id, admin);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void anExistingArtistIsReusedByName() {
        String admin = catalogAdmin().accessToken();
        String artist = word();
        long first = api.post("/api/v1/tracks", draft(word(), artist, "ZZ" + word()), admin)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        long second = api.post("/api/v1/tracks", draft(word(), artist, "ZZ" + word()), admin)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        var a = api.get("/api/v1/tracks/" + first, admin)
                .json()
                .path("artists")
                .get(0)
                .path("id")
                .asLong();
        var b = api.get("/api/v1/tracks/" + second, admin)
                .json()
                .path("artists")
                .get(0)
                .path("id")
                .asLong();
        assertThat(a).isEqualTo(b);
        assertThat(jdbc.sql("select count(*) from artists where name = :n")
                        .param("n", artist)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void updateReplacesTheTrackAndReadsSeeItAtOnce() {
        String admin = catalogAdmin().accessToken();
        String title = word();
        long id = api.post("/api/v1/tracks", draft(title, word(), "ZZ" + word()), admin)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        api.get("/api/v1/tracks/" + id, admin).assertStatus(200); // now cached

        String renamed = word();
        var updated = api.put(
                        "/api/v1/tracks/" + id,
                        Json.of("title", renamed, "artists", List.of(Map.of("name", "Solo " + renamed))),
                        admin)
                .assertStatus(200)
                .json();
        assertThat(updated.path("title").asString()).isEqualTo(renamed);
        var read = api.get("/api/v1/tracks/" + id, admin).assertStatus(200).json();
        assertThat(read.path("title").asString()).isEqualTo(renamed);
        assertThat(read.path("artists").findValuesAsString("name")).containsExactly("Solo " + renamed);
        assertThat(read.path("genres").isEmpty()).isTrue();
        assertThat(read.path("sources").isEmpty()).isTrue();
        assertThat(read.path("features").isNull() || read.path("features").isMissingNode())
                .isTrue();
        assertThat(read.path("album").isNull() || read.path("album").isMissingNode())
                .isTrue();
        assertThat(jdbc.sql("select search_text from tracks where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(renamed + " solo " + renamed);
    }

    @Test
    void deleteRemovesTheTrackEverywhere() {
        String admin = catalogAdmin().accessToken();
        long id = api.post("/api/v1/tracks", draft(word(), word(), "ZZ" + word()), admin)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        api.get("/api/v1/tracks/" + id, admin).assertStatus(200);
        api.delete("/api/v1/tracks/" + id, admin).assertStatus(204);
        api.get("/api/v1/tracks/" + id, admin).assertProblem(404, "not-found");
        assertThat(api.get("/api/v1/tracks?ids=" + id, admin)
                        .json()
                        .path("items")
                        .isEmpty())
                .isTrue();
        api.delete("/api/v1/tracks/" + id, admin).assertProblem(404, "not-found");
        api.put("/api/v1/tracks/" + id, draft(word(), word(), "ZZ" + word()), admin)
                .assertProblem(404, "not-found");
    }

    @Test
    void aTrackSomeoneListenedToIsNotDeleted() {
        String admin = catalogAdmin().accessToken();
        long id = api.post("/api/v1/tracks", draft(word(), word(), "ZZ" + word()), admin)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        var listener = newAccount();
        api.post(
                        "/api/v1/me/listens",
                        "{\"listenedAt\": \"%s\", \"track\": {\"id\": %d}}"
                                .formatted(clock.instant().minusSeconds(60), id),
                        listener.accessToken())
                .assertStatus(200);
        api.delete("/api/v1/tracks/" + id, admin).assertProblem(409, "track-in-use");
        api.get("/api/v1/tracks/" + id, admin).assertStatus(200);
        assertThat(api.get("/api/v1/me/recently-played", listener.accessToken())
                        .json()
                        .path("items")
                        .get(0)
                        .path("track")
                        .path("id")
                        .asLong())
                .isEqualTo(id);
    }

    @Test
    void onlyAdministratorsChangeTheCatalog() {
        String user = newAccount().accessToken();
        long someTrack =
                jdbc.sql("select min(id) from tracks").query(Long.class).single();
        long before = jdbc.sql("select count(*) from tracks").query(Long.class).single();
        api.post("/api/v1/tracks", draft(word(), word(), "ZZ" + word()), user).assertProblem(403, "forbidden");
        api.put("/api/v1/tracks/" + someTrack, draft(word(), word(), "ZZ" + word()), user)
                .assertProblem(403, "forbidden");
        api.delete("/api/v1/tracks/" + someTrack, user).assertProblem(403, "forbidden");
        api.post("/api/v1/tracks", draft(word(), word(), "ZZ" + word()), null).assertProblem(401, "unauthenticated");
        assertThat(jdbc.sql("select count(*) from tracks").query(Long.class).single())
                .isEqualTo(before);
        api.get("/api/v1/tracks/" + someTrack, user).assertStatus(200);
    }

    @Test
    void anExternalIdBelongsToOneTrackOnly() {
        String admin = catalogAdmin().accessToken();
        String isrc = "ZZ" + word();
        api.post("/api/v1/tracks", draft(word(), word(), isrc), admin).assertStatus(201);
        String title = word();
        api.post("/api/v1/tracks", draft(title, word(), isrc), admin).assertProblem(409, "conflict");
        // nothing of the refused track stays behind
        assertThat(jdbc.sql("select count(*) from tracks where title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from artists where name = :n")
                        .param("n", title + " Artist")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void badDraftsAreRefusedWithTheFieldsNamed() {
        String admin = catalogAdmin().accessToken();
        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            tooMany.add(Map.of("name", "A" + i));
        }
        var problem = api.post(
                        "/api/v1/tracks",
                        Json.of(
                                "title",
                                " ",
                                "artists",
                                tooMany,
                                "durationMs",
                                0,
                                "features",
                                Map.of("danceability", 1.5),
                                "album",
                                Map.of("title", "X", "releaseDate", "May 2019"),
                                "sources",
                                List.of(Map.of("provider", "Not A Provider", "id", "x"))),
                        admin)
                .assertProblem(400, "validation");
        assertThat(problem.json().path("errors").findValuesAsString("field"))
                .contains(
                        "title",
                        "artists",
                        "durationMs",
                        "features.danceability",
                        "album.releaseDate",
                        "sources[0].provider");

        api.post("/api/v1/tracks", Json.of("title", "T", "artists", List.of()), admin)
                .assertProblem(400, "validation");
        api.post(
                        "/api/v1/tracks",
                        Json.of("title", "T", "artists", List.of(Map.of("name", "A", "role", "drummer"))),
                        admin)
                .assertProblem(400, "validation");
        api.post(
                        "/api/v1/tracks",
                        Json.of(
                                "title",
                                "T",
                                "artists",
                                List.of(Map.of("name", "A")),
                                "album",
                                Map.of("title", "X", "releaseDate", "2019-13")),
                        admin)
                .assertProblem(400, "validation");
        api.post("/api/v1/tracks", Json.of("title", "T", "artists", List.of(Map.of("name", "A")), "tempo", 120), admin)
                .assertProblem(400, "malformed-request");
        api.post("/api/v1/tracks", "{not json", admin).assertProblem(400, "malformed-request");
    }
}
