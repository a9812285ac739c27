package io.refrain.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Json;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Ratings of tracks, albums and artists, and loved tracks. */
class LibraryRatingsIT extends LibraryTestSupport {

    String token;

    @BeforeEach
    void signIn() {
        token = newAccount().accessToken();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tracks", "albums", "artists"})
    void rateChangeAndRemove(String kind) {
        List<Long> ids = ids(kind, 3);
        api.put("/api/v1/me/ratings/" + kind + "/" + ids.get(0), Json.of("rating", 4.5), token)
                .assertStatus(200)
                .json()
                .path("rating")
                .asDouble();
        api.put("/api/v1/me/ratings/" + kind + "/" + ids.get(1), Json.of("rating", 0), token)
                .assertStatus(200);
        api.put("/api/v1/me/ratings/" + kind + "/" + ids.get(1), Json.of("rating", 5), token)
                .assertStatus(200);
        JsonNode ratings = api.get("/api/v1/me/ratings/" + kind + "?ids=" + csv(ids), token)
                .assertStatus(200)
                .json();
        assertThat(values(ratings)).containsExactly(4.5, 5.0, null);

        api.delete("/api/v1/me/ratings/" + kind + "/" + ids.get(0), token).assertStatus(204);
        api.delete("/api/v1/me/ratings/" + kind + "/" + ids.get(0), token).assertStatus(204); // idempotent
        assertThat(values(api.get("/api/v1/me/ratings/" + kind + "?ids=" + csv(ids), token)
                        .json()))
                .containsExactly(null, 5.0, null);
        String table = kind.substring(0, kind.length() - 1) + "_ratings";
        assertThat(jdbc.sql("select count(*) from " + table + " where rating = 5")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tracks", "albums", "artists"})
    void badRatingsAreProblems(String kind) {
        long id = ids(kind, 1).getFirst();
        String path = "/api/v1/me/ratings/" + kind + "/" + id;
        for (Object bad : Arrays.asList(-0.5, 5.5, 4.25, 3.3, 1e300, 100)) {
            api.put(path, Json.of("rating", bad), token).assertProblem(400, "validation");
        }
        api.put(path, "{}", token).assertProblem(400, "validation");
        api.put(path, Json.of("rating", null), token).assertProblem(400, "validation");
        api.put(path, Json.of("rating", "four"), token).assertProblem(400, "malformed-request");
        api.put(path, "not json", token).assertProblem(400, "malformed-request");
        api.put(path, Json.of("rating", 3, "stars", 3), token).assertProblem(400, "malformed-request");
        api.put("/api/v1/me/ratings/" + kind + "/" + unknownId(kind), Json.of("rating", 3), token)
                .assertProblem(404, "not-found");
        api.put("/api/v1/me/ratings/" + kind + "/abc", Json.of("rating", 3), token)
                .assertStatus(400);
        assertThat(values(api.get("/api/v1/me/ratings/" + kind + "?ids=" + id, token)
                        .json()))
                .containsExactly((Object) null);
        String fiftyOne =
                csv(java.util.stream.LongStream.rangeClosed(1, 51).boxed().toList());
        api.get("/api/v1/me/ratings/" + kind + "?ids=" + fiftyOne, token).assertProblem(400, "validation");
        api.get("/api/v1/me/ratings/" + kind, token).assertProblem(400, "validation");
    }

    @Test
    void unknownKindsAreNotFound() {
        api.put("/api/v1/me/ratings/playlists/1", Json.of("rating", 3), token).assertProblem(404, "not-found");
        api.get("/api/v1/me/ratings/genres?ids=1", token).assertProblem(404, "not-found");
        api.delete("/api/v1/me/ratings/users/1", token).assertProblem(404, "not-found");
    }

    @Test
    void lovedTracks() {
        long id = trackIds(1).getFirst();
        api.put("/api/v1/me/loved/tracks/" + id, null, token).assertStatus(204);
        api.put("/api/v1/me/loved/tracks/" + id, null, token).assertStatus(204); // idempotent
        JsonNode me = api.get("/api/v1/tracks/" + id, token).json().path("me");
        assertThat(me.path("loved").asBoolean()).isTrue();
        assertThat(me.path("saved").asBoolean()).isFalse();

        api.delete("/api/v1/me/loved/tracks/" + id, token).assertStatus(204);
        api.delete("/api/v1/me/loved/tracks/" + id, token).assertStatus(204);
        assertThat(api.get("/api/v1/tracks/" + id, token)
                        .json()
                        .path("me")
                        .path("loved")
                        .asBoolean())
                .isFalse();
        api.put("/api/v1/me/loved/tracks/" + unknownId("tracks"), null, token).assertProblem(404, "not-found");
    }

    @Test
    void lovedTracksAreListedNewestLovedFirstAPageAtATime() {
        List<Long> ids = trackIds(3);
        for (long id : ids) {
            api.put("/api/v1/me/loved/tracks/" + id, null, token).assertStatus(204);
            clock.advance(java.time.Duration.ofSeconds(1));
        }
        JsonNode first = api.get("/api/v1/me/loved/tracks?limit=2", token)
                .assertStatus(200)
                .json();
        assertThat(first.path("items").get(0).path("track").path("id").asLong()).isEqualTo(ids.get(2));
        assertThat(first.path("items").get(1).path("track").path("id").asLong()).isEqualTo(ids.get(1));
        assertThat(first.path("items")
                        .get(0)
                        .path("track")
                        .path("me")
                        .path("loved")
                        .asBoolean())
                .isTrue();
        JsonNode second = api.get(
                        "/api/v1/me/loved/tracks?limit=2&cursor="
                                + first.path("next").asString(),
                        token)
                .assertStatus(200)
                .json();
        assertThat(second.path("items").size()).isEqualTo(1);
        assertThat(second.path("items").get(0).path("track").path("id").asLong())
                .isEqualTo(ids.get(0));
        assertThat(second.path("next").isNull()).isTrue();
        api.get("/api/v1/me/loved/tracks?cursor=not-a-cursor", token).assertProblem(400, "validation");
        api.get("/api/v1/me/loved/tracks?limit=0", token).assertStatus(400);
    }

    @Test
    void aRatingShowsOnAlbumAndArtistPagesToo() {
        // an artist whose tracks all have an album: its top track is on both its page and its album's: it is on both
        // the artist's and the album's page
        long artistId = jdbc.sql("""
                select ta.artist_id from track_artists ta
                group by ta.artist_id
                having bool_and(exists (select 1 from tracks t where t.id = ta.track_id and t.album_id is not null))
                order by random() limit 1""").query(Long.class).single();
        JsonNode topTracks = api.get("/api/v1/artists/" + artistId, token)
                .assertStatus(200)
                .json()
                .path("topTracks");
        JsonNode rated = null;
        for (JsonNode track : topTracks) {
            if (!track.path("album").isMissingNode() && !track.path("album").isNull()) {
                rated = track;
                break;
            }
        }
        assertThat(rated)
                .as("artist " + artistId + " has a top track with an album")
                .isNotNull();
        long trackId = rated.path("id").asLong();
        long albumId = rated.path("album").path("id").asLong();
        api.put("/api/v1/me/ratings/tracks/" + trackId, Json.of("rating", 2.5), token)
                .assertStatus(200);

        JsonNode album =
                api.get("/api/v1/albums/" + albumId, token).assertStatus(200).json();
        assertThat(ratingOf(album.path("tracks"), trackId))
                .as("on the album page")
                .isEqualTo(2.5);
        JsonNode artist =
                api.get("/api/v1/artists/" + artistId, token).assertStatus(200).json();
        assertThat(ratingOf(artist.path("topTracks"), trackId))
                .as("on the artist page")
                .isEqualTo(2.5);
    }

    private static Double ratingOf(JsonNode tracks, long trackId) {
        for (JsonNode track : tracks) {
            if (track.path("id").asLong() == trackId) {
                return track.path("me").path("rating").asDouble();
            }
        }
        throw new AssertionError("track " + trackId + " is not on the page");
    }

    private List<Long> ids(String kind, int n) {
        return switch (kind) {
            case "tracks" -> trackIds(n);
            case "albums" -> albumIds(n);
            default -> artistIds(n);
        };
    }
}
