package io.refrain.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Collaborators and their roles, follows, votes and the vote order, and who shows in the activity feed. */
class PlaylistCollaborationIT extends PlaylistTestSupport {

    @Test
    void editorsChangeTracksViewersReadAndOnlyTheOwnerManages() {
        var owner = newAccount();
        var editor = newAccount();
        var viewer = newAccount();
        String id = create(owner, false);
        String collaborators = "/api/v1/playlists/" + id + "/collaborators/";
        api.put(collaborators + editor.id(), Json.of("role", "editor"), owner.accessToken())
                .assertStatus(200);
        JsonNode invited = api.put(collaborators + viewer.id(), Json.of("role", "viewer"), owner.accessToken())
                .assertStatus(200)
                .json();
        assertThat(invited.path("role").asString()).isEqualTo("viewer");
        api.put(collaborators + viewer.id(), Json.of("role", "admin"), owner.accessToken())
                .assertProblem(400, "validation");
        api.put(collaborators + owner.id(), Json.of("role", "editor"), owner.accessToken())
                .assertProblem(400, "validation");
        api.put(collaborators + UUID.randomUUID(), Json.of("role", "editor"), owner.accessToken())
                .assertProblem(404, "not-found");

        long v = add(editor, id, trackIds(2), null)
                .assertStatus(201)
                .json()
                .path("version")
                .asLong();
        add(viewer, id, trackIds(2), null).assertProblem(403, "forbidden");
        assertThat(api.get("/api/v1/playlists/" + id, viewer.accessToken())
                        .assertStatus(200)
                        .json()
                        .path("role")
                        .asString())
                .isEqualTo("viewer");
        api.patch("/api/v1/playlists/" + id, Json.of("public", true), editor.accessToken())
                .assertProblem(403, "forbidden");
        api.put(collaborators + viewer.id(), Json.of("role", "editor"), editor.accessToken())
                .assertProblem(403, "forbidden");
        api.delete("/api/v1/playlists/" + id, editor.accessToken()).assertProblem(403, "forbidden");
        JsonNode feed = api.get("/api/v1/playlists/" + id + "/activity", viewer.accessToken())
                .assertStatus(200)
                .json();
        assertThat(feed.path("items").get(0).path("actorId").asString())
                .isEqualTo(editor.id().toString());
        assertThat(feed.path("items").get(0).path("action").asString()).isEqualTo("added");
        assertThat(feed.path("items").get(0).path("version").asLong()).isEqualTo(v);
        assertThat(api.get("/api/v1/playlists/" + id + "/collaborators?limit=1", viewer.accessToken())
                        .assertStatus(200)
                        .json()
                        .path("next")
                        .isNull())
                .isFalse();

        // promote the viewer; then the owner removes the editor, who loses access; the viewer leaves
        api.put(collaborators + viewer.id(), Json.of("role", "editor"), owner.accessToken())
                .assertStatus(200);
        add(viewer, id, trackIds(1), null).assertStatus(201);
        api.delete(collaborators + editor.id(), owner.accessToken()).assertStatus(204);
        api.get("/api/v1/playlists/" + id, editor.accessToken()).assertProblem(404, "not-found");
        api.delete(collaborators + owner.id(), viewer.accessToken()).assertProblem(403, "forbidden");
        api.delete(collaborators + viewer.id(), viewer.accessToken()).assertStatus(204);
        api.get("/api/v1/playlists/" + id, viewer.accessToken()).assertProblem(404, "not-found");
        api.delete(collaborators + viewer.id(), owner.accessToken()).assertProblem(404, "not-found");
    }

    @Test
    void followersAndCollaboratorsVoteAndThePlaylistReadsByVotes() {
        var owner = newAccount();
        var follower = newAccount();
        var stranger = newAccount();
        String id = create(owner, true);
        List<Long> t = trackIds(4);
        JsonNode entries = add(owner, id, t, null).assertStatus(201).json().path("entryIds");
        String vote = "/api/v1/playlists/" + id + "/entries/%d/vote";

        api.put(vote.formatted(entries.get(2).asLong()), Json.of("vote", 1), stranger.accessToken())
                .assertProblem(403, "forbidden");
        api.put("/api/v1/playlists/" + id + "/follow", null, follower.accessToken())
                .assertStatus(204);
        api.put("/api/v1/playlists/" + id + "/follow", null, follower.accessToken())
                .assertStatus(204);
        assertThat(api.get("/api/v1/me/followed-playlists", follower.accessToken())
                        .json()
                        .path("items")
                        .findValuesAsString("id"))
                .containsExactly(id);

        api.put(vote.formatted(entries.get(2).asLong()), Json.of("vote", 1), follower.accessToken())
                .assertStatus(200);
        api.put(vote.formatted(entries.get(2).asLong()), Json.of("vote", 1), owner.accessToken())
                .assertStatus(200);
        api.put(vote.formatted(entries.get(3).asLong()), Json.of("vote", 1), owner.accessToken())
                .assertStatus(200);
        api.put(vote.formatted(entries.get(0).asLong()), Json.of("vote", 1), follower.accessToken())
                .assertStatus(200);
        JsonNode changed = api.put(vote.formatted(entries.get(0).asLong()), Json.of("vote", -1), follower.accessToken())
                .assertStatus(200)
                .json();
        assertThat(changed.path("votes").asInt()).isEqualTo(-1);
        api.put(vote.formatted(entries.get(0).asLong()), Json.of("vote", 2), follower.accessToken())
                .assertProblem(400, "validation");
        api.put(vote.formatted(999_999_999L), Json.of("vote", 1), follower.accessToken())
                .assertProblem(404, "not-found");

        // scores: e2 = 2, e3 = 1, e1 = 0, e0 = -1
        JsonNode first = api.get("/api/v1/playlists/" + id + "/tracks?sort=votes&limit=2", follower.accessToken())
                .assertStatus(200)
                .json();
        JsonNode rest = api.get(
                        "/api/v1/playlists/" + id + "/tracks?sort=votes&limit=2&cursor="
                                + first.path("next").asString(),
                        follower.accessToken())
                .assertStatus(200)
                .json();
        assertThat(first.path("items").findValuesAsString("entryId"))
                .containsExactly(entries.get(2).asString(), entries.get(3).asString());
        assertThat(rest.path("items").findValuesAsString("entryId"))
                .containsExactly(entries.get(1).asString(), entries.get(0).asString());
        assertThat(first.path("items").get(0).path("votes").asInt()).isEqualTo(2);
        assertThat(first.path("items").get(0).path("myVote").asInt()).isEqualTo(1);
        assertThat(first.path("items").get(0).path("position").asInt()).isEqualTo(2);
        assertThat(rest.path("items").get(1).path("myVote").asInt()).isEqualTo(-1);
        assertThat(rest.path("next").isNull()).isTrue();
        api.get(
                        "/api/v1/playlists/" + id + "/tracks?cursor="
                                + first.path("next").asString(),
                        follower.accessToken())
                .assertProblem(400, "validation");

        JsonNode cleared = api.delete(vote.formatted(entries.get(2).asLong()), follower.accessToken())
                .assertStatus(200)
                .json();
        assertThat(cleared.path("votes").asInt()).isEqualTo(1);

        // made private: the follower can no longer read, vote or see it among follows
        api.patch("/api/v1/playlists/" + id, Json.of("public", false), owner.accessToken())
                .assertStatus(200);
        api.put(vote.formatted(entries.get(2).asLong()), Json.of("vote", 1), follower.accessToken())
                .assertProblem(404, "not-found");
        assertThat(api.get("/api/v1/me/followed-playlists", follower.accessToken())
                        .json()
                        .path("items"))
                .isEmpty();
        api.put("/api/v1/playlists/" + id + "/follow", null, stranger.accessToken())
                .assertProblem(404, "not-found");
        api.delete("/api/v1/playlists/" + id + "/follow", follower.accessToken())
                .assertProblem(404, "not-found");
    }
}
