package io.refrain.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.catalog.CatalogService;
import io.refrain.support.Api;
import io.refrain.support.Json;
import io.refrain.support.StatementCounter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Playlist details, lists, ordered tracks, versions, conditional reads and bounds. */
class PlaylistsIT extends PlaylistTestSupport {

    @Autowired
    CatalogService catalog;

    @Autowired
    ProxyDataSource dataSource;

    @Autowired
    List<io.refrain.catalog.TrackUsage> usages;

    @Test
    void tracksInAnyPlaylistAreInUseForTheCatalogCleanupAndLeaveWhenTheCatalogDeletesThem() {
        var owner = newAccount();
        String id = create(owner, false);
        String admin = catalogAdmin().accessToken();
        long track = api.post(
                        "/api/v1/tracks",
                        Json.of(
                                "title",
                                "Only here " + java.util.UUID.randomUUID(),
                                "artists",
                                List.of(java.util.Map.of("name", "Nobody"))),
                        admin)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        var usage = usages.stream()
                .filter(u -> u.getClass().getPackageName().equals("io.refrain.playlists"))
                .findFirst()
                .orElseThrow();
        assertThat(usage.inUse(List.of(track))).isEmpty();
        add(owner, id, List.of(track, track), null).assertStatus(201);
        assertThat(usage.inUse(List.of(track, Long.MAX_VALUE))).containsExactly(track);
        api.post("/api/v1/playlists/" + id + "/tracks/remove", Json.of("start", 0, "count", 1), owner.accessToken())
                .assertStatus(200);
        assertThat(usage.inUse(List.of(track))).containsExactly(track);
        api.delete("/api/v1/tracks/" + track, admin).assertStatus(204);
        assertThat(order(id)).isEmpty();
        assertThat(trackCount(id)).isZero();
        assertThat(api.get("/api/v1/playlists/" + id + "/tracks", owner.accessToken())
                        .assertStatus(200)
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void createReadUpdateDelete() {
        var owner = newAccount();
        JsonNode created = api.post(
                        "/api/v1/playlists",
                        Json.of(
                                "name",
                                "  Road trip ",
                                "description",
                                "long drives",
                                "coverUrl",
                                "https://img.example/c.png",
                                "public",
                                true),
                        owner.accessToken())
                .assertStatus(201)
                .json();
        String id = created.path("id").asString();
        assertThat(created.path("name").asString()).isEqualTo("Road trip");
        assertThat(created.path("public").asBoolean()).isTrue();
        assertThat(created.path("version").asLong()).isEqualTo(1);
        assertThat(created.path("trackCount").asInt()).isZero();
        assertThat(created.path("role").asString()).isEqualTo("owner");
        assertThat(created.path("ownerId").asString()).isEqualTo(owner.id().toString());

        JsonNode updated = api.patch(
                        "/api/v1/playlists/" + id,
                        Json.of("name", "Road trip 2", "coverUrl", "", "public", false),
                        owner.accessToken())
                .assertStatus(200)
                .json();
        assertThat(updated.path("name").asString()).isEqualTo("Road trip 2");
        assertThat(updated.path("description").asString()).isEqualTo("long drives");
        assertThat(updated.has("coverUrl")).isFalse();
        assertThat(updated.path("public").asBoolean()).isFalse();
        assertThat(updated.path("version").asLong()).isEqualTo(2);

        api.delete("/api/v1/playlists/" + id, owner.accessToken()).assertStatus(204);
        api.get("/api/v1/playlists/" + id, owner.accessToken()).assertProblem(404, "not-found");
    }

    @Test
    void boundsAreCheckedAsProblems() {
        var owner = newAccount();
        api.post("/api/v1/playlists", Json.of("name", ""), owner.accessToken()).assertProblem(400, "validation");
        api.post("/api/v1/playlists", Json.of("name", "   "), owner.accessToken())
                .assertProblem(400, "validation");
        api.post("/api/v1/playlists", Json.of("name", "x".repeat(201)), owner.accessToken())
                .assertProblem(400, "validation");
        api.post("/api/v1/playlists", Json.of("name", "ok", "description", "d".repeat(2001)), owner.accessToken())
                .assertProblem(400, "validation");
        api.post("/api/v1/playlists", Json.of("name", "ok", "coverUrl", "ftp://x"), owner.accessToken())
                .assertProblem(400, "validation");
        api.post("/api/v1/playlists", "{\"name\": 3", owner.accessToken()).assertProblem(400, "malformed-request");
        api.post("/api/v1/playlists", Json.of("name", "a\u0000b"), owner.accessToken())
                .assertProblem(400, "validation");
        api.post("/api/v1/playlists", Json.of("name", "ok", "description", "\u0000"), owner.accessToken())
                .assertProblem(400, "validation");
        api.post("/api/v1/me/folders", Json.of("name", "a\u0000"), owner.accessToken())
                .assertProblem(400, "validation");
        String id = create(owner, false);
        List<Long> tracks = trackIds(101);
        add(owner, id, tracks, null).assertProblem(400, "validation");
        add(owner, id, List.of(), null).assertProblem(400, "validation");
        add(owner, id, List.of(Long.MAX_VALUE), null).assertProblem(400, "validation");
        add(owner, id, tracks.subList(0, 2), 5).assertProblem(400, "validation");
        add(owner, id, tracks.subList(0, 2), -1).assertProblem(400, "validation");
        String tracksPath = "/api/v1/playlists/" + id + "/tracks";
        api.post(tracksPath + "/move", Json.of("rangeStart", 0, "insertBefore", 1), owner.accessToken())
                .assertProblem(400, "validation");
        api.post(tracksPath + "/remove", Json.of("start", 0, "count", 1), owner.accessToken())
                .assertProblem(400, "validation");
        api.post(tracksPath + "/remove", Json.of(), owner.accessToken()).assertProblem(400, "validation");
        add(owner, id, tracks.subList(0, 3), null).assertStatus(201);
        api.post(tracksPath + "/remove", Json.of("start", 1, "count", Integer.MAX_VALUE), owner.accessToken())
                .assertProblem(400, "validation");
        api.post(tracksPath + "/remove", Json.of("entryIds", List.of(1), "start", 0, "count", 1), owner.accessToken())
                .assertProblem(400, "validation");
        api.post(
                        tracksPath + "/move",
                        Json.of("rangeStart", 1, "rangeLength", Integer.MAX_VALUE, "insertBefore", 0),
                        owner.accessToken())
                .assertProblem(400, "validation");
        api.post(tracksPath + "/move", Json.of("rangeStart", 0, "insertBefore", 4), owner.accessToken())
                .assertProblem(400, "validation");
        api.post(tracksPath + "/move", Json.of("insertBefore", 1), owner.accessToken())
                .assertProblem(400, "validation");
        api.post(tracksPath, "{\"trackIds\": [null]}", owner.accessToken()).assertProblem(400, "validation");
        api.post(tracksPath, "{\"trackIds\": [\"x\"]}", owner.accessToken()).assertProblem(400, "malformed-request");
        api.post(tracksPath, Json.of("trackIds", List.of(tracks.get(0)), "version", 0), owner.accessToken())
                .assertProblem(400, "validation");
        api.put("/api/v1/playlists/" + id + "/entries/abc/vote", Json.of("vote", 1), owner.accessToken())
                .assertStatus(400);
        api.send("PUT", "/api/v1/playlists/" + id + "/entries/1/vote", "{}", owner.accessToken(), "application/json")
                .assertProblem(400, "validation");
        api.get(tracksPath + "?limit=101", owner.accessToken()).assertProblem(400, "validation");
        api.get(tracksPath + "?limit=0", owner.accessToken()).assertProblem(400, "validation");
        api.get(tracksPath + "?cursor=bogus", owner.accessToken()).assertProblem(400, "validation");
        api.get(tracksPath + "?sort=random", owner.accessToken()).assertProblem(400, "validation");
        api.get("/api/v1/playlists/not-a-uuid", owner.accessToken()).assertStatus(400);
        api.patch("/api/v1/playlists/" + id, Json.of("name", "x"), null).assertProblem(401, "unauthenticated");
        api.send("PATCH", "/api/v1/playlists/" + id, Json.of("name", "x"), owner.accessToken(), "application/json")
                .assertStatus(200);
        api.send(
                "PATCH",
                "/api/v1/playlists/" + id,
                Json.of("name", "x"),
                owner.accessToken(),
                "application/json",
                "application/json");
        assertThat(api.withHeader("If-Match", "\"abc\"")
                        .patch("/api/v1/playlists/" + id, Json.of("name", "y"), owner.accessToken())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aPlaylistHoldsAtMostTenThousandTracks() {
        var owner = newAccount();
        String id = create(owner, false);
        seed(owner, id, 9_950);
        add(owner, id, trackIds(51), null).assertProblem(409, "playlist-full");
        JsonNode ok = add(owner, id, trackIds(50), null).assertStatus(201).json();
        assertThat(ok.path("entryIds")).hasSize(50);
        add(owner, id, trackIds(1), 0).assertProblem(409, "playlist-full");
        assertThat(order(id)).hasSize(10_000);
        assertThat(trackCount(id)).isEqualTo(10_000);
        assertThat(api.get("/api/v1/playlists/" + id, owner.accessToken())
                        .json()
                        .path("trackCount")
                        .asInt())
                .isEqualTo(10_000);
    }

    @Test
    void tracksAreAddedRemovedAndMovedInOrder() {
        var owner = newAccount();
        String id = create(owner, false);
        List<Long> t = trackIds(10);
        JsonNode first = add(owner, id, t.subList(0, 4), null).assertStatus(201).json(); // 0 1 2 3
        assertThat(first.path("version").asLong()).isEqualTo(2);
        assertThat(first.path("entryIds")).hasSize(4);
        add(owner, id, List.of(t.get(4), t.get(5)), 1).assertStatus(201); // 0 4 5 1 2 3
        add(owner, id, List.of(t.get(6)), 0).assertStatus(201); // 6 0 4 5 1 2 3
        add(owner, id, List.of(t.get(0)), null).assertStatus(201); // 6 0 4 5 1 2 3 0
        assertThat(order(id))
                .containsExactly(t.get(6), t.get(0), t.get(4), t.get(5), t.get(1), t.get(2), t.get(3), t.get(0));

        String tracks = "/api/v1/playlists/" + id + "/tracks";
        JsonNode moved = api.post(
                        tracks + "/move",
                        Json.of("rangeStart", 2, "rangeLength", 2, "insertBefore", 7),
                        owner.accessToken())
                .assertStatus(200)
                .json(); // 6 0 1 2 3 4 5 0
        assertThat(moved.path("version").asLong()).isEqualTo(6);
        assertThat(order(id))
                .containsExactly(t.get(6), t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5), t.get(0));
        api.post(tracks + "/move", Json.of("rangeStart", 5, "insertBefore", 0), owner.accessToken())
                .assertStatus(200);
        assertThat(order(id))
                .containsExactly(t.get(4), t.get(6), t.get(0), t.get(1), t.get(2), t.get(3), t.get(5), t.get(0));
        JsonNode same = api.post(
                        tracks + "/move",
                        Json.of("rangeStart", 1, "rangeLength", 2, "insertBefore", 2),
                        owner.accessToken())
                .assertStatus(200)
                .json();
        assertThat(same.path("version").asLong()).isEqualTo(7);
        api.post(tracks + "/move", Json.of("rangeStart", 0, "insertBefore", 8), owner.accessToken())
                .assertStatus(200);
        assertThat(order(id))
                .containsExactly(t.get(6), t.get(0), t.get(1), t.get(2), t.get(3), t.get(5), t.get(0), t.get(4));

        api.post(tracks + "/remove", Json.of("start", 1, "count", 3), owner.accessToken())
                .assertStatus(200);
        assertThat(order(id)).containsExactly(t.get(6), t.get(3), t.get(5), t.get(0), t.get(4));
        List<Long> entries = entryOrder(id);
        JsonNode removed = api.post(
                        tracks + "/remove",
                        Json.of("entryIds", List.of(entries.get(0), entries.get(3))),
                        owner.accessToken())
                .assertStatus(200)
                .json();
        assertThat(removed.path("changed").asInt()).isEqualTo(2);
        assertThat(order(id)).containsExactly(t.get(3), t.get(5), t.get(4));
        api.post(tracks + "/remove", Json.of("entryIds", List.of(entries.get(0), entries.get(1))), owner.accessToken())
                .assertProblem(409, "conflict");
        assertThat(order(id)).hasSize(3);
        assertThat(version(id)).isEqualTo(10);
        assertThat(readAll(owner, id, 2)).containsExactly(t.get(3), t.get(5), t.get(4));

        JsonNode feed = api.get("/api/v1/playlists/" + id + "/activity?limit=3", owner.accessToken())
                .assertStatus(200)
                .json();
        assertThat(feed.path("items").findValuesAsString("action")).containsExactly("removed", "removed", "moved");
        assertThat(feed.path("items").get(0).path("actorId").asString())
                .isEqualTo(owner.id().toString());
        assertThat(feed.path("items").get(0).path("version").asLong()).isEqualTo(10);
        JsonNode rest = api.get(
                        "/api/v1/playlists/" + id + "/activity?limit=100&cursor="
                                + feed.path("next").asString(),
                        owner.accessToken())
                .assertStatus(200)
                .json();
        assertThat(rest.path("items").findValuesAsString("action"))
                .containsExactly("moved", "moved", "added", "added", "added", "added", "created");
    }

    @Test
    void aStaleVersionIsAConflictAndNothingChanges() {
        var owner = newAccount();
        String id = create(owner, false);
        List<Long> t = trackIds(3);
        long v =
                add(owner, id, t, null).assertStatus(201).json().path("version").asLong();
        String tracks = "/api/v1/playlists/" + id + "/tracks";
        api.post(tracks + "/move", Json.of("rangeStart", 0, "insertBefore", 3, "version", v), owner.accessToken())
                .assertStatus(200);
        // an edit based on v is now stale, whether it names v in the body or in If-Match
        JsonNode problem = api.post(
                        tracks + "/move",
                        Json.of("rangeStart", 0, "insertBefore", 3, "version", v),
                        owner.accessToken())
                .assertProblem(409, "version-conflict")
                .json();
        assertThat(problem.path("currentVersion").asLong()).isEqualTo(v + 1);
        api.withHeader("If-Match", "\"" + v + "\"")
                .post(tracks, Json.of("trackIds", t), owner.accessToken())
                .assertProblem(409, "version-conflict");
        api.post(tracks + "/remove", Json.of("start", 0, "count", 1, "version", v), owner.accessToken())
                .assertProblem(409, "version-conflict");
        api.patch("/api/v1/playlists/" + id, Json.of("name", "n", "version", v), owner.accessToken())
                .assertProblem(409, "version-conflict");
        api.withHeader("If-Match", "\"" + v + "\"")
                .delete("/api/v1/playlists/" + id, owner.accessToken())
                .assertProblem(409, "version-conflict");
        assertThat(order(id)).containsExactly(t.get(1), t.get(2), t.get(0));
        assertThat(version(id)).isEqualTo(v + 1);
        // the ETag of a read names the current version and can be sent back as If-Match
        String etag = api.get("/api/v1/playlists/" + id, owner.accessToken())
                .assertStatus(200)
                .header("ETag");
        assertThat(etag).isEqualTo("\"" + (v + 1) + "-owner\"");
        api.withHeader("If-Match", etag)
                .post(tracks, Json.of("trackIds", t), owner.accessToken())
                .assertStatus(201);
        assertThat(version(id)).isEqualTo(v + 2);
    }

    @Test
    void playlistReadsAnswerIfNoneMatchWith304() {
        var owner = newAccount();
        String id = create(owner, true);
        add(owner, id, trackIds(3), null).assertStatus(201);
        var first = api.get("/api/v1/playlists/" + id, owner.accessToken()).assertStatus(200);
        String etag = first.header("ETag");
        api.withHeader("If-None-Match", etag)
                .get("/api/v1/playlists/" + id, owner.accessToken())
                .assertStatus(304);
        var page = api.get("/api/v1/playlists/" + id + "/tracks?limit=2", owner.accessToken())
                .assertStatus(200);
        String pageTag = page.header("ETag");
        assertThat(pageTag).startsWith("W/\"2-");
        api.withHeader("If-None-Match", pageTag)
                .get("/api/v1/playlists/" + id + "/tracks?limit=2", owner.accessToken())
                .assertStatus(304);
        // other page parameters, another reader, or a new version: a new tag
        assertThat(api.get("/api/v1/playlists/" + id + "/tracks?limit=3", owner.accessToken())
                        .header("ETag"))
                .isNotEqualTo(pageTag);
        add(owner, id, trackIds(1), null).assertStatus(201);
        api.withHeader("If-None-Match", etag)
                .get("/api/v1/playlists/" + id, owner.accessToken())
                .assertStatus(200);
        api.withHeader("If-None-Match", pageTag)
                .get("/api/v1/playlists/" + id + "/tracks?limit=2", owner.accessToken())
                .assertStatus(200);
    }

    @Test
    void aPageHasEntryDetailsAndTheFullTrack() {
        var owner = newAccount();
        String id = create(owner, false);
        List<Long> t = trackIds(2);
        add(owner, id, List.of(t.get(0), t.get(1), t.get(0)), null).assertStatus(201);
        JsonNode items = api.get("/api/v1/playlists/" + id + "/tracks", owner.accessToken())
                .assertStatus(200)
                .json()
                .path("items");
        assertThat(items).hasSize(3);
        JsonNode entry = items.get(2);
        assertThat(entry.path("entryId").asLong()).isPositive();
        assertThat(entry.path("position").asInt()).isEqualTo(2);
        assertThat(entry.path("addedBy").asString()).isEqualTo(owner.id().toString());
        assertThat(entry.path("addedAt").asString()).isNotBlank();
        assertThat(entry.path("votes").asInt()).isZero();
        assertThat(entry.path("track").path("id").asLong()).isEqualTo(t.get(0));
        assertThat(entry.path("track").path("title").asString()).isNotBlank();
        assertThat(entry.path("track").path("artists")).isNotEmpty();
        assertThat(entry.path("track").path("durationMs").asInt()).isPositive();
    }

    @Test
    void aPageRunsAFixedNumberOfStatementsWhateverItsSize() {
        var owner = newAccount();
        String id = create(owner, false);
        seed(owner, id, 300);
        var counter = StatementCounter.on(dataSource);
        var one = counted(counter, owner, "/api/v1/playlists/" + id + "/tracks?limit=1");
        var hundred = counted(counter, owner, "/api/v1/playlists/" + id + "/tracks?limit=100");
        String next = hundred.result().json().path("next").asString();
        var second = counted(counter, owner, "/api/v1/playlists/" + id + "/tracks?limit=100&cursor=" + next);
        var byVotes = counted(counter, owner, "/api/v1/playlists/" + id + "/tracks?limit=100&sort=votes");
        assertThat(hundred.result().json().path("items")).hasSize(100);
        assertThat(second.result().json().path("items").get(0).path("position").asInt())
                .isEqualTo(100);
        assertThat(one.count()).as("statements:\n%s", one.describe()).isLessThanOrEqualTo(4);
        assertThat(hundred.count()).as("statements:\n%s", hundred.describe()).isEqualTo(one.count());
        assertThat(second.count()).as("statements:\n%s", second.describe()).isEqualTo(one.count());
        assertThat(byVotes.count()).as("statements:\n%s", byVotes.describe()).isEqualTo(one.count());
        // while the version stays, the cursor knows the next index: nothing is counted before the page
        assertThat(second.statements())
                .filteredOn(sql -> sql.contains("row_number()"))
                .singleElement()
                .matches(sql -> !sql.contains("x.position <="));
    }

    @Test
    void aCursorFromAnOlderVersionStillGivesTruePositions() {
        var owner = newAccount();
        String id = create(owner, false);
        List<Long> t = trackIds(6);
        add(owner, id, t.subList(0, 5), null).assertStatus(201);
        JsonNode first = api.get("/api/v1/playlists/" + id + "/tracks?limit=2", owner.accessToken())
                .assertStatus(200)
                .json();
        add(owner, id, List.of(t.get(5)), 0).assertStatus(201); // one more before the cursor
        JsonNode second = api.get(
                        "/api/v1/playlists/" + id + "/tracks?limit=2&cursor="
                                + first.path("next").asString(),
                        owner.accessToken())
                .assertStatus(200)
                .json();
        assertThat(second.path("items").get(0).path("position").asInt()).isEqualTo(3);
        assertThat(second.path("items").get(0).path("track").path("id").asLong())
                .isEqualTo(t.get(2));
    }

    private StatementCounter.Counted<Api.Response> counted(StatementCounter counter, Account reader, String path) {
        catalog.invalidate(null);
        var counted = counter.count(api, client -> client.get(path, reader.accessToken()));
        counted.result().assertStatus(200);
        return counted;
    }

    @Test
    void myPlaylistsAndAUsersPublicOnesArePaged() {
        var owner = newAccount();
        var other = newAccount();
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(create(owner, i % 2 == 0));
        }
        String shared = create(other, false);
        api.put(
                        "/api/v1/playlists/" + shared + "/collaborators/" + owner.id(),
                        Json.of("role", "viewer"),
                        other.accessToken())
                .assertStatus(200);
        List<String> seen = walk(owner, "/api/v1/me/playlists", 2);
        assertThat(seen)
                .containsExactlyInAnyOrder(mine.get(0), mine.get(1), mine.get(2), mine.get(3), mine.get(4), shared);
        List<String> publicOnes = walk(other, "/api/v1/users/" + owner.id() + "/playlists", 2);
        assertThat(publicOnes).containsExactlyInAnyOrder(mine.get(0), mine.get(2), mine.get(4));
        assertThat(walk(owner, "/api/v1/users/" + other.id() + "/playlists", 2)).isEmpty();
    }

    List<String> walk(Account reader, String path, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            path + "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor),
                            reader.accessToken())
                    .assertStatus(200)
                    .json();
            StreamSupport.stream(page.path("items").spliterator(), false)
                    .forEach(p -> ids.add(p.path("id").asString()));
            cursor = page.path("next").asString(null);
        } while (cursor != null);
        return ids;
    }
}
