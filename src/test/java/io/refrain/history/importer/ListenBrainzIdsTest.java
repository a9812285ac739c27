package io.refrain.history.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.history.listenbrainz.ListenBrainzIds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An imported ListenBrainz export reads {@code additional_info}'s ids as a live submission does
 * (one normaliser, {@link ListenBrainzIds}), so the same listen matches the same track either way.
 * Before, the import kept an ISRC with hyphens, an upper-case braced MBID and a bare Spotify id as
 * they came, and the catalog (keyed by the canonical forms) did not find them.
 */
class ListenBrainzIdsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anImportedListenCarriesTheIdsInTheFormALiveSubmissionGets() {
        JsonNode record = JSON.readTree("""
                {"listened_at": 1700000000, "track_metadata": {"artist_name": "A", "track_name": "T",
                  "additional_info": {"isrc": "us-rc1-17-00001", "spotify_id": " 4uLU6hMCjMI75M1A2tKUQC?si=x ",
                                      "recording_mbid": "{3F1E2D3C-4B5A-6978-8796-A5B4C3D2E1F0}",
                                      "artist_mbids": ["URN:UUID:0383DADF-2A4E-4D10-A46A-E9E041DA8EB3"]},
                  "mbid_mapping": {"release_mbid": "not an id"}}}""");
        ExportRow row = new ListenBrainzRecords().map(1, record);
        ExportedListen listen = ((ExportRow.Listen) row).listen();

        assertThat(listen.isrc()).isEqualTo("USRC11700001").isEqualTo(ListenBrainzIds.isrc("us-rc1-17-00001"));
        assertThat(listen.spotifyTrackId()).isEqualTo("4uLU6hMCjMI75M1A2tKUQC");
        assertThat(listen.recordingMbid()).isEqualTo("3f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
        assertThat(listen.artistMbid()).isEqualTo("0383dadf-2a4e-4d10-a46a-e9e041da8eb3");
        assertThat(listen.releaseMbid()).as("an invalid id is no id").isNull();
    }

    @Test
    void everySpotifySpellingGivesTheBareId() {
        for (String spelling : new String[] {
            "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=abc",
            "spotify:track:4uLU6hMCjMI75M1A2tKUQC",
            "4uLU6hMCjMI75M1A2tKUQC"
        }) {
            assertThat(ListenBrainzIds.spotifyId(spelling)).as(spelling).isEqualTo("4uLU6hMCjMI75M1A2tKUQC");
        }
        assertThat(ListenBrainzIds.spotifyId("https://open.spotify.com/album/4uLU6hMCjMI75M1A2tKUQC/x"))
                .isNull();
    }
}
