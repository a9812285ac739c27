package io.refrain.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Saved tracks, saved albums and followed artists: saving, removing, contains, lists, bounds. */
class LibrarySavedIT extends LibraryTestSupport {

    String token;

    @BeforeEach
    void signIn() {
        token = newAccount().accessToken();
    }

    @Test
    void savedTracksAreListedNewestFirstAsFullTracksWithTheReadersState() {
        List<Long> ids = trackIds(4);
        api.put("/api/v1/me/tracks?ids=" + csv(ids.subList(0, 3)), null, token).assertStatus(204);
        clock.advance(Duration.ofSeconds(1));
        api.put("/api/v1/me/tracks?ids=" + ids.get(3), null, token).assertStatus(204);

        JsonNode page = api.get("/api/v1/me/tracks", token).assertStatus(200).json();
        JsonNode items = page.path("items");
        assertThat(items).hasSize(4);
        assertThat(page.path("next").isNull()).isTrue();
        // the newest save first; one batch shares its time and is ordered by id, highest first
        List<Long> batch = new ArrayList<>(ids.subList(0, 3));
        batch.sort(java.util.Comparator.reverseOrder());
        assertThat(longs(items, "track.id")).containsExactly(ids.get(3), batch.get(0), batch.get(1), batch.get(2));
        JsonNode first = items.get(0);
        assertThat(first.path("savedAt").asString()).isNotBlank();
        assertThat(first.path("track").path("title").asString()).isNotBlank();
        assertThat(first.path("track").path("artists").isArray()).isTrue();
        assertThat(first.path("track").path("me").path("saved").asBoolean()).isTrue();
    }

    @Test
    void savingAgainKeepsTheFirstTimeAndPlace() {
        List<Long> ids = trackIds(2);
        api.put("/api/v1/me/tracks?ids=" + ids.get(0), null, token).assertStatus(204);
        clock.advance(Duration.ofSeconds(1));
        api.put("/api/v1/me/tracks?ids=" + ids.get(1), null, token).assertStatus(204);
        String savedAt = api.get("/api/v1/me/tracks", token)
                .json()
                .path("items")
                .get(1)
                .path("savedAt")
                .asString();
        clock.advance(Duration.ofSeconds(1));

        api.put("/api/v1/me/tracks?ids=" + csv(List.of(ids.get(0), ids.get(0))), null, token)
                .assertStatus(204);

        JsonNode items = api.get("/api/v1/me/tracks", token).json().path("items");
        assertThat(longs(items, "track.id")).containsExactly(ids.get(1), ids.get(0));
        assertThat(items.get(1).path("savedAt").asString()).isEqualTo(savedAt);
    }

    @Test
    void removingAndContains() {
        List<Long> ids = trackIds(3);
        api.put("/api/v1/me/tracks?ids=" + csv(ids), null, token).assertStatus(204);
        api.delete("/api/v1/me/tracks?ids=" + ids.get(1), token).assertStatus(204);
        api.delete("/api/v1/me/tracks?ids=" + ids.get(1), token).assertStatus(204); // idempotent

        long unknown = unknownId("tracks");
        JsonNode contains = api.get(
                        "/api/v1/me/tracks/contains?ids=" + csv(List.of(ids.get(2), ids.get(1), unknown, ids.get(0))),
                        token)
                .assertStatus(200)
                .json();
        assertThat(values(contains)).containsExactly(true, false, false, true);
        assertThat(longs(api.get("/api/v1/me/tracks", token).json().path("items"), "track.id"))
                .containsExactlyInAnyOrder(ids.get(0), ids.get(2));
    }

    @Test
    void unknownIdsSaveNothingAndAreNamed() {
        List<Long> ids = trackIds(2);
        long unknown = unknownId("tracks");
        JsonNode problem = api.put(
                        "/api/v1/me/tracks?ids=" + ids.get(0) + "," + unknown + "," + ids.get(1), null, token)
                .assertProblem(404, "not-found")
                .json();
        assertThat(longs(problem.path("unknownIds"), "")).containsExactly(unknown);
        assertThat(problem.path("detail").asString()).contains(String.valueOf(unknown));
        assertThat(api.get("/api/v1/me/tracks", token).json().path("items")).isEmpty();

        api.put("/api/v1/me/albums?ids=" + unknownId("albums"), null, token).assertProblem(404, "not-found");
        api.put("/api/v1/me/following/artists?ids=" + unknownId("artists"), null, token)
                .assertProblem(404, "not-found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/me/tracks", "/api/v1/me/albums", "/api/v1/me/following/artists"})
    void batchBoundsAreProblems(String path) {
        String fiftyOne = csv(LongStream.rangeClosed(1, 51).boxed().toList());
        api.put(path + "?ids=" + fiftyOne, null, token).assertProblem(400, "validation");
        api.delete(path + "?ids=" + fiftyOne, token).assertProblem(400, "validation");
        api.get(path + "/contains?ids=" + fiftyOne, token).assertProblem(400, "validation");
        api.put(path, null, token).assertProblem(400, "validation");
        api.put(path + "?ids=", null, token).assertProblem(400, "validation");
        api.put(path + "?ids=0", null, token).assertProblem(400, "validation");
        api.put(path + "?ids=abc", null, token).assertStatus(400);
        api.get(path + "/contains", token).assertProblem(400, "validation");
        api.get(path + "?limit=0", token).assertProblem(400, "validation");
        api.get(path + "?limit=51", token).assertProblem(400, "validation");
        for (String garbage : List.of("garbage", "Wy0xLDJd", "WyJ4IiwxXQ", "W10", "e30", "%25%25")) {
            api.get(path + "?cursor=" + garbage, token).assertProblem(400, "validation");
        }
        api.get(path, null).assertProblem(401, "unauthenticated");
    }

    @Test
    void fiftyAtOnceIsAllowed() {
        List<Long> ids = trackIds(50);
        api.put("/api/v1/me/tracks?ids=" + csv(ids), null, token).assertStatus(204);
        assertThat(values(api.get("/api/v1/me/tracks/contains?ids=" + csv(ids), token)
                        .assertStatus(200)
                        .json()))
                .hasSize(50)
                .containsOnly(true);
    }

    @Test
    void aCursorWalkSeesEveryEntryOnce() {
        List<Long> ids = trackIds(50);
        api.put("/api/v1/me/tracks?ids=" + csv(ids.subList(0, 20)), null, token).assertStatus(204);
        for (long id : ids.subList(20, 50)) {
            clock.advance(Duration.ofMillis(1));
            api.put("/api/v1/me/tracks?ids=" + id, null, token).assertStatus(204);
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/v1/me/tracks?limit=7" + (cursor == null ? "" : "&cursor=" + cursor), token)
                    .assertStatus(200)
                    .json();
            seen.addAll(longs(page.path("items"), "track.id"));
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(8);
        assertThat(seen).hasSize(50);
        assertThat(new HashSet<>(seen)).isEqualTo(new HashSet<>(ids));
        assertThat(seen.subList(0, 30))
                .containsExactlyElementsOf(ids.subList(20, 50).reversed());
    }

    @Test
    void savedAlbumsWithTheirArtists() {
        List<Long> ids = albumIds(3);
        api.put("/api/v1/me/albums?ids=" + csv(ids), null, token).assertStatus(204);
        api.put("/api/v1/me/albums?ids=" + csv(ids), null, token).assertStatus(204);
        api.delete("/api/v1/me/albums?ids=" + ids.get(2), token).assertStatus(204);

        JsonNode items = api.get("/api/v1/me/albums?limit=1", token)
                .assertStatus(200)
                .json()
                .path("items");
        assertThat(items).hasSize(1);
        JsonNode page = api.get("/api/v1/me/albums", token).json();
        assertThat(longs(page.path("items"), "album.id")).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        JsonNode album = page.path("items").get(0).path("album");
        long albumId = album.path("id").asLong();
        assertThat(album.path("title").asString())
                .isEqualTo(jdbc.sql("select title from albums where id = ?")
                        .param(albumId)
                        .query(String.class)
                        .single());
        assertThat(longs(album.path("artists"), "id"))
                .containsExactlyElementsOf(
                        jdbc.sql("select artist_id from album_artists where album_id = ? order by position")
                                .param(albumId)
                                .query(Long.class)
                                .list());
        assertThat(values(api.get("/api/v1/me/albums/contains?ids=" + csv(ids), token)
                        .assertStatus(200)
                        .json()))
                .containsExactly(true, true, false);
    }

    @Test
    void followedArtists() {
        List<Long> ids = artistIds(3);
        api.put("/api/v1/me/following/artists?ids=" + ids.get(0), null, token).assertStatus(204);
        clock.advance(Duration.ofSeconds(1));
        api.put("/api/v1/me/following/artists?ids=" + csv(ids.subList(1, 3)), null, token)
                .assertStatus(204);
        api.delete("/api/v1/me/following/artists?ids=" + ids.get(1), token).assertStatus(204);

        JsonNode items = api.get("/api/v1/me/following/artists", token)
                .assertStatus(200)
                .json()
                .path("items");
        assertThat(longs(items, "artist.id")).containsExactly(ids.get(2), ids.get(0));
        assertThat(items.get(0).path("artist").path("name").asString())
                .isEqualTo(jdbc.sql("select name from artists where id = ?")
                        .param(ids.get(2))
                        .query(String.class)
                        .single());
        assertThat(items.get(0).path("followedAt").asString()).isNotBlank();
        assertThat(values(api.get("/api/v1/me/following/artists/contains?ids=" + csv(ids), token)
                        .assertStatus(200)
                        .json()))
                .containsExactly(true, false, true);
    }

    @Test
    void savedAndRatedStateShowsOnTrackPagesAndInSearch() {
        long tnt = jdbc.sql("select id from tracks where title = 'T.N.T.' and artist_names like '%AC/DC%' limit 1")
                .query(Long.class)
                .single();
        JsonNode before =
                api.get("/api/v1/tracks/" + tnt, token).assertStatus(200).json().path("me");
        assertThat(before.path("saved").asBoolean()).isFalse();
        assertThat(before.path("rating").isNull() || before.path("rating").isMissingNode())
                .isTrue();

        api.put("/api/v1/me/tracks?ids=" + tnt, null, token).assertStatus(204);
        api.put("/api/v1/me/ratings/tracks/" + tnt, Json.of("rating", 4.5), token)
                .assertStatus(200);
        api.put("/api/v1/me/loved/tracks/" + tnt, null, token).assertStatus(204);

        JsonNode me =
                api.get("/api/v1/tracks/" + tnt, token).assertStatus(200).json().path("me");
        assertThat(me.path("saved").asBoolean()).isTrue();
        assertThat(me.path("rating").asDouble()).isEqualTo(4.5);
        assertThat(me.path("loved").asBoolean()).isTrue();

        JsonNode found = null;
        for (JsonNode track : api.get("/api/v1/search?q=tnt&type=track", token)
                .assertStatus(200)
                .json()
                .path("tracks")
                .path("items")) {
            if (track.path("id").asLong() == tnt) {
                found = track;
            }
        }
        assertThat(found).as("T.N.T. in the search results").isNotNull();
        assertThat(found.path("me").path("saved").asBoolean()).isTrue();
        assertThat(found.path("me").path("rating").asDouble()).isEqualTo(4.5);
        assertThat(found.path("me").path("loved").asBoolean()).isTrue();

        // someone else sees the same track without this state
        String other = newAccount().accessToken();
        JsonNode theirs =
                api.get("/api/v1/tracks/" + tnt, other).assertStatus(200).json().path("me");
        assertThat(theirs.path("saved").asBoolean()).isFalse();
        assertThat(theirs.path("loved").asBoolean()).isFalse();
        assertThat(theirs.path("rating").isNumber()).isFalse();
    }

    @Test
    void aTrackDeletedFromTheCatalogLeavesTheLibrary() {
        String admin = catalogAdmin().accessToken();
        long id = api.post(
                        "/api/v1/tracks",
                        Json.of(
                                "title",
                                "Soon gone",
                                "artists",
                                List.of(java.util.Map.of("name", "Library Test Artist"))),
                        admin)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        api.put("/api/v1/me/tracks?ids=" + id, null, token).assertStatus(204);
        api.delete("/api/v1/tracks/" + id, admin).assertStatus(204);

        assertThat(api.get("/api/v1/me/tracks", token).assertStatus(200).json().path("items"))
                .isEmpty();
        assertThat(values(api.get("/api/v1/me/tracks/contains?ids=" + id, token).json()))
                .containsExactly(false);
    }
}
