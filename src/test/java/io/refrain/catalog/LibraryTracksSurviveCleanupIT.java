package io.refrain.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import io.refrain.support.MusicBrainzStub;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The stale-entry cleanup with the real library: a connector-made track that someone saved,
 * rated, loved or tagged stays; one nobody uses goes. (In the catalog package: the cleanup job is
 * package-private.)
 */
class LibraryTracksSurviveCleanupIT extends IntegrationTest {

    @Autowired
    StaleEntryCleanup cleanup;

    @Autowired
    CatalogProperties settings;

    @Test
    void tracksInSomeonesLibraryAreNeverCleanedUp() {
        String token = newAccount().accessToken();
        List<Long> ids = List.of(fetch(), fetch(), fetch(), fetch(), fetch());
        assertThat(new HashSet<>(ids)).hasSize(5);
        api.put("/api/v1/me/tracks?ids=" + ids.get(0), null, token).assertStatus(204);
        api.put("/api/v1/me/ratings/tracks/" + ids.get(1), Json.of("rating", 0.5), token)
                .assertStatus(200);
        api.put("/api/v1/me/loved/tracks/" + ids.get(2), null, token).assertStatus(204);
        long tag = api.post("/api/v1/me/tags", Json.of("name", "keep me"), token)
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        api.put("/api/v1/me/tags/" + tag + "/tracks?ids=" + ids.get(3), null, token)
                .assertStatus(204);

        clock.advance(settings.staleAfter().plus(Duration.ofDays(1)));
        cleanup.run();

        for (long kept : ids.subList(0, 4)) {
            assertThat(exists(kept)).as("track %d in a library", kept).isTrue();
        }
        assertThat(exists(ids.get(4))).as("unused track").isFalse();
    }

    /** A fresh connector-made track, fetched from the MusicBrainz stand-in under a new MBID. */
    private long fetch() {
        String mbid = UUID.randomUUID().toString();
        String body = fixture().replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\": \"" + mbid + "\"");
        MusicBrainzStub.SERVER.stubFor(get(urlPathEqualTo("/ws/2/recording/" + mbid))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
        long id = api.get(
                        "/api/v1/tracks/by-source/musicbrainz/" + mbid,
                        catalogAdmin().accessToken())
                .assertStatus(200)
                .json()
                .path("id")
                .asLong();
        assertThat(jdbc.sql("select origin from tracks where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("connector");
        return id;
    }

    private static String fixture() {
        try (InputStream in =
                LibraryTracksSurviveCleanupIT.class.getResourceAsStream("/musicbrainz/recording-minimal.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean exists(long id) {
        return jdbc.sql("select count(*) from tracks where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
