package io.refrain.playlists.smart;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Access to a referenced playlist is checked at every evaluation, not only when the rules are
 * saved: a playlist of another user that the smart playlist's owner can no longer read counts as
 * empty at the next read (no minimum delay), and the smart playlist lists it as unavailable.
 */
class SmartPlaylistAccessIT extends IntegrationTest {

    private List<Long> tracks(int n) {
        return jdbc.sql("select id from tracks order by id limit ?")
                .param(n)
                .query(Long.class)
                .list();
    }

    private String playlist(Account owner, boolean isPublic, List<Long> trackIds) {
        String id = api.post("/api/v1/playlists", Json.of("name", "Source", "public", isPublic), owner.accessToken())
                .assertStatus(201)
                .text("id");
        api.post("/api/v1/playlists/" + id + "/tracks", Json.of("trackIds", trackIds), owner.accessToken())
                .assertStatus(201);
        return id;
    }

    private String smart(Account who, String rules) {
        return api.post(
                        "/api/v1/smart-playlists",
                        "{\"name\": \"From others\", \"rules\": " + rules + "}",
                        who.accessToken())
                .assertStatus(201)
                .text("id");
    }

    private static String in(String playlist) {
        return "{\"all\": [{\"inPlaylist\": {\"id\": \"" + playlist + "\"}}]}";
    }

    private List<Long> trackIds(Account who, String id) {
        List<Long> out = new ArrayList<>();
        JsonNode page = api.get("/api/v1/smart-playlists/" + id + "/tracks?limit=100", who.accessToken())
                .assertStatus(200)
                .json();
        page.path("items").forEach(item -> out.add(item.path("track").path("id").asLong()));
        return out;
    }

    private List<String> unavailable(Account who, String id) {
        List<String> out = new ArrayList<>();
        api.get("/api/v1/smart-playlists/" + id, who.accessToken())
                .assertStatus(200)
                .json()
                .path("unavailablePlaylists")
                .forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void aPlaylistMadePrivateAfterTheRulesWereSavedContributesNothing() {
        var bob = newAccount();
        var alice = newAccount();
        List<Long> ids = tracks(3);
        String source = playlist(bob, true, ids);
        String id = smart(alice, in(source));
        assertThat(trackIds(alice, id)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(unavailable(alice, id)).isEmpty();

        api.patch("/api/v1/playlists/" + source, Json.of("public", false), bob.accessToken())
                .assertStatus(200);

        // at once (no minimum delay, no write of Alice's): the stored membership is rebuilt without it
        assertThat(trackIds(alice, id)).isEmpty();
        assertThat(unavailable(alice, id)).containsExactly(source);
        // an explicit refresh and a preview agree
        assertThat(api.post("/api/v1/smart-playlists/" + id + "/refresh", null, alice.accessToken())
                        .assertStatus(200)
                        .json()
                        .path("trackCount")
                        .asInt())
                .isZero();
        // a preview names it as a playlist she cannot read (checked when rules are given, as on save)
        api.post("/api/v1/smart-playlists/preview", in(source), alice.accessToken())
                .assertStatus(422);

        // made public again: it counts again (at the next rebuild; here an explicit refresh)
        api.patch("/api/v1/playlists/" + source, Json.of("public", true), bob.accessToken())
                .assertStatus(200);
        assertThat(unavailable(alice, id)).isEmpty();
        api.post("/api/v1/smart-playlists/" + id + "/refresh", null, alice.accessToken())
                .assertStatus(200);
        assertThat(trackIds(alice, id)).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aRemovedCollaboratorsSmartPlaylistLosesThePlaylist() {
        var bob = newAccount();
        var alice = newAccount();
        List<Long> ids = tracks(2);
        String source = playlist(bob, false, ids);
        api.put(
                        "/api/v1/playlists/" + source + "/collaborators/" + alice.id(),
                        Json.of("role", "viewer"),
                        bob.accessToken())
                .assertStatus(200);
        String id = smart(alice, in(source));
        // a notInPlaylist of the same playlist, nested in a second smart playlist that names the first
        String outer = smart(alice, "{\"all\": [{\"inPlaylist\": {\"id\": \"" + id + "\"}}]}");
        assertThat(trackIds(alice, id)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(trackIds(alice, outer)).containsExactlyInAnyOrderElementsOf(ids);

        api.delete("/api/v1/playlists/" + source + "/collaborators/" + alice.id(), bob.accessToken())
                .assertStatus(204);

        assertThat(trackIds(alice, outer)).isEmpty(); // rebuilt through the nested one
        assertThat(trackIds(alice, id)).isEmpty();
        assertThat(unavailable(alice, id)).containsExactly(source);
        assertThat(unavailable(alice, outer)).isEmpty(); // it names only her own smart playlist
        // the owner's own smart playlist over the same playlist is unaffected
        String bobs = smart(bob, in(source));
        assertThat(trackIds(bob, bobs)).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aDeletedPlaylistContributesNothingAndNotInPlaylistExcludesNothing() {
        var bob = newAccount();
        var alice = newAccount();
        List<Long> ids = tracks(2); // the first tracks by id: the first of "all but Bob's" when they count
        String source = playlist(bob, true, ids);
        String id = smart(alice, in(source));
        String except = smart(alice, "{\"all\": [{\"notInPlaylist\": {\"id\": \"" + source + "\"}}], \"limit\": 10}");
        assertThat(trackIds(alice, id)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(trackIds(alice, except)).hasSize(10).doesNotContainAnyElementsOf(ids);

        api.delete("/api/v1/playlists/" + source, bob.accessToken()).assertStatus(204);

        assertThat(trackIds(alice, id)).isEmpty();
        assertThat(unavailable(alice, id)).containsExactly(source);
        assertThat(unavailable(alice, except)).containsExactly(source);
        // as if empty: the negation no longer excludes its tracks
        assertThat(trackIds(alice, except)).hasSize(10).containsAll(ids);
    }

    @Autowired
    SmartPlaylistRepository repository;

    @Test
    void theStatementThatReadsTheEntriesChecksAccessItself() {
        // whatever was checked before (on save, or a stored membership), the compiled statement
        // reads another user's entries only while the owner may read the playlist
        var bob = newAccount();
        var alice = newAccount();
        List<Long> ids = tracks(2);
        String source = playlist(bob, true, ids);
        SmartRules rules = RuleJson.parse(Json.MAPPER.readTree(in(source)), "", Set.of());
        var context = new RuleTranslator.Context(alice.id(), clock.instant(), "seed", Set.of());
        var compiled = RuleTranslator.compile(rules, context, 100);
        assertThat(repository.evaluate(compiled))
                .extracting(SmartPlaylistRepository.Match::id)
                .containsExactlyInAnyOrderElementsOf(ids);
        jdbc.sql("update playlists set public = false where id = ?::uuid")
                .param(source)
                .update();
        assertThat(repository.evaluate(compiled)).isEmpty();
        // the owner, and a collaborator, still read it
        assertThat(repository.evaluate(RuleTranslator.compile(
                        rules, new RuleTranslator.Context(bob.id(), clock.instant(), "seed", Set.of()), 100)))
                .hasSize(2);
        jdbc.sql(
                        "insert into playlist_collaborators (user_id, playlist_id, role, added_at) values (?, ?::uuid, 'viewer', now())")
                .param(alice.id())
                .param(source)
                .update();
        assertThat(repository.evaluate(compiled)).hasSize(2);
        // the access test does not depend on the track: PostgreSQL runs it once per statement (an InitPlan)
        String plan = String.join(
                "\n",
                jdbc.sql("explain " + compiled.sql())
                        .params(compiled.params())
                        .query(String.class)
                        .list());
        assertThat(plan).contains("InitPlan");
    }

    @Test
    void accessChangesRacingRefreshesNeverFailAndTheLastChangeWins() throws Exception {
        // the trigger locks smart playlists outermost first, as a refresh does: no deadlock (which would be a 5xx)
        var bob = newAccount();
        var alice = newAccount();
        List<Long> ids = tracks(3);
        String source = playlist(bob, true, ids);
        String inner = smart(alice, in(source));
        String outer = smart(alice, "{\"all\": [{\"inPlaylist\": {\"id\": \"" + inner + "\"}}]}");
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            work.add(pool.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    statuses.add(
                            api.patch("/api/v1/playlists/" + source, Json.of("public", i % 2 == 0), bob.accessToken())
                                    .status());
                }
            }));
            for (String id : List.of(outer, inner)) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        statuses.add(api.post("/api/v1/smart-playlists/" + id + "/refresh", null, alice.accessToken())
                                .status());
                        statuses.add(api.get("/api/v1/smart-playlists/" + id + "/tracks", alice.accessToken())
                                .status());
                    }
                }));
            }
            for (var w : work) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).hasSize(100).allMatch(status -> status == 200);
        // the last change made it private: both read empty, whatever the interleaving was
        assertThat(trackIds(alice, outer)).isEmpty();
        assertThat(trackIds(alice, inner)).isEmpty();
    }
}
