package io.refrain.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** User tags: create, rename, delete, list with counts, tag and untag tracks, a tag's tracks, bounds. */
class LibraryTagsIT extends LibraryTestSupport {

    String token;

    @BeforeEach
    void signIn() {
        token = newAccount().accessToken();
    }

    private long createTag(String name) {
        return api.post("/api/v1/me/tags", Json.of("name", name), token)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
    }

    @Test
    void createRenameListAndDelete() {
        var created = api.post("/api/v1/me/tags", Json.of("name", "  Late night  "), token)
                .assertStatus(201);
        long lateNight = created.json().path("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/me/tags/" + lateNight);
        assertThat(created.json().path("name").asString()).isEqualTo("Late night");
        assertThat(created.json().path("trackCount").asLong()).isZero();
        long zen = createTag("zen");
        long bright = createTag("Bright");

        api.patch("/api/v1/me/tags/" + zen, Json.of("name", "Ambient"), token).assertStatus(200);
        api.patch("/api/v1/me/tags/" + zen, Json.of("name", "AMBIENT"), token)
                .assertStatus(200); // its own name, other case
        assertThat(api.get("/api/v1/me/tags/" + zen, token)
                        .assertStatus(200)
                        .json()
                        .path("name")
                        .asString())
                .isEqualTo("AMBIENT");

        JsonNode page =
                api.get("/api/v1/me/tags?limit=2", token).assertStatus(200).json();
        assertThat(page.path("items").findValuesAsString("name")).containsExactly("AMBIENT", "Bright");
        JsonNode rest = api.get(
                        "/api/v1/me/tags?limit=2&cursor=" + page.path("next").asString(), token)
                .assertStatus(200)
                .json();
        assertThat(rest.path("items").findValuesAsString("name")).containsExactly("Late night");
        assertThat(rest.path("next").isNull()).isTrue();

        api.delete("/api/v1/me/tags/" + bright, token).assertStatus(204);
        api.delete("/api/v1/me/tags/" + bright, token).assertProblem(404, "not-found");
        api.get("/api/v1/me/tags/" + bright, token).assertProblem(404, "not-found");
        assertThat(api.get("/api/v1/me/tags", token).json().path("items").findValuesAsString("name"))
                .containsExactly("AMBIENT", "Late night");
        assertThat(lateNight).isPositive();
    }

    @Test
    void namesAreUniquePerUserWhateverTheCase() {
        long rock = createTag("Rock");
        api.post("/api/v1/me/tags", Json.of("name", "rock"), token).assertProblem(409, "conflict");
        api.post("/api/v1/me/tags", Json.of("name", " ROCK "), token).assertProblem(409, "conflict");
        long pop = createTag("Pop");
        api.patch("/api/v1/me/tags/" + pop, Json.of("name", "rOcK"), token).assertProblem(409, "conflict");
        assertThat(api.get("/api/v1/me/tags/" + pop, token).json().path("name").asString())
                .isEqualTo("Pop");
        // another user may have the same name
        api.post("/api/v1/me/tags", Json.of("name", "Rock"), newAccount().accessToken())
                .assertStatus(201);
        assertThat(rock).isNotEqualTo(pop);
    }

    @Test
    void badNamesAreProblems() {
        for (String bad : new String[] {"", "   ", "x".repeat(51), "tab\there", "😀".repeat(51)}) {
            api.post("/api/v1/me/tags", Json.of("name", bad), token).assertProblem(400, "validation");
        }
        api.post("/api/v1/me/tags", "{}", token).assertProblem(400, "validation");
        api.post("/api/v1/me/tags", Json.of("name", 5, "colour", "red"), token).assertProblem(400, "malformed-request");
        api.post("/api/v1/me/tags", "[", token).assertProblem(400, "malformed-request");
        api.post("/api/v1/me/tags", Json.of("name", "x".repeat(50)), token).assertStatus(201);
        api.post("/api/v1/me/tags", Json.of("name", "😀".repeat(50)), token).assertStatus(201); // characters, not bytes
        long tag = createTag("fine");
        api.patch("/api/v1/me/tags/" + tag, Json.of("name", " "), token).assertProblem(400, "validation");
        api.get("/api/v1/me/tags?cursor=garbage", token).assertProblem(400, "validation");
        api.get("/api/v1/me/tags?cursor=WzFd", token).assertProblem(400, "validation"); // [1]: not a name
        api.get("/api/v1/me/tags?limit=51", token).assertProblem(400, "validation");
        api.get("/api/v1/me/tags/abc", token).assertStatus(400);
    }

    @Test
    void tagAndUntagTracks() {
        long tag = createTag("mine");
        List<Long> ids = trackIds(5);
        api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + csv(ids.subList(0, 3)), null, token)
                .assertStatus(204);
        clock.advance(Duration.ofSeconds(1));
        api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + csv(ids.subList(3, 5)), null, token)
                .assertStatus(204);
        clock.advance(Duration.ofSeconds(1));
        api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + ids.get(0), null, token)
                .assertStatus(204); // idempotent
        api.delete("/api/v1/me/tags/" + tag + "/tracks?ids=" + ids.get(1), token)
                .assertStatus(204);
        api.delete("/api/v1/me/tags/" + tag + "/tracks?ids=" + ids.get(1), token)
                .assertStatus(204);

        assertThat(api.get("/api/v1/me/tags/" + tag, token)
                        .json()
                        .path("trackCount")
                        .asLong())
                .isEqualTo(4);
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/me/tags/" + tag + "/tracks?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                            token)
                    .assertStatus(200)
                    .json();
            seen.addAll(longs(page.path("items"), "track.id"));
            for (JsonNode item : page.path("items")) {
                assertThat(item.path("taggedAt").asString()).isNotBlank();
                assertThat(item.path("track").path("title").asString()).isNotBlank();
                assertThat(item.path("track").has("me")).isTrue();
            }
            cursor = page.path("next").isNull() ? null : page.path("next").asString();
        } while (cursor != null);
        List<Long> newest = new ArrayList<>(ids.subList(3, 5));
        newest.sort(java.util.Comparator.reverseOrder());
        assertThat(seen)
                .hasSize(4)
                .startsWith(newest.get(0), newest.get(1))
                .containsOnly(ids.get(0), ids.get(2), ids.get(3), ids.get(4));

        // unknown tracks: nothing tagged, the 404 names them
        long unknown = unknownId("tracks");
        JsonNode problem = api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + ids.get(1) + "," + unknown, null, token)
                .assertProblem(404, "not-found")
                .json();
        assertThat(longs(problem.path("unknownIds"), "")).containsExactly(unknown);
        assertThat(api.get("/api/v1/me/tags/" + tag, token)
                        .json()
                        .path("trackCount")
                        .asLong())
                .isEqualTo(4);

        // deleting the tag takes the tagging, not the tracks
        api.delete("/api/v1/me/tags/" + tag, token).assertStatus(204);
        assertThat(jdbc.sql("select count(*) from tagged_tracks where tag_id = ?")
                        .param(tag)
                        .query(Long.class)
                        .single())
                .isZero();
        api.get("/api/v1/tracks/" + ids.get(0), token).assertStatus(200);
        api.get("/api/v1/me/tags/" + tag + "/tracks", token).assertProblem(404, "not-found");
    }

    @Test
    void tagBatchBounds() {
        long tag = createTag("bounded");
        String fiftyOne =
                csv(java.util.stream.LongStream.rangeClosed(1, 51).boxed().toList());
        api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + fiftyOne, null, token)
                .assertProblem(400, "validation");
        api.delete("/api/v1/me/tags/" + tag + "/tracks?ids=" + fiftyOne, token).assertProblem(400, "validation");
        api.put("/api/v1/me/tags/" + tag + "/tracks", null, token).assertProblem(400, "validation");
        api.get("/api/v1/me/tags/" + tag + "/tracks?cursor=nonsense", token).assertProblem(400, "validation");
        api.get("/api/v1/me/tags/" + tag + "/tracks?limit=0", token).assertProblem(400, "validation");
        api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + csv(trackIds(50)), null, token)
                .assertStatus(204);
        assertThat(api.get("/api/v1/me/tags/" + tag, token)
                        .json()
                        .path("trackCount")
                        .asLong())
                .isEqualTo(50);
    }

    @Test
    void atMostAThousandTags() {
        var account = newAccount();
        jdbc.sql(
                        "insert into tags (user_id, name, created_at) select ?, 'tag ' || n, now() from generate_series(1, 1000) n")
                .param(account.id())
                .update();
        api.post("/api/v1/me/tags", Json.of("name", "one too many"), account.accessToken())
                .assertProblem(409, "conflict");
    }
}
