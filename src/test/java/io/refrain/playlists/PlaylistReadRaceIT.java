package io.refrain.playlists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A playlist's contents are read by statements that test access themselves: access revoked
 * after the service's check (the 404) and before the read gives nothing, not the entries.
 */
class PlaylistReadRaceIT extends PlaylistTestSupport {

    @Autowired
    EntryRepository entries;

    @Autowired
    ActivityRepository activity;

    @Autowired
    PlaylistRepository playlists;

    @Test
    void readsOfAPlaylistMadePrivateReturnNothingToOthers() {
        var owner = newAccount();
        var reader = newAccount();
        String id = create(owner, true);
        add(owner, id, trackIds(3), null).assertStatus(201);
        api.put(
                        "/api/v1/playlists/" + id + "/collaborators/"
                                + newAccount().id(),
                        "{\"role\": \"viewer\"}",
                        owner.accessToken())
                .assertStatus(200);
        UUID pl = UUID.fromString(id);
        assertThat(entries.page(owner.id(), pl, reader.id(), 0, 0L, 10)).hasSize(3);
        assertThat(entries.pageByVotes(owner.id(), pl, reader.id(), Integer.MAX_VALUE, 0, 10))
                .hasSize(3);
        assertThat(activity.feed(owner.id(), pl, reader.id(), Long.MAX_VALUE, 10))
                .isNotEmpty();
        assertThat(playlists.collaborators(pl, reader.id(), new UUID(0, 0), 10)).hasSize(1);

        // made private between a check and the read
        jdbc.sql("update playlists set public = false where id = ?::uuid")
                .param(id)
                .update();

        assertThat(entries.page(owner.id(), pl, reader.id(), 0, 0L, 10)).isEmpty();
        assertThat(entries.pageByVotes(owner.id(), pl, reader.id(), Integer.MAX_VALUE, 0, 10))
                .isEmpty();
        assertThat(activity.feed(owner.id(), pl, reader.id(), Long.MAX_VALUE, 10))
                .isEmpty();
        assertThat(playlists.collaborators(pl, reader.id(), new UUID(0, 0), 10)).isEmpty();
        // the owner still reads it all
        assertThat(entries.page(owner.id(), pl, owner.id(), 0, 0L, 10))
                .extracting(EntryRepository.PageRow::trackId)
                .containsExactlyElementsOf(trackIds(3));
        assertThat(List.of(api.get("/api/v1/playlists/" + id + "/tracks", reader.accessToken())
                        .status()))
                .containsExactly(404);
    }
}
