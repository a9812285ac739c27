package io.refrain.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Api;
import io.refrain.support.Json;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every library endpoint, called by another user against the owner's entries and tag: the caller
 * never sees the owner's library, ratings or tags (someone else's tag is a 404), and nothing the
 * caller does changes the owner's rows. Without a token every endpoint is a 401.
 */
class LibraryIsolationIT extends LibraryTestSupport {

    /** The owner's library, set up once for the class (the application context and database are shared). */
    private static Fixture owner;

    record Fixture(Account account, long track, long album, long artist, long tag, String tagName) {}

    record Endpoint(String method, String path, String body, int status, Consumer<JsonNode> check) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Consumer<JsonNode> NOTHING = json -> {};
    private static final Consumer<JsonNode> EMPTY_PAGE = json -> {
        assertThat(json.path("items")).isEmpty();
        assertThat(json.path("next").isNull()).isTrue();
    };
    private static final Consumer<JsonNode> ALL_FALSE =
            json -> assertThat(values(json)).containsOnly(false);
    private static final Consumer<JsonNode> ALL_NULL =
            json -> assertThat(values(json)).containsOnlyNulls();

    static Stream<Endpoint> endpoints() {
        String rating = Json.of("rating", 1.5);
        return Stream.of(
                new Endpoint("GET", "/api/v1/me/tracks", null, 200, EMPTY_PAGE),
                new Endpoint("PUT", "/api/v1/me/tracks?ids={track}", null, 204, NOTHING),
                new Endpoint("DELETE", "/api/v1/me/tracks?ids={track}", null, 204, NOTHING),
                new Endpoint("GET", "/api/v1/me/tracks/contains?ids={track}", null, 200, ALL_FALSE),
                new Endpoint("GET", "/api/v1/me/albums", null, 200, EMPTY_PAGE),
                new Endpoint("PUT", "/api/v1/me/albums?ids={album}", null, 204, NOTHING),
                new Endpoint("DELETE", "/api/v1/me/albums?ids={album}", null, 204, NOTHING),
                new Endpoint("GET", "/api/v1/me/albums/contains?ids={album}", null, 200, ALL_FALSE),
                new Endpoint("GET", "/api/v1/me/following/artists", null, 200, EMPTY_PAGE),
                new Endpoint("PUT", "/api/v1/me/following/artists?ids={artist}", null, 204, NOTHING),
                new Endpoint("DELETE", "/api/v1/me/following/artists?ids={artist}", null, 204, NOTHING),
                new Endpoint("GET", "/api/v1/me/following/artists/contains?ids={artist}", null, 200, ALL_FALSE),
                new Endpoint("PUT", "/api/v1/me/ratings/tracks/{track}", rating, 200, NOTHING),
                new Endpoint("DELETE", "/api/v1/me/ratings/tracks/{track}", null, 204, NOTHING),
                new Endpoint("GET", "/api/v1/me/ratings/tracks?ids={track}", null, 200, ALL_NULL),
                new Endpoint("PUT", "/api/v1/me/ratings/albums/{album}", rating, 200, NOTHING),
                new Endpoint("DELETE", "/api/v1/me/ratings/albums/{album}", null, 204, NOTHING),
                new Endpoint("GET", "/api/v1/me/ratings/albums?ids={album}", null, 200, ALL_NULL),
                new Endpoint("PUT", "/api/v1/me/ratings/artists/{artist}", rating, 200, NOTHING),
                new Endpoint("DELETE", "/api/v1/me/ratings/artists/{artist}", null, 204, NOTHING),
                new Endpoint("GET", "/api/v1/me/ratings/artists?ids={artist}", null, 200, ALL_NULL),
                new Endpoint("PUT", "/api/v1/me/loved/tracks/{track}", null, 204, NOTHING),
                new Endpoint("DELETE", "/api/v1/me/loved/tracks/{track}", null, 204, NOTHING),
                new Endpoint("GET", "/api/v1/me/tags", null, 200, EMPTY_PAGE),
                new Endpoint("POST", "/api/v1/me/tags", "{\"name\":\"{tagName}\"}", 201, json -> assertThat(
                                json.path("trackCount").asLong())
                        .isZero()),
                new Endpoint("GET", "/api/v1/me/tags/{tag}", null, 404, NOTHING),
                new Endpoint("PATCH", "/api/v1/me/tags/{tag}", Json.of("name", "taken over"), 404, NOTHING),
                new Endpoint("DELETE", "/api/v1/me/tags/{tag}", null, 404, NOTHING),
                new Endpoint("PUT", "/api/v1/me/tags/{tag}/tracks?ids={track}", null, 404, NOTHING),
                new Endpoint("DELETE", "/api/v1/me/tags/{tag}/tracks?ids={track}", null, 404, NOTHING),
                new Endpoint("GET", "/api/v1/me/tags/{tag}/tracks", null, 404, NOTHING),
                // the catalog's pages show each reader only their own state
                new Endpoint("GET", "/api/v1/tracks/{track}", null, 200, json -> {
                    assertThat(json.path("me").path("saved").asBoolean()).isFalse();
                    assertThat(json.path("me").path("loved").asBoolean()).isFalse();
                    assertThat(json.path("me").path("rating").isNumber()).isFalse();
                }));
    }

    @BeforeEach
    void ownerWithAFullLibrary() {
        synchronized (LibraryIsolationIT.class) {
            if (owner == null) {
                Account account = newAccount();
                String token = account.accessToken();
                long track = trackIds(1).getFirst();
                long album = albumIds(1).getFirst();
                long artist = artistIds(1).getFirst();
                String tagName = "private " + UUID.randomUUID().toString().substring(0, 8);
                api.put("/api/v1/me/tracks?ids=" + track, null, token).assertStatus(204);
                api.put("/api/v1/me/albums?ids=" + album, null, token).assertStatus(204);
                api.put("/api/v1/me/following/artists?ids=" + artist, null, token)
                        .assertStatus(204);
                api.put("/api/v1/me/ratings/tracks/" + track, Json.of("rating", 4.5), token)
                        .assertStatus(200);
                api.put("/api/v1/me/ratings/albums/" + album, Json.of("rating", 4), token)
                        .assertStatus(200);
                api.put("/api/v1/me/ratings/artists/" + artist, Json.of("rating", 3.5), token)
                        .assertStatus(200);
                api.put("/api/v1/me/loved/tracks/" + track, null, token).assertStatus(204);
                long tag = api.post("/api/v1/me/tags", Json.of("name", tagName), token)
                        .assertStatus(201)
                        .json()
                        .path("id")
                        .asLong();
                api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + track, null, token)
                        .assertStatus(204);
                owner = new Fixture(account, track, album, artist, tag, tagName);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anotherUserNeitherSeesNorChangesTheOwnersLibrary(Endpoint endpoint) {
        String before = snapshot(owner.account().id());
        String path = fill(endpoint.path());
        String body = endpoint.body() == null ? null : fill(endpoint.body());
        String intruder = newAccount().accessToken();

        Api.Response response = api.send(endpoint.method(), path, body, intruder, "application/json");
        if (endpoint.status() == 404) {
            response.assertProblem(404, "not-found");
        } else {
            response.assertStatus(endpoint.status());
        }
        if (!response.body().isEmpty()) {
            endpoint.check().accept(response.json());
            if (!endpoint.method().equals("POST")) {
                assertThat(response.body()).doesNotContain(owner.tagName());
            }
        }
        assertThat(snapshot(owner.account().id())).as("the owner's rows").isEqualTo(before);
        // and the owner still sees everything
        assertThat(api.get(
                                "/api/v1/me/tags/" + owner.tag() + "/tracks",
                                owner.account().accessToken())
                        .assertStatus(200)
                        .json()
                        .path("items"))
                .hasSize(1);

        api.send(endpoint.method(), path, body, null, "application/json").assertProblem(401, "unauthenticated");
    }

    private static String fill(String template) {
        return template.replace("{track}", Long.toString(owner.track()))
                .replace("{album}", Long.toString(owner.album()))
                .replace("{artist}", Long.toString(owner.artist()))
                .replace("{tag}", Long.toString(owner.tag()))
                .replace("{tagName}", owner.tagName());
    }

    /** Every library row of the user, as text. */
    private String snapshot(UUID userId) {
        StringBuilder all = new StringBuilder();
        for (String table : List.of(
                "saved_tracks",
                "saved_albums",
                "followed_artists",
                "track_ratings",
                "album_ratings",
                "artist_ratings",
                "loved_tracks",
                "tags",
                "tagged_tracks")) {
            all.append(table)
                    .append(": ")
                    .append(jdbc.sql("select coalesce(string_agg(t::text, ';' order by t::text), '') from " + table
                                    + " t where user_id = ?")
                            .param(userId)
                            .query(String.class)
                            .single())
                    .append('\n');
        }
        return all.toString();
    }
}
