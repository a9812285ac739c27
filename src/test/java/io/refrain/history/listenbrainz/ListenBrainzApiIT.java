package io.refrain.history.listenbrainz;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Api;
import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ListenBrainzApiIT extends IntegrationTest {

    private Account user;
    private Api scrobbler;

    private void signIn() {
        user = newAccount();
        String token = api.post("/api/v1/me/tokens", Json.of("name", "scrobbler"), user.accessToken())
                .assertStatus(201)
                .text("token");
        scrobbler = api.withHeader("Authorization", "Token " + token);
    }

    private long secondsAgo(long seconds) {
        return clock.instant().getEpochSecond() - seconds;
    }

    /** A listen the way Web Scrobbler sends one. */
    private static String webScrobbler(String artist, String track, long listenedAt) {
        return """
                {"listened_at": %d, "track_metadata": {"artist_name": %s, "track_name": %s, "release_name": "Night Drive",
                 "additional_info": {"submission_client": "Web Scrobbler", "submission_client_version": "3.9.0",
                  "music_service": "youtube.com", "music_service_name": "YouTube", "duration": 241,
                  "origin_url": "https://www.youtube.com/watch?v=abc"}}}""".formatted(listenedAt, q(artist), q(track));
    }

    /** A listen the way Navidrome sends one. */
    private static String navidrome(String artist, String track, long listenedAt) {
        return """
                {"listened_at": %d, "track_metadata": {"artist_name": %s, "track_name": %s, "release_name": "Navidrome Album",
                 "additional_info": {"submission_client": "Navidrome", "submission_client_version": "0.53.3",
                  "tracknumber": 4, "duration_ms": 215000, "artist_names": [%s],
                  "recording_mbid": "", "release_mbid": "0a8e97fd-457c-30bc-938a-2fba79cb04e7",
                  "artist_mbids": ["f4a31f0a-51dd-4fa7-986d-3095c40c5ed9"],
                  "tags": ["rock", "indie"]}}}""".formatted(listenedAt, q(artist), q(track), q(artist));
    }

    private static String submission(String type, String... listens) {
        return "{\"listen_type\": \"" + type + "\", \"payload\": [" + String.join(",", listens) + "]}";
    }

    private static String q(String value) {
        return Json.MAPPER.writeValueAsString(value);
    }

    private static String unique(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSingleListenIsStoredOnceAndReadableThroughBothApis() {
        signIn();
        String title = unique("Midnight City");
        long at = secondsAgo(300);
        String body = submission("single", webScrobbler("M83 Test", title, at));
        var ok = scrobbler.post("/1/submit-listens", body).assertStatus(200);
        assertThat(ok.json().path("status").asString()).isEqualTo("ok");
        scrobbler.post("/1/submit-listens", body).assertStatus(200); // again: still one listen
        assertThat(jdbc.sql("select count(*) from listens where user_id = :u and source = 'listenbrainz'")
                        .param("u", user.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        JsonNode payload = scrobbler
                .get("/1/user/" + user.id() + "/listens")
                .assertStatus(200)
                .json()
                .path("payload");
        assertThat(payload.path("count").asInt()).isEqualTo(1);
        assertThat(payload.path("user_id").asString()).isEqualTo(user.id().toString());
        assertThat(payload.path("latest_listen_ts").asLong()).isEqualTo(at);
        assertThat(payload.path("oldest_listen_ts").asLong()).isEqualTo(at);
        JsonNode listen = payload.path("listens").get(0);
        assertThat(listen.path("listened_at").asLong()).isEqualTo(at);
        assertThat(listen.path("recording_msid").asString()).isNotBlank();
        assertThat(listen.path("track_metadata").path("track_name").asString()).isEqualTo(title);
        assertThat(listen.path("track_metadata").path("artist_name").asString()).isEqualTo("M83 Test");
        assertThat(listen.path("track_metadata").path("release_name").asString())
                .isEqualTo("Night Drive");
        assertThat(listen.path("track_metadata")
                        .path("additional_info")
                        .path("submission_client")
                        .asString())
                .isEqualTo("Web Scrobbler 3.9.0");

        JsonNode recent = api.get("/api/v1/me/recently-played", user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(recent.path("items").get(0).path("track").path("title").asString())
                .isEqualTo(title);
        // the user's own Refrain session may read it too
        api.get("/1/user/" + user.id() + "/listens", user.accessToken()).assertStatus(200);
    }

    @Test
    void aSpotifyUrlFindsTheCatalogTrackWhateverTheNamesSay() {
        signIn();
        var known = jdbc.sql("""
                        select s.track_id, s.external_id from track_sources s join tracks t on t.id = s.track_id
                        where s.provider = 'spotify' and t.origin = 'import' order by random() limit 1""").query().singleRow();
        long trackId = ((Number) known.get("track_id")).longValue();
        String listen = """
                {"listened_at": %d, "track_metadata": {"artist_name": "someone else", "track_name": "another name",
                 "additional_info": {"spotify_id": "https://open.spotify.com/track/%s", "music_service": "spotify.com"}}}""".formatted(secondsAgo(90), known.get("external_id"));
        scrobbler.post("/1/submit-listens", submission("single", listen)).assertStatus(200);
        JsonNode stored = scrobbler
                .get("/1/user/" + user.id() + "/listens")
                .json()
                .path("payload")
                .path("listens")
                .get(0);
        assertThat(stored.path("track_metadata")
                        .path("additional_info")
                        .path("refrain_track_id")
                        .asLong())
                .isEqualTo(trackId);
        assertThat(stored.path("track_metadata")
                        .path("additional_info")
                        .path("spotify_id")
                        .asString())
                .isEqualTo("https://open.spotify.com/track/" + known.get("external_id"));
    }

    @Test
    void anImportIsStoredAndPagedByTimeAndCount() {
        signIn();
        List<String> listens = new ArrayList<>();
        long newest = secondsAgo(1000);
        for (int i = 0; i < 5; i++) {
            listens.add(navidrome("Navidrome Artist", unique("Song " + i), newest - i * 300L));
        }
        scrobbler
                .post("/1/submit-listens", submission("import", listens.toArray(String[]::new)))
                .assertStatus(200);
        String path = "/1/user/" + user.id() + "/listens";

        JsonNode all = scrobbler.get(path).assertStatus(200).json().path("payload");
        assertThat(all.path("count").asInt()).isEqualTo(5);
        assertThat(all.path("oldest_listen_ts").asLong()).isEqualTo(newest - 1200);
        List<Long> times = new ArrayList<>();
        all.path("listens").forEach(l -> times.add(l.path("listened_at").asLong()));
        assertThat(times).containsExactly(newest, newest - 300, newest - 600, newest - 900, newest - 1200);
        JsonNode info = all.path("listens").get(0).path("track_metadata").path("additional_info");
        assertThat(info.path("duration_ms").asInt()).isEqualTo(215000);

        assertThat(scrobbler
                        .get(path + "?count=2")
                        .json()
                        .path("payload")
                        .path("count")
                        .asInt())
                .isEqualTo(2);
        JsonNode older =
                scrobbler.get(path + "?max_ts=" + (newest - 300)).json().path("payload");
        assertThat(older.path("count").asInt()).isEqualTo(3);
        assertThat(older.path("listens").get(0).path("listened_at").asLong()).isEqualTo(newest - 600);
        JsonNode window = scrobbler
                .get(path + "?min_ts=" + (newest - 1200) + "&max_ts=" + newest)
                .json()
                .path("payload");
        assertThat(window.path("count").asInt()).isEqualTo(3);
        assertThat(scrobbler
                        .get(path + "?count=0")
                        .json()
                        .path("payload")
                        .path("count")
                        .asInt())
                .isZero();
        assertThat(scrobbler
                        .get(path + "?count=5000")
                        .json()
                        .path("payload")
                        .path("count")
                        .asInt())
                .isEqualTo(5);
        assertError(scrobbler.get(path + "?count=-1"), 400, "'count' should be a non-negative integer");
        assertError(scrobbler.get(path + "?max_ts=abc"), 400, "'max_ts' should be a non-negative integer");
        assertError(scrobbler.get(path + "?min_ts=10&max_ts=5"), 400, "min_ts should be less than max_ts");
    }

    @Test
    void playingNowIsShownUntilTheSongEnds() {
        signIn();
        String title = unique("Now Playing");
        String path = "/1/user/" + user.id() + "/playing-now";
        JsonNode before = scrobbler.get(path).assertStatus(200).json().path("payload");
        assertThat(before.path("count").asInt()).isZero();
        assertThat(before.path("playing_now").asBoolean()).isTrue();

        scrobbler
                .post("/1/submit-listens", submission("playing_now", """
                {"track_metadata": {"artist_name": "Someone", "track_name": %s,
                 "additional_info": {"duration_ms": 120000, "media_player": "Pano Scrobbler"}}}""".formatted(q(title))))
                .assertStatus(200);
        JsonNode now = scrobbler.get(path).assertStatus(200).json().path("payload");
        assertThat(now.path("count").asInt()).isEqualTo(1);
        assertThat(now.path("user_id").asString()).isEqualTo(user.id().toString());
        assertThat(now.path("listens").get(0).path("playing_now").asBoolean()).isTrue();
        assertThat(now.path("listens")
                        .get(0)
                        .path("track_metadata")
                        .path("track_name")
                        .asString())
                .isEqualTo(title);
        // not a listen
        assertThat(scrobbler
                        .get("/1/user/" + user.id() + "/listens")
                        .json()
                        .path("payload")
                        .path("count")
                        .asInt())
                .isZero();

        clock.advance(Duration.ofSeconds(121));
        assertThat(scrobbler.get(path).json().path("payload").path("count").asInt())
                .isZero();
    }

    @Test
    void malformedSubmissionsAreRefusedWithListenBrainzsMessages() {
        signIn();
        long at = secondsAgo(60);
        String good = webScrobbler("Artist", "Track", at);
        String nul = good.replace("\"Track\"", "\"Tr\\u0000ack\"");
        List<String> thousandOne = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            thousandOne.add("{\"listened_at\": " + (at - i)
                    + ", \"track_metadata\": {\"artist_name\": \"A\", \"track_name\": \"T" + i + "\"}}");
        }
        String big = "{\"listened_at\": " + at + ", \"track_metadata\": {\"artist_name\": \"A\", \"track_name\": \"T\","
                + " \"additional_info\": {\"comment\": \"" + "x".repeat(10_300) + "\"}}}";
        String[][] cases = {
            {"{\"payload\": [" + good + "]}", "JSON document requires a valid listen_type key."},
            {submission("repeat", good), "JSON document requires a valid listen_type key."},
            {"{\"listen_type\": \"single\"}", "Invalid JSON document submitted."},
            {
                submission("single", good, webScrobbler("Artist", "Other", at - 500)),
                "JSON document contains more than listen for a single/playing_now. It should contain only one."
            },
            {submission("import"), "JSON document does not contain any listens"},
            {
                submission("import", thousandOne.toArray(String[]::new)),
                "Too many listens. You may not submit more than 1000 listens at once."
            },
            {submission("playing_now", good), "JSON document must not contain listened_at while submitting playing_now."
            },
            {
                submission("single", good.replace(Long.toString(at), "1000000000")),
                "Value for key listened_at is too low. listened_at timestamp should be greater than 1033430400 (2002-10-01 00:00:00 UTC)."
            },
            {
                submission("single", good.replace(Long.toString(at), Long.toString(at + 7200))),
                "Value for key listened_at is too high."
            },
            {
                submission("single", good.replace(Long.toString(at), "\"yesterday\"")),
                "JSON document must contain an int value for listened_at."
            },
            {
                submission("single", good.replace(Long.toString(at), at + ".5")),
                "JSON document must contain an int value for listened_at."
            },
            {
                submission("single", "{\"track_metadata\": {\"artist_name\": \"A\", \"track_name\": \"T\"}}"),
                "JSON document must contain the key listened_at at the top level."
            },
            {
                submission("single", "{\"listened_at\": " + at + ", \"track_metadata\": {\"track_name\": \"T\"}}"),
                "JSON document does not contain required track_metadata.artist_name."
            },
            {
                submission("single", good.replace("\"Artist\"", "\"  \"")),
                "required field track_metadata.artist_name is empty."
            },
            {
                submission("single", good.replace("\"Artist\"", "[\"A\", \"B\"]")),
                "track_metadata.artist_name must be a single string."
            },
            {
                submission("single", good.replace("\"Track\"", "\"\"")),
                "required field track_metadata.track_name is empty."
            },
            {submission("single", nul), "Tr\\u0000ack contains a unicode null"},
            {submission("single", big), SubmissionParser.TOO_LARGE},
            {"this is not json", null},
            {
                submission(
                        "single",
                        "{\"listened_at\": " + at
                                + ", \"track_metadata\": {\"artist_name\": \"A\", \"track_name\": \"T\", \"additional_info\": [1]}}"),
                "track_metadata.additional_info must be a JSON object."
            },
            {
                submission(
                        "single",
                        "{\"listened_at\": " + at
                                + ", \"track_metadata\": {\"artist_name\": \"A\", \"track_name\": \"T\", \"additional_info\": {\"recording_mbid\": \"nope\"}}}"),
                "recording_mbid MBID format invalid."
            },
            {
                submission(
                        "single",
                        "{\"listened_at\": " + at
                                + ", \"track_metadata\": {\"artist_name\": \"A\", \"track_name\": \"T\", \"additional_info\": {\"tags\": [\""
                                + "t".repeat(65) + "\"]}}}"),
                "JSON document may not contain track_metadata.additional_info.tags longer than 64 characters."
            },
            {
                submission(
                        "single",
                        "{\"listened_at\": " + at
                                + ", \"track_metadata\": {\"artist_name\": \"A\", \"track_name\": \"T\", \"additional_info\": {\"tags\": "
                                + tags(51) + "}}}"),
                "JSON document may not contain more than 50 items in track_metadata.additional_info.tags."
            },
            {
                submission(
                        "single",
                        "{\"listened_at\": " + at
                                + ", \"extra\": 1, \"track_metadata\": {\"artist_name\": \"A\", \"track_name\": \"T\"}}"),
                "JSON document may only contain listened_at and track_metadata top level keys"
            },
            {
                submission(
                        "single",
                        "{\"listened_at\": " + at + ", \"track_metadata\": {\"artist_name\": \"" + "a".repeat(501)
                                + "\", \"track_name\": \"T\"}}"),
                "payload[0].track_metadata.artist_name must be at most 500 characters."
            },
        };
        for (String[] c : cases) {
            var response = scrobbler.post("/1/submit-listens", c[0]);
            if (c[1] == null) {
                assertThat(error(response, 400)).startsWith("Cannot parse JSON document:");
            } else {
                assertThat(error(response, 400))
                        .as(c[0].length() > 300 ? c[0].substring(0, 300) : c[0])
                        .isEqualTo(c[1]);
            }
        }
        assertThat(jdbc.sql("select count(*) from listens where user_id = :u")
                        .param("u", user.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** validate_duration_field and the duration/duration_ms exclusion, with ListenBrainz's messages. */
    @Test
    void durationsFollowListenBrainzsRules() {
        signIn();
        long at = secondsAgo(60);
        String[][] refused = {
            {
                "\"duration\": 200, \"duration_ms\": 200000",
                "JSON document should not contain both duration and duration_ms."
            },
            {
                "\"duration\": null, \"duration_ms\": 200000",
                "JSON document should not contain both duration and duration_ms."
            },
            {"\"duration\": 0", "Value for duration is invalid, should be a positive integer."},
            {"\"duration\": -5", "Value for duration is invalid, should be a positive integer."},
            {"\"duration\": 0.5", "Value for duration is invalid, should be a positive integer."},
            {"\"duration\": \"three minutes\"", "Value for duration is invalid, should be a positive integer."},
            {"\"duration\": null", "Value for duration is invalid, should be a positive integer."},
            {"\"duration\": [200]", "Value for duration is invalid, should be a positive integer."},
            {"\"duration\": {\"s\": 1}", "Value for duration is invalid, should be a positive integer."},
            {"\"duration\": 2073601", "Value for duration is too large, max permitted value is 2073600"},
            {"\"duration\": 1e30", "Value for duration is too large, max permitted value is 2073600"},
            {"\"duration_ms\": 0", "Value for duration_ms is invalid, should be a positive integer."},
            {"\"duration_ms\": \"\"", "Value for duration_ms is invalid, should be a positive integer."},
            {"\"duration_ms\": false", "Value for duration_ms is invalid, should be a positive integer."},
            {"\"duration_ms\": 2073600001", "Value for duration_ms is too large, max permitted value is 2073600000"},
            {
                "\"duration_ms\": 99999999999999999999999",
                "Value for duration_ms is too large, max permitted value is 2073600000"
            },
        };
        for (String[] c : refused) {
            for (String type : List.of("single", "playing_now")) {
                String listen = "{" + (type.equals("single") ? "\"listened_at\": " + at + ", " : "")
                        + "\"track_metadata\": {\"artist_name\": \"A\", \"track_name\": \"T\", \"additional_info\": {"
                        + c[0] + "}}}";
                assertThat(error(scrobbler.post("/1/submit-listens", submission(type, listen)), 400))
                        .as(type + " with " + c[0])
                        .isEqualTo(c[1]);
            }
        }
        assertThat(jdbc.sql("select count(*) from listens where user_id = :u")
                        .param("u", user.id())
                        .query(Long.class)
                        .single())
                .isZero();

        // accepted as ListenBrainz accepts them: int(float(value)), so "240" and 241.9 are whole seconds
        String[][] accepted = {
            {"\"duration\": \"240\"", "240000"},
            {"\"duration\": 241.9", "241000"},
            {"\"duration_ms\": \" 215000 \"", "215000"},
            {"\"duration\": 2073600", null}, // within ListenBrainz's 24 days, longer than a track Refrain keeps
            {"\"duration_ms\": 2073600000", null},
        };
        for (int i = 0; i < accepted.length; i++) {
            String track = unique("Duration " + i);
            String listen = "{\"listened_at\": " + (at - 600 * (i + 1))
                    + ", \"track_metadata\": {\"artist_name\": \"Duration Artist\"," + " \"track_name\": " + q(track)
                    + ", \"additional_info\": {" + accepted[i][0] + "}}}";
            scrobbler.post("/1/submit-listens", submission("single", listen)).assertStatus(200);
            JsonNode stored = scrobbler
                    .get("/1/user/" + user.id() + "/listens?count=1&max_ts=" + (at - 600 * (i + 1) + 1))
                    .assertStatus(200)
                    .json()
                    .path("payload")
                    .path("listens")
                    .get(0);
            assertThat(stored.path("track_metadata").path("track_name").asString())
                    .isEqualTo(track);
            JsonNode ms = stored.path("track_metadata").path("additional_info").path("duration_ms");
            assertThat(ms.isMissingNode() || ms.isNull() ? null : ms.asString())
                    .as(accepted[i][0])
                    .isEqualTo(accepted[i][1]);
        }
    }

    @Test
    void tokensAreRequiredAndHistoryIsPrivate() {
        signIn();
        String body = submission("single", webScrobbler("A", "T", secondsAgo(60)));
        assertError(api.post("/1/submit-listens", body), 401, "You need to provide an Authorization header.");
        assertError(
                api.withHeader("Authorization", "Token " + UUID.randomUUID()).post("/1/submit-listens", body),
                401,
                "Invalid authorization token.");
        assertError(
                api.withHeader("Authorization", "Token").post("/1/submit-listens", body),
                401,
                "Provided Authorization header is invalid.");
        assertError(api.get("/1/user/" + user.id() + "/listens"), 401, "You need to provide an Authorization header.");

        var other = newAccount();
        String otherToken = api.post("/api/v1/me/tokens", Json.of("name", "x"), other.accessToken())
                .text("token");
        var stranger = api.withHeader("Authorization", "Token " + otherToken);
        assertThat(error(stranger.get("/1/user/" + user.id() + "/listens"), 403))
                .contains("private");
        assertThat(error(stranger.get("/1/user/" + user.id() + "/playing-now"), 403))
                .contains("private");
        api.get("/1/user/" + user.id() + "/listens", other.accessToken()).assertStatus(403);
    }

    @Test
    void validateTokenAnswersLikeListenBrainz() {
        signIn();
        String token = api.post("/api/v1/me/tokens", Json.of("name", "second"), user.accessToken())
                .text("token");
        JsonNode valid =
                api.get("/1/validate-token?token=" + token).assertStatus(200).json();
        assertThat(valid.path("code").asInt()).isEqualTo(200);
        assertThat(valid.path("message").asString()).isEqualTo("Token valid.");
        assertThat(valid.path("valid").asBoolean()).isTrue();
        assertThat(valid.path("user_name").asString()).isEqualTo(user.id().toString());
        assertThat(scrobbler.get("/1/validate-token").json().path("valid").asBoolean())
                .isTrue();

        JsonNode invalid = api.get("/1/validate-token?token=" + UUID.randomUUID())
                .assertStatus(200)
                .json();
        assertThat(invalid.path("message").asString()).isEqualTo("Token invalid.");
        assertThat(invalid.path("valid").asBoolean()).isFalse();
        assertThat(invalid.has("user_name")).isFalse();
        assertError(api.get("/1/validate-token"), 400, "You need to provide an Authorization token.");
    }

    @Test
    void everyAnswerCarriesTheRateLimitAndTheLimitIsEnforcedPerToken() {
        signIn();
        var first = scrobbler.get("/1/validate-token").assertStatus(200);
        assertThat(first.header("X-RateLimit-Limit")).isEqualTo("50");
        long remaining = Long.parseLong(first.header("X-RateLimit-Remaining"));
        assertThat(first.header("X-RateLimit-Reset-In")).isNotNull();
        assertThat(Long.parseLong(first.header("X-RateLimit-Reset")))
                .isGreaterThanOrEqualTo(clock.instant().getEpochSecond());
        var second = scrobbler.post("/1/submit-listens", "nope"); // errors carry them too
        assertThat(Long.parseLong(second.header("X-RateLimit-Remaining"))).isLessThan(remaining + 1);

        Api.Response limited = null;
        for (int i = 0; i < 500 && limited == null; i++) {
            var response = scrobbler.get("/1/validate-token");
            if (response.status() == 429) {
                limited = response;
            }
        }
        assertThat(limited).isNotNull();
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.header("X-RateLimit-Limit")).isEqualTo("50");
        JsonNode body = limited.json();
        assertThat(body.path("code").asInt()).isEqualTo(429);
        assertThat(body.path("error").asString()).contains("rate limit");
        // another token has its own budget
        String other = api.post("/api/v1/me/tokens", Json.of("name", "other"), user.accessToken())
                .text("token");
        api.withHeader("Authorization", "Token " + other)
                .get("/1/validate-token")
                .assertStatus(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        var doc = api.get("/v3/api-docs").assertStatus(200).json();
        assertThat(doc.path("paths").propertyNames())
                .contains(
                        "/1/submit-listens",
                        "/1/validate-token",
                        "/1/user/{userName}/listens",
                        "/1/user/{userName}/playing-now",
                        "/api/v1/me/tokens",
                        "/api/v1/me/tokens/{tokenId}");
    }

    private static String tags(int n) {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tags.add("\"t" + i + "\"");
        }
        return "[" + String.join(",", tags) + "]";
    }

    private static String error(Api.Response response, int status) {
        response.assertStatus(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("X-RateLimit-Limit")).isNotNull();
        JsonNode body = response.json();
        assertThat(body.path("code").asInt()).isEqualTo(status);
        return body.path("error").asString();
    }

    private static void assertError(Api.Response response, int status, String message) {
        assertThat(error(response, status)).isEqualTo(message);
    }
}
