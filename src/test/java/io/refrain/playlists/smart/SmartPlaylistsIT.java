package io.refrain.playlists.smart;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.catalog.CatalogService;
import io.refrain.support.Api;
import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import io.refrain.support.StatementCounter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The smart playlist endpoints: preview, CRUD, stale-on-write refresh with a minimum delay, nesting, .nsp, isolation. */
class SmartPlaylistsIT extends IntegrationTest {

    @Autowired
    CatalogService catalog;

    @Autowired
    ProxyDataSource dataSource;

    private static final String LOVED = "{\"all\": [{\"is\": {\"loved\": true}}], \"sort\": \"title\"}";

    private List<Long> tracks(int n) {
        return jdbc.sql("select id from tracks order by id limit ?")
                .param(n)
                .query(Long.class)
                .list();
    }

    private String create(Account who, String name, String rules) {
        return api.post(
                        "/api/v1/smart-playlists",
                        "{\"name\": \"" + name + "\", \"rules\": " + rules + "}",
                        who.accessToken())
                .assertStatus(201)
                .text("id");
    }

    private List<Long> trackIds(Account who, String id) {
        List<Long> out = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/smart-playlists/" + id + "/tracks?limit=2"
                                    + (cursor == null ? "" : "&cursor=" + cursor),
                            who.accessToken())
                    .assertStatus(200)
                    .json();
            page.path("items")
                    .forEach(item -> out.add(item.path("track").path("id").asLong()));
            cursor = page.path("next").asString(null);
        } while (cursor != null);
        return out;
    }

    private void love(Account who, long track) {
        api.put("/api/v1/me/loved/tracks/" + track, null, who.accessToken()).assertStatus(204);
    }

    @Test
    void membershipFollowsWritesAfterTheMinimumDelay() {
        var owner = newAccount();
        List<Long> ids = tracks(3);
        love(owner, ids.get(0));
        String id = create(owner, "Loved", LOVED);
        assertThat(trackIds(owner, id)).containsExactly(ids.get(0));

        love(owner, ids.get(1));
        love(owner, ids.get(2));
        // stale now, but refreshed less than the minimum delay ago: the stored membership is served
        assertThat(trackIds(owner, id)).containsExactly(ids.get(0));
        clock.advance(Duration.ofMinutes(2));
        assertThat(trackIds(owner, id)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(api.get("/api/v1/smart-playlists/" + id, owner.accessToken())
                        .json()
                        .path("trackCount")
                        .asInt())
                .isEqualTo(3);

        // not stale: a read does not rebuild (refreshedAt stays)
        String refreshedAt =
                api.get("/api/v1/smart-playlists/" + id, owner.accessToken()).text("refreshedAt");
        clock.advance(Duration.ofMinutes(2));
        trackIds(owner, id);
        assertThat(api.get("/api/v1/smart-playlists/" + id, owner.accessToken()).text("refreshedAt"))
                .isEqualTo(refreshedAt);
    }

    @Test
    void aListenMakesPlayCountPlaylistsStale() {
        var owner = newAccount();
        long track = tracks(1).getFirst();
        String id = create(owner, "Played", "{\"all\": [{\"gt\": {\"playcount\": 0}}]}");
        assertThat(trackIds(owner, id)).isEmpty();
        api.post(
                        "/api/v1/me/listens",
                        "{\"listenedAt\": \"%s\", \"track\": {\"id\": %d}}"
                                .formatted(clock.instant().minusSeconds(60), track),
                        owner.accessToken())
                .assertStatus(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(trackIds(owner, id)).containsExactly(track);
    }

    @Test
    void ratingsTagsAndTagNamesMakeTheirPlaylistsStale() {
        var owner = newAccount();
        List<Long> ids = tracks(2);
        String rated = create(owner, "Rated", "{\"all\": [{\"gt\": {\"rating\": 3}}], \"sort\": \"title\"}");
        String tagged = create(owner, "Tagged", "{\"all\": [{\"is\": {\"tag\": \"after hours\"}}]}");
        assertThat(trackIds(owner, rated)).isEmpty();
        assertThat(trackIds(owner, tagged)).isEmpty();

        api.put("/api/v1/me/ratings/tracks/" + ids.get(0), Json.of("rating", 4.5), owner.accessToken())
                .assertStatus(200);
        long tag = api.post("/api/v1/me/tags", Json.of("name", "late"), owner.accessToken())
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + ids.get(1), null, owner.accessToken())
                .assertStatus(204);
        clock.advance(Duration.ofMinutes(2));
        assertThat(trackIds(owner, rated)).containsExactly(ids.get(0));
        assertThat(trackIds(owner, tagged)).isEmpty(); // the tag has another name

        api.patch("/api/v1/me/tags/" + tag, Json.of("name", "After Hours"), owner.accessToken())
                .assertStatus(200);
        clock.advance(Duration.ofMinutes(2));
        assertThat(trackIds(owner, tagged)).containsExactly(ids.get(1));
    }

    @Test
    void aPageRunsAFixedNumberOfStatementsWhateverItsSize() {
        var owner = newAccount();
        String id = create(owner, "Long", "{\"all\": [{\"gt\": {\"duration\": 0}}], \"limit\": 300}");
        var counter = StatementCounter.on(dataSource);
        var one = counted(counter, owner, "/api/v1/smart-playlists/" + id + "/tracks?limit=1");
        var hundred = counted(counter, owner, "/api/v1/smart-playlists/" + id + "/tracks?limit=100");
        var second = counted(
                counter,
                owner,
                "/api/v1/smart-playlists/" + id + "/tracks?limit=100&cursor="
                        + hundred.result().json().path("next").asString());
        assertThat(hundred.result().json().path("items")).hasSize(100);
        assertThat(second.result().json().path("items").get(0).path("position").asInt())
                .isEqualTo(100);
        assertThat(hundred.count()).as("statements:\n%s", hundred.describe()).isEqualTo(one.count());
        assertThat(second.count()).as("statements:\n%s", second.describe()).isEqualTo(one.count());
        assertThat(one.statements())
                .noneMatch(sql -> sql.contains("for update")); // a fresh playlist is read without locks
    }

    private StatementCounter.Counted<Api.Response> counted(StatementCounter counter, Account reader, String path) {
        catalog.invalidate(null);
        var counted = counter.count(api, client -> client.get(path, reader.accessToken()));
        counted.result().assertStatus(200);
        return counted;
    }

    @Test
    void previewExplainsWhichConditionsEachTrackSatisfies() {
        var owner = newAccount();
        long track = tracks(1).getFirst();
        love(owner, track);
        JsonNode preview = api.post(
                        "/api/v1/smart-playlists/preview?limit=5",
                        "{\"any\": [{\"is\": {\"loved\": true}}, {\"gt\": {\"playcount\": 5}}]}",
                        owner.accessToken())
                .assertStatus(200)
                .json();
        assertThat(preview.path("matched").asInt()).isEqualTo(1);
        assertThat(preview.path("trackCount").asInt()).isEqualTo(1);
        JsonNode limited = api.post(
                        "/api/v1/smart-playlists/preview",
                        "{\"all\": [{\"gt\": {\"duration\": 0}}], "
                                + "\"limit\": 3, \"maxPerArtist\": 1, \"spreadArtists\": true}",
                        owner.accessToken())
                .assertStatus(200)
                .json();
        assertThat(limited.path("trackCount").asInt()).isEqualTo(3);
        assertThat(limited.path("matched").asInt())
                .isGreaterThan(3)
                .isEqualTo(jdbc.sql(
                                "select count(distinct (select ta.artist_id from track_artists ta where ta.track_id = t.id "
                                        + "order by ta.position limit 1)) + count(*) filter (where not exists (select 1 from track_artists ta "
                                        + "where ta.track_id = t.id)) from tracks t where t.duration_ms > 0")
                        .query(Integer.class)
                        .single());
        assertThat(preview.path("tracks").get(0).path("track").path("id").asLong())
                .isEqualTo(track);
        assertThat(preview.path("tracks").get(0).path("satisfied").toString()).isEqualTo("[\"any[0]\"]");
    }

    @Test
    void invalidRulesAre422WithThePath() {
        var owner = newAccount();
        JsonNode problem = api.post(
                        "/api/v1/smart-playlists",
                        "{\"name\": \"x\", \"rules\": {\"all\": [{\"is\": {\"loved\": true}}, "
                                + "{\"gt\": {\"rating\": 1}}, {\"is\": {\"yeer\": 1999}}]}}",
                        owner.accessToken())
                .assertProblem(422, "invalid-rules")
                .json();
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("rules.all[2].is.yeer");
        api.post("/api/v1/smart-playlists/preview", "{\"all\": [], \"any\": []}", owner.accessToken())
                .assertProblem(422, "invalid-rules");
    }

    @Test
    void otherUsersSeeNothing() {
        var owner = newAccount();
        var other = newAccount();
        String id = create(owner, "Mine", LOVED);
        for (String path : List.of("", "/tracks", "/export")) {
            api.get("/api/v1/smart-playlists/" + id + path, other.accessToken()).assertProblem(404, "not-found");
        }
        api.put("/api/v1/smart-playlists/" + id, "{\"name\": \"x\", \"rules\": " + LOVED + "}", other.accessToken())
                .assertProblem(404, "not-found");
        api.delete("/api/v1/smart-playlists/" + id, other.accessToken()).assertProblem(404, "not-found");
        assertThat(api.get("/api/v1/smart-playlists", other.accessToken())
                        .json()
                        .path("items")
                        .size())
                .isZero();
        assertThat(api.get("/api/v1/smart-playlists", owner.accessToken())
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
        // a rule can not reach into someone else's private playlist
        String theirs = create(other, "Theirs", LOVED);
        api.post(
                        "/api/v1/smart-playlists/preview",
                        "{\"all\": [{\"inPlaylist\": {\"id\": \"" + theirs + "\"}}]}",
                        owner.accessToken())
                .assertProblem(422, "invalid-rules");
        // the same rules see each user's own data
        love(owner, tracks(1).getFirst());
        assertThat(api.post("/api/v1/smart-playlists/preview", LOVED, other.accessToken())
                        .json()
                        .path("matched")
                        .asInt())
                .isZero();
        api.delete("/api/v1/smart-playlists/" + id, owner.accessToken()).assertStatus(204);
        api.get("/api/v1/smart-playlists/" + id, owner.accessToken()).assertProblem(404, "not-found");
    }

    @Test
    void nestedSmartPlaylistsRefreshFirstAndCyclesAreRefused() {
        var owner = newAccount();
        List<Long> ids = tracks(2);
        love(owner, ids.get(0));
        String inner = create(owner, "Inner", LOVED);
        String outer = create(owner, "Outer", "{\"all\": [{\"inPlaylist\": {\"id\": \"" + inner + "\"}}]}");
        assertThat(trackIds(owner, outer)).containsExactly(ids.get(0));

        love(owner, ids.get(1));
        clock.advance(Duration.ofMinutes(2));
        assertThat(trackIds(owner, outer)).containsExactlyInAnyOrderElementsOf(ids); // inner was rebuilt first

        JsonNode cycle = api.put(
                        "/api/v1/smart-playlists/" + inner,
                        "{\"name\": \"Inner\", \"rules\": {\"any\": [{\"is\": "
                                + "{\"loved\": true}}, {\"inPlaylist\": {\"id\": \"" + outer + "\"}}]}}",
                        owner.accessToken())
                .assertProblem(422, "invalid-rules")
                .json();
        assertThat(cycle.path("errors").get(0).path("field").asString()).isEqualTo("rules.any[1].inPlaylist.id");
    }

    @Test
    void nspImportAndExportRoundTrip() {
        var owner = newAccount();
        String nsp = """
                {"name": "80s favourites", "comment": "imported",
                 "all": [{"any": [{"is": {"loved": true}}, {"gt": {"rating": 3}}]}, {"inTheRange": {"year": [1980, 1989]}},
                         {"notInTheLast": {"lastPlayed": 30}}],
                 "sort": "-rating,title", "order": "asc", "limit": 25}""";
        JsonNode created = api.post("/api/v1/smart-playlists/import", nsp, owner.accessToken())
                .assertStatus(201)
                .json();
        assertThat(created.path("name").asString()).isEqualTo("80s favourites");
        JsonNode exported = api.get(
                        "/api/v1/smart-playlists/" + created.path("id").asString() + "/export", owner.accessToken())
                .assertStatus(200)
                .json();
        assertThat(exported.path("comment").asString()).isEqualTo("imported");
        assertThat(exported.path("sort").asString()).isEqualTo("-rating,+title");
        assertThat(exported.path("all").toString())
                .isEqualTo(Json.MAPPER
                        .readTree(nsp.replace("lastPlayed", "lastplayed"))
                        .path("all")
                        .toString());
        JsonNode again = api.post("/api/v1/smart-playlists/import", exported.toString(), owner.accessToken())
                .assertStatus(201)
                .json();
        assertThat(again.path("rules")).isEqualTo(created.path("rules"));
    }
}
