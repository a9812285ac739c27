package io.refrain.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountDeletionIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void deletingAnAccountRemovesEverythingItOwns() {
        var doomed = newAccount();
        var survivor = newAccount();
        // give the doomed account rows in every user-owned table
        api.put(
                        "/api/v1/me/settings",
                        Json.of(
                                "language",
                                "de",
                                "theme",
                                "dark",
                                "explicitContent",
                                "allow",
                                "audioQuality",
                                "high",
                                "privateSession",
                                false,
                                "autoplay",
                                true,
                                "crossfadeSeconds",
                                0,
                                "normalizeVolume",
                                true,
                                "timezone",
                                "UTC"),
                        doomed.accessToken())
                .assertStatus(200);
        api.post("/api/v1/auth/otp/request", Json.of("email", doomed.email())).assertStatus(202);
        api.post("/api/v1/auth/otp/request", Json.of("email", survivor.email())).assertStatus(202);
        api.post("/api/v1/auth/refresh", Json.of("refreshToken", doomed.refreshToken()))
                .assertStatus(200);
        api.get("/api/v1/search?q=queen", doomed.accessToken()).assertStatus(200);
        api.get("/api/v1/search?q=queen", survivor.accessToken()).assertStatus(200);
        fillLibrary(doomed.accessToken());
        fillLibrary(survivor.accessToken());
        smartPlaylist(doomed.accessToken());
        smartPlaylist(survivor.accessToken());
        playlistRows(doomed, survivor);
        playlistRows(survivor, doomed);
        playlistRows(newAccount(), survivor); // the survivor's collaborations on doomed's playlists go with them
        listens(doomed);
        listens(survivor);
        recommendations(doomed);
        recommendations(survivor);
        assistant(doomed);
        assistant(survivor);
        timedRoles(doomed, survivor);
        api.post("/api/v1/me/tokens", Json.of("name", "scrobbler"), doomed.accessToken())
                .assertStatus(201);
        api.post("/api/v1/me/tokens", Json.of("name", "scrobbler"), survivor.accessToken())
                .assertStatus(201);
        List<String> tables = userOwnedTables();
        assertThat(tables)
                .contains(
                        "users",
                        "user_roles",
                        "user_settings",
                        "one_time_codes",
                        "auth_sessions",
                        "refresh_tokens",
                        "saved_tracks",
                        "saved_albums",
                        "followed_artists",
                        "track_ratings",
                        "album_ratings",
                        "artist_ratings",
                        "loved_tracks",
                        "tags",
                        "tagged_tracks",
                        "api_tokens");
        for (String table : tables) {
            assertThat(rows(table, doomed.id())).as(table).isPositive();
            assertThat(rows(table, survivor.id())).as(table).isPositive();
        }

        api.delete("/api/v1/me", doomed.accessToken()).assertStatus(204);

        for (String table : tables) {
            assertThat(rows(table, doomed.id())).as(table).isZero();
            assertThat(rows(table, survivor.id())).as(table).isPositive();
        }
        api.get("/api/v1/me", doomed.accessToken()).assertProblem(401, "unauthenticated");
        api.post("/api/v1/auth/login", Json.of("email", doomed.email(), "password", doomed.password()))
                .assertProblem(401, "invalid-credentials");
        // the address is free again
        api.post(
                        "/api/v1/auth/signup",
                        Json.of("email", doomed.email(), "password", "new-password", "displayName", "Again"))
                .assertStatus(202);
    }

    /** A saved track and album, a followed artist, every kind of rating, a loved track, a tag with a track. */
    private void fillLibrary(String token) {
        long track = jdbc.sql("select id from tracks order by id limit 1")
                .query(Long.class)
                .single();
        long album = jdbc.sql("select id from albums order by id limit 1")
                .query(Long.class)
                .single();
        long artist = jdbc.sql("select id from artists order by id limit 1")
                .query(Long.class)
                .single();
        api.put("/api/v1/me/tracks?ids=" + track, null, token).assertStatus(204);
        api.put("/api/v1/me/albums?ids=" + album, null, token).assertStatus(204);
        api.put("/api/v1/me/following/artists?ids=" + artist, null, token).assertStatus(204);
        api.put("/api/v1/me/ratings/tracks/" + track, Json.of("rating", 4), token)
                .assertStatus(200);
        api.put("/api/v1/me/ratings/albums/" + album, Json.of("rating", 4), token)
                .assertStatus(200);
        api.put("/api/v1/me/ratings/artists/" + artist, Json.of("rating", 4), token)
                .assertStatus(200);
        api.put("/api/v1/me/loved/tracks/" + track, null, token).assertStatus(204);
        long tag = api.post("/api/v1/me/tags", Json.of("name", "keep"), token)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + track, null, token).assertStatus(204);
    }

    /**
     * A smart playlist of loved tracks (with the loved track of fillLibrary as its member), and one
     * naming it (a row of smart_playlist_references).
     */
    private void smartPlaylist(String token) {
        String loved = api.post(
                        "/api/v1/smart-playlists",
                        "{\"name\": \"loved\", \"rules\": {\"all\": [{\"is\": {\"loved\": true}}]}}",
                        token)
                .assertStatus(201)
                .text("id");
        api.post(
                        "/api/v1/smart-playlists",
                        "{\"name\": \"nested\", \"rules\": {\"all\": [{\"inPlaylist\": {\"id\": \"" + loved + "\"}}]}}",
                        token)
                .assertStatus(201);
    }

    /**
     * A timed role with its audit rows, a webhook, and a warning that is a notification and a
     * (failing) webhook delivery: the sweep runs after the clock passes the 5-minute mark.
     */
    private void timedRoles(Account... users) {
        for (Account user : users) {
            api.put(
                            "/api/v1/me/notifications/webhook",
                            Json.of("url", "http://127.0.0.1:9/deletion-hook"),
                            user.accessToken())
                    .assertStatus(200);
            api.post(
                            "/api/v1/admin/users/" + user.id() + "/roles",
                            Json.of("role", "supporter", "durationSeconds", 360),
                            catalogAdmin().accessToken())
                    .assertStatus(200);
        }
        clock.advance(java.time.Duration.ofSeconds(61));
        io.refrain.timers.TimerSweeps.run(context);
    }

    /** A taste conversation, an audited tool call and a write tool's stored result, through /mcp. */
    private void assistant(Account user) {
        String token = api.post(
                        "/api/v1/me/tokens",
                        "{\"name\": \"assistant\", \"scopes\": [\"mcp:write\"]}",
                        user.accessToken())
                .assertStatus(201)
                .text("token");
        for (String call : List.of(
                "{\"name\": \"taste_conversation_start\", \"arguments\": {}}",
                "{\"name\": \"create_playlist\", \"arguments\": {\"name\": \"by mcp\", \"requestId\": \"r\"}}")) {
            api.send(
                            "POST",
                            "/mcp",
                            "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/call\", \"params\": " + call + "}",
                            token,
                            "application/json",
                            "application/json, text/event-stream")
                    .assertStatus(200);
        }
    }

    /** A profile, feedback on a track and an artist, a discovery session and generated playlists. */
    private void recommendations(Account user) {
        var track = jdbc.sql(
                        "select t.id, a.artist_id from tracks t join track_artists a on a.track_id = t.id order by t.id limit 1")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        api.get("/api/v1/me/profile", user.accessToken()).assertStatus(200);
        api.put("/api/v1/me/feedback/tracks/" + track[0], Json.of("score", "love"), user.accessToken())
                .assertStatus(200);
        api.put("/api/v1/me/feedback/artists/" + track[1], Json.of("score", "love"), user.accessToken())
                .assertStatus(200);
        api.get("/api/v1/recommendations?session=true&seed_tracks=" + track[0], user.accessToken())
                .assertStatus(200);
        api.get("/api/v1/me/generated-playlists", user.accessToken()).assertStatus(200);
    }

    /** Listens (with their statistics) and an import batch. */
    private void listens(Account user) {
        long track = jdbc.sql(
                        "select min(t.id) from tracks t join track_genres g on g.track_id = t.id where t.album_id is not null")
                .query(Long.class)
                .single();
        api.post(
                        "/api/v1/me/listens",
                        "{\"listenedAt\": \"%s\", \"track\": {\"id\": %d}}"
                                .formatted(clock.instant().minusSeconds(60), track),
                        user.accessToken())
                .assertStatus(200);
        jdbc.sql(
                        "insert into listen_imports (user_id, format, dry_run, status, started_at) values (?, 'lastfm', false, 'done', now())")
                .param(user.id())
                .update();
    }

    /** A playlist of {@code owner} with a track, {@code other} as collaborator, follower and voter; a folder each, with a filing. */
    private void playlistRows(Account owner, Account other) {
        String playlist = api.post("/api/v1/playlists", Json.of("name", "mine", "public", true), owner.accessToken())
                .assertStatus(201)
                .text("id");
        long track = jdbc.sql("select min(id) from tracks").query(Long.class).single();
        long entry = api.post(
                        "/api/v1/playlists/" + playlist + "/tracks",
                        Json.of("trackIds", List.of(track)),
                        owner.accessToken())
                .assertStatus(201)
                .json()
                .path("entryIds")
                .get(0)
                .asLong();
        api.put(
                        "/api/v1/playlists/" + playlist + "/collaborators/" + other.id(),
                        Json.of("role", "editor"),
                        owner.accessToken())
                .assertStatus(200);
        api.put("/api/v1/playlists/" + playlist + "/follow", null, other.accessToken())
                .assertStatus(204);
        api.put(
                        "/api/v1/playlists/" + playlist + "/entries/" + entry + "/vote",
                        Json.of("vote", 1),
                        other.accessToken())
                .assertStatus(200);
        String folder = api.post("/api/v1/me/folders", Json.of("name", "folder"), owner.accessToken())
                .assertStatus(201)
                .text("id");
        api.put("/api/v1/playlists/" + playlist + "/folder", Json.of("folderId", folder), owner.accessToken())
                .assertStatus(204);
    }

    /**
     * Every table with a user_id column (found from the catalog, so new tables are covered too), plus users.
     * Partitions (of listens) are counted through their parent.
     */
    private List<String> userOwnedTables() {
        List<String> tables =
                new java.util.ArrayList<>(jdbc.sql("""
                        select c.table_name from information_schema.columns c
                        join pg_class p on p.relname = c.table_name and not p.relispartition
                        where c.table_schema = 'public' and c.column_name = 'user_id'
                        order by c.table_name""").query(String.class).list());
        tables.add("users");
        return tables;
    }

    private long rows(String table, UUID userId) {
        String column = table.equals("users") ? "id" : "user_id";
        return jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
                .param(userId)
                .query(Long.class)
                .single();
    }
}
