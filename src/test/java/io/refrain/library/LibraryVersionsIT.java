package io.refrain.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The library's published data version ({@code library_versions}, V015): every write that
 * changes a user's library raises it, in the write's transaction; a write that changes nothing
 * leaves it. Smart playlists compare it to the version their membership was built at.
 */
class LibraryVersionsIT extends LibraryTestSupport {

    private long version(UUID user) {
        return jdbc.sql("select coalesce((select version from library_versions where user_id = ?), 0)")
                .param(user)
                .query(Long.class)
                .single();
    }

    @Test
    void everyChangeOfTheLibraryRaisesTheVersionAndANoOpDoesNot() {
        var account = newAccount();
        String token = account.accessToken();
        UUID user = account.id();
        List<Long> tracks = trackIds(2);
        long track = tracks.get(0);
        assertThat(version(user)).isZero();

        long last = version(user);
        List<Runnable> changes = List.of(
                () -> api.put("/api/v1/me/tracks?ids=" + track, null, token).assertStatus(204),
                () -> api.delete("/api/v1/me/tracks?ids=" + track, token).assertStatus(204),
                () -> api.put("/api/v1/me/albums?ids=" + albumIds(1).getFirst(), null, token)
                        .assertStatus(204),
                () -> api.put("/api/v1/me/following/artists?ids=" + artistIds(1).getFirst(), null, token)
                        .assertStatus(204),
                () -> api.put("/api/v1/me/ratings/tracks/" + track, Json.of("rating", 4), token)
                        .assertStatus(200),
                () -> api.delete("/api/v1/me/ratings/tracks/" + track, token).assertStatus(204),
                () -> api.put("/api/v1/me/loved/tracks/" + track, null, token).assertStatus(204),
                () -> api.delete("/api/v1/me/loved/tracks/" + track, token).assertStatus(204));
        for (Runnable change : changes) {
            change.run();
            assertThat(version(user)).isGreaterThan(last);
            last = version(user);
        }
        long tag = api.post("/api/v1/me/tags", Json.of("name", "versioned"), token)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        assertThat(version(user)).isGreaterThan(last);
        last = version(user);
        api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + csv(tracks), null, token)
                .assertStatus(204);
        assertThat(version(user)).isGreaterThan(last);
        last = version(user);
        api.delete("/api/v1/me/tags/" + tag, token).assertStatus(204);
        assertThat(version(user)).isGreaterThan(last);
        last = version(user);

        // nothing to change: removing what is not there, loving twice
        api.delete("/api/v1/me/tracks?ids=" + track, token).assertStatus(204);
        api.delete("/api/v1/me/ratings/tracks/" + track, token).assertStatus(204);
        api.delete("/api/v1/me/loved/tracks/" + track, token).assertStatus(204);
        assertThat(version(user)).isEqualTo(last);
        api.put("/api/v1/me/loved/tracks/" + track, null, token).assertStatus(204);
        last = version(user);
        api.put("/api/v1/me/loved/tracks/" + track, null, token).assertStatus(204);
        assertThat(version(user)).isEqualTo(last);
        // a refused write changes nothing either
        api.put("/api/v1/me/tracks?ids=" + unknownId("tracks"), null, token).assertStatus(404);
        assertThat(version(user)).isEqualTo(last);
    }
}
