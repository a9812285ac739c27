package io.refrain.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Nested folders: create, list, rename, move (never into itself), delete with an explicit choice, filing. */
class PlaylistFoldersIT extends PlaylistTestSupport {

    private String folder(Account user, String name, String parent) {
        return api.post(
                        "/api/v1/me/folders",
                        parent == null ? Json.of("name", name) : Json.of("name", name, "parentId", parent),
                        user.accessToken())
                .assertStatus(201)
                .text("id");
    }

    private List<String> names(Account user, String query) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(
                            "/api/v1/me/folders?limit=1" + query + (cursor == null ? "" : "&cursor=" + cursor),
                            user.accessToken())
                    .assertStatus(200)
                    .json();
            page.path("items").forEach(f -> names.add(f.path("name").asString()));
            cursor = page.path("next").asString(null);
        } while (cursor != null);
        return names;
    }

    @Test
    void foldersNestRenameAndMoveButNeverIntoThemselves() {
        var user = newAccount();
        String music = folder(user, "Music", null);
        String rock = folder(user, "Rock", music);
        String punk = folder(user, "Punk", rock);
        folder(user, "Another", null);
        assertThat(names(user, "")).containsExactly("Another", "Music");
        assertThat(names(user, "&parent=" + music)).containsExactly("Rock");

        api.patch("/api/v1/me/folders/" + rock, Json.of("name", "Rock & Roll"), user.accessToken())
                .assertStatus(200);
        assertThat(names(user, "&parent=" + music)).containsExactly("Rock & Roll");

        String move = "/api/v1/me/folders/%s/parent";
        api.put(move.formatted(music), Json.of("parentId", punk), user.accessToken())
                .assertProblem(409, "folder-cycle");
        api.put(move.formatted(music), Json.of("parentId", music), user.accessToken())
                .assertProblem(409, "folder-cycle");
        api.put(move.formatted(rock), Json.of("parentId", punk), user.accessToken())
                .assertProblem(409, "folder-cycle");
        JsonNode moved = api.put(move.formatted(punk), "{\"parentId\": null}", user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(moved.path("parentId").isNull()).isTrue();
        assertThat(names(user, "")).containsExactly("Another", "Music", "Punk");
        api.put(move.formatted(music), Json.of("parentId", punk), user.accessToken())
                .assertStatus(200);
        assertThat(names(user, "")).containsExactly("Another", "Punk");
        api.put(move.formatted(punk), Json.of("parentId", rock), user.accessToken())
                .assertProblem(409, "folder-cycle");

        api.post("/api/v1/me/folders", Json.of("name", ""), user.accessToken()).assertProblem(400, "validation");
        api.post("/api/v1/me/folders", Json.of("name", "n".repeat(201)), user.accessToken())
                .assertProblem(400, "validation");
        api.patch("/api/v1/me/folders/" + rock, Json.of("name", " "), user.accessToken())
                .assertProblem(400, "validation");
        api.post(
                        "/api/v1/me/folders",
                        Json.of("name", "x", "parentId", java.util.UUID.randomUUID()),
                        user.accessToken())
                .assertProblem(404, "not-found");
        api.get("/api/v1/me/folders?cursor=zzz", user.accessToken()).assertProblem(400, "validation");
    }

    @Test
    void deletingANonEmptyFolderNeedsAChoice() {
        var user = newAccount();
        var other = newAccount();
        String top = folder(user, "Top", null);
        String middle = folder(user, "Middle", top);
        String inner = folder(user, "Inner", middle);
        String mine = create(user, false);
        String theirs = create(other, true);
        api.put("/api/v1/playlists/" + mine + "/folder", Json.of("folderId", middle), user.accessToken())
                .assertStatus(204);
        api.put("/api/v1/playlists/" + theirs + "/folder", Json.of("folderId", inner), user.accessToken())
                .assertStatus(204);
        JsonNode filed = api.get("/api/v1/me/folders/" + middle + "/playlists", user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(filed.path("items").findValuesAsString("id")).containsExactly(mine);

        api.delete("/api/v1/me/folders/" + middle, user.accessToken()).assertProblem(409, "folder-not-empty");
        api.delete("/api/v1/me/folders/" + middle + "?mode=sideways", user.accessToken())
                .assertProblem(400, "validation");
        api.delete("/api/v1/me/folders/" + middle + "?mode=move-contents-up", user.accessToken())
                .assertStatus(204);
        assertThat(names(user, "&parent=" + top)).containsExactly("Inner");
        assertThat(api.get("/api/v1/me/folders/" + top + "/playlists", user.accessToken())
                        .json()
                        .path("items")
                        .findValuesAsString("id"))
                .containsExactly(mine);

        String empty = folder(user, "Empty", null);
        api.delete("/api/v1/me/folders/" + empty, user.accessToken()).assertStatus(204);
        api.get("/api/v1/me/folders/" + empty, user.accessToken()).assertProblem(404, "not-found");

        api.delete("/api/v1/me/folders/" + top + "?mode=delete-contents", user.accessToken())
                .assertStatus(204);
        assertThat(names(user, "")).isEmpty();
        api.get("/api/v1/playlists/" + mine, user.accessToken()).assertProblem(404, "not-found"); // owned: deleted
        api.get("/api/v1/playlists/" + theirs, user.accessToken()).assertStatus(200); // someone else's: unfiled
        long filings = jdbc.sql("select count(*) from playlist_placements where user_id = ?")
                .param(user.id())
                .query(Long.class)
                .single();
        assertThat(filings).isZero();
    }

    @Test
    void aPlaylistIsFiledInOneFolderAtATime() {
        var user = newAccount();
        String a = folder(user, "A", null);
        String b = folder(user, "B", null);
        String playlist = create(user, false);
        api.put("/api/v1/playlists/" + playlist + "/folder", Json.of("folderId", a), user.accessToken())
                .assertStatus(204);
        api.put("/api/v1/playlists/" + playlist + "/folder", Json.of("folderId", b), user.accessToken())
                .assertStatus(204);
        assertThat(api.get("/api/v1/me/folders/" + a + "/playlists", user.accessToken())
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(api.get("/api/v1/me/folders/" + b + "/playlists", user.accessToken())
                        .json()
                        .path("items"))
                .hasSize(1);
        api.delete("/api/v1/playlists/" + playlist + "/folder", user.accessToken())
                .assertStatus(204);
        assertThat(api.get("/api/v1/me/folders/" + b + "/playlists", user.accessToken())
                        .json()
                        .path("items"))
                .isEmpty();
    }
}
