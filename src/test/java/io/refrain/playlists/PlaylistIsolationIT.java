package io.refrain.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every playlist and folder endpoint, called by a stranger (a private playlist does not exist for
 * them: 404; someone else's folder neither), by a viewer (reads, votes and follows; changes: 403),
 * by an editor where only the owner may act (403), and without a token (401). The owner's
 * playlist and folders are unchanged afterwards.
 */
class PlaylistIsolationIT extends PlaylistTestSupport {

    /**
     * One endpoint. Placeholders: {pl} the owner's private playlist, {pub} a public one, {entry} an
     * entry of {pl}, {folder} a folder of the owner, {owner} / {editor} user ids, {myFolder} a folder
     * of the caller. {@code hidden}: text the answer must not contain (for lists).
     */
    record Call(String method, String path, String body, int stranger, int viewer, Integer editor, String hidden) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Call> endpoints() {
        return Stream.of(
                new Call("GET", "/playlists/{pl}", null, 404, 200, null, null),
                new Call("PATCH", "/playlists/{pl}", Json.of("name", "taken over"), 404, 403, 403, null),
                new Call("DELETE", "/playlists/{pl}", null, 404, 403, 403, null),
                new Call("GET", "/playlists/{pl}/tracks", null, 404, 200, null, null),
                new Call("GET", "/playlists/{pl}/tracks?sort=votes", null, 404, 200, null, null),
                new Call("POST", "/playlists/{pl}/tracks", "{\"trackIds\": [{track}]}", 404, 403, null, null),
                new Call("POST", "/playlists/{pl}/tracks/remove", "{\"entryIds\": [{entry}]}", 404, 403, null, null),
                new Call(
                        "POST",
                        "/playlists/{pl}/tracks/move",
                        Json.of("rangeStart", 0, "insertBefore", 2),
                        404,
                        403,
                        null,
                        null),
                new Call("PUT", "/playlists/{pl}/entries/{entry}/vote", Json.of("vote", 1), 404, 200, null, null),
                new Call("DELETE", "/playlists/{pl}/entries/{entry}/vote", null, 404, 200, null, null),
                new Call("GET", "/playlists/{pl}/activity", null, 404, 200, null, null),
                new Call("GET", "/playlists/{pl}/collaborators", null, 404, 200, null, null),
                new Call(
                        "PUT", "/playlists/{pl}/collaborators/{owner}", Json.of("role", "editor"), 404, 403, 403, null),
                new Call("DELETE", "/playlists/{pl}/collaborators/{editor}", null, 404, 403, null, null),
                new Call("PUT", "/playlists/{pl}/follow", null, 404, 204, null, null),
                new Call("DELETE", "/playlists/{pl}/follow", null, 404, 204, null, null),
                new Call("PUT", "/playlists/{pl}/folder", "{\"folderId\": \"{myFolder}\"}", 404, 204, null, null),
                new Call("DELETE", "/playlists/{pl}/folder", null, 404, 204, null, null),
                new Call("GET", "/me/playlists", null, 200, 200, null, "{folder}"),
                new Call("GET", "/users/{owner}/playlists", null, 200, 200, null, "{pl}"),
                new Call("GET", "/me/followed-playlists", null, 200, 200, null, "{pl}"),
                new Call("POST", "/playlists", Json.of("name", "own"), 201, 201, null, null),
                new Call("GET", "/me/folders", null, 200, 200, null, "{folder}"),
                new Call("GET", "/me/folders?parent={folder}", null, 404, 404, null, null),
                new Call("POST", "/me/folders", "{\"name\": \"x\", \"parentId\": \"{folder}\"}", 404, 404, null, null),
                new Call("GET", "/me/folders/{folder}", null, 404, 404, null, null),
                new Call("PATCH", "/me/folders/{folder}", Json.of("name", "mine now"), 404, 404, null, null),
                new Call("PUT", "/me/folders/{folder}/parent", "{\"parentId\": null}", 404, 404, null, null),
                new Call("PUT", "/me/folders/{myFolder}/parent", "{\"parentId\": \"{folder}\"}", 404, 404, null, null),
                new Call("DELETE", "/me/folders/{folder}?mode=delete-contents", null, 404, 404, null, null),
                new Call("GET", "/me/folders/{folder}/playlists", null, 404, 404, null, null),
                new Call("PUT", "/playlists/{pub}/folder", "{\"folderId\": \"{folder}\"}", 404, 404, null, null));
    }

    private record Fixture(
            Account owner,
            Account viewer,
            Account editor,
            Account stranger,
            String pl,
            String pub,
            long entry,
            long track,
            String folder,
            String viewerFolder,
            String strangerFolder,
            String editorFolder,
            long version) {}

    private static Fixture fixture;

    private synchronized Fixture fixture() {
        if (fixture == null) {
            var owner = newAccount();
            var viewer = newAccount();
            var editor = newAccount();
            var stranger = newAccount();
            String pl = create(owner, false);
            String pub = create(owner, true);
            List<Long> tracks = trackIds(3);
            long entry = add(owner, pl, tracks, null)
                    .assertStatus(201)
                    .json()
                    .path("entryIds")
                    .get(0)
                    .asLong();
            api.put(
                            "/api/v1/playlists/" + pl + "/collaborators/" + viewer.id(),
                            Json.of("role", "viewer"),
                            owner.accessToken())
                    .assertStatus(200);
            api.put(
                            "/api/v1/playlists/" + pl + "/collaborators/" + editor.id(),
                            Json.of("role", "editor"),
                            owner.accessToken())
                    .assertStatus(200);
            String folder = folder(owner);
            api.put("/api/v1/playlists/" + pl + "/folder", "{\"folderId\": \"" + folder + "\"}", owner.accessToken())
                    .assertStatus(204);
            fixture = new Fixture(
                    owner,
                    viewer,
                    editor,
                    stranger,
                    pl,
                    pub,
                    entry,
                    tracks.get(0),
                    folder,
                    folder(viewer),
                    folder(stranger),
                    folder(editor),
                    version(pl));
        }
        return fixture;
    }

    private String folder(Account user) {
        return api.post("/api/v1/me/folders", Json.of("name", "f"), user.accessToken())
                .assertStatus(201)
                .text("id");
    }

    private String fill(String text, Fixture f, String myFolder) {
        return text == null
                ? null
                : text.replace("{pl}", f.pl())
                        .replace("{pub}", f.pub())
                        .replace("{entry}", "" + f.entry())
                        .replace("{track}", "" + f.track())
                        .replace("{folder}", f.folder())
                        .replace("{myFolder}", myFolder)
                        .replace("{owner}", f.owner().id().toString())
                        .replace("{editor}", f.editor().id().toString());
    }

    private void call(Call call, Fixture f, Account who, String myFolder, int expected) {
        var response = api.send(
                call.method(),
                "/api/v1" + fill(call.path(), f, myFolder),
                fill(call.body(), f, myFolder),
                who.accessToken(),
                "application/json");
        if (expected >= 400) {
            response.assertProblem(expected, expected == 404 ? "not-found" : "forbidden");
        } else {
            response.assertStatus(expected);
        }
        if (call.hidden() != null) {
            assertThat(response.body()).doesNotContain(fill(call.hidden(), f, myFolder));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void othersCanNeitherSeeNorChangeWhatIsNotTheirs(Call call) {
        Fixture f = fixture();
        call(call, f, f.stranger(), f.strangerFolder(), call.stranger());
        call(call, f, f.viewer(), f.viewerFolder(), call.viewer());
        if (call.editor() != null) {
            call(call, f, f.editor(), f.editorFolder(), call.editor());
        }
        api.send(
                        call.method(),
                        "/api/v1" + fill(call.path(), f, f.strangerFolder()),
                        fill(call.body(), f, f.strangerFolder()),
                        null,
                        "application/json")
                .assertProblem(401, "unauthenticated");

        assertThat(version(f.pl())).isEqualTo(f.version());
        assertThat(entryOrder(f.pl())).hasSize(3).contains(f.entry());
        api.get("/api/v1/me/folders/" + f.folder(), f.owner().accessToken()).assertStatus(200);
        assertThat(api.get(
                                "/api/v1/me/folders/" + f.folder() + "/playlists",
                                f.owner().accessToken())
                        .json()
                        .path("items")
                        .findValuesAsString("id"))
                .containsExactly(f.pl());
        assertThat(api.get(
                                "/api/v1/playlists/" + f.pl() + "/collaborators",
                                f.owner().accessToken())
                        .json()
                        .path("items"))
                .hasSize(2);
    }
}
