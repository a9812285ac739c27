package io.refrain.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The history's published data version ({@code history_versions}, V015, kept on listen_totals by
 * its own trigger): a stored listen gives it a new value; a listen submitted again (nothing
 * stored, nothing counted) leaves it. Smart playlists compare it to the version their membership
 * was built at.
 */
class HistoryVersionsIT extends HistoryTestSupport {

    private long version(UUID user) {
        return jdbc.sql("select coalesce((select version from history_versions where user_id = ?), 0)")
                .param(user)
                .query(Long.class)
                .single();
    }

    @Test
    void aStoredListenChangesTheVersionAndARepeatedOneDoesNot() {
        var account = newAccount();
        long track = trackIds(1).getFirst();
        assertThat(version(account.id())).isZero();

        String listen = byId(track, recent(30));
        api.post("/api/v1/me/listens", listen, account.accessToken()).assertStatus(200);
        long first = version(account.id());
        assertThat(first).isPositive();

        api.post("/api/v1/me/listens", listen, account.accessToken()).assertStatus(200);
        assertThat(version(account.id())).isEqualTo(first);

        api.post("/api/v1/me/listens", byId(track, recent(20)), account.accessToken())
                .assertStatus(200);
        assertThat(version(account.id())).isNotEqualTo(first);
    }
}
