package io.refrain.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import io.refrain.support.MusicBrainzStub;
import io.refrain.support.TestTrackUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /tracks/by-source/…} against a local MusicBrainz stand-in, and the stale-entry cleanup. */
class SourceLookupIT extends IntegrationTest {

    @Autowired
    StaleEntryCleanup cleanup;

    @Autowired
    TestTrackUsage usage;

    @Autowired
    CatalogProperties settings;

    /** A recording fixture served under a fresh MBID (the stub answers with the id asked for). */
    private static String stubRecording(String fixture, int delayMs) {
        String mbid = UUID.randomUUID().toString();
        String body = fixture(fixture).replaceFirst("\"id\"\\s*:\\s*\"[^\"]+\"", "\"id\": \"" + mbid + "\"");
        MusicBrainzStub.SERVER.stubFor(get(urlPathEqualTo("/ws/2/recording/" + mbid))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)
                        .withFixedDelay(delayMs)));
        return mbid;
    }

    private static String fixture(String name) {
        try (InputStream in = SourceLookupIT.class.getResourceAsStream("/musicbrainz/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int requestsFor(String mbid) {
        return MusicBrainzStub.SERVER
                .findAll(getRequestedFor(urlPathEqualTo("/ws/2/recording/" + mbid)))
                .size();
    }

    private String token() {
        return catalogAdmin().accessToken();
    }

    @Test
    void aKnownExternalIdIsServedFromTheCatalog() {
        var row = jdbc.sql(
                        "select external_id, track_id from track_sources where provider = 'spotify' order by track_id limit 1")
                .query()
                .singleRow();
        var track = api.get("/api/v1/tracks/by-source/spotify/" + row.get("external_id"), token())
                .assertStatus(200)
                .json();
        assertThat(track.path("id").asLong()).isEqualTo(((Number) row.get("track_id")).longValue());
        api.get("/api/v1/tracks/by-source/spotify/no-such-track-id", token()).assertProblem(404, "not-found");
    }

    @Test
    void aMissIsFetchedOnceSavedAndThenServedFromTheCatalog() {
        String mbid = stubRecording("recording-featured.json", 0);
        var track = api.get("/api/v1/tracks/by-source/musicbrainz/" + mbid, token())
                .assertStatus(200)
                .json();
        assertThat(track.path("title").asString()).isEqualTo("Night Drive");
        assertThat(track.path("artists").findValuesAsString("role")).containsExactly("main", "featured", "featured");
        assertThat(track.path("sources").findValuesAsString("provider")).contains("musicbrainz", "isrc");
        assertThat(jdbc.sql("select origin from tracks where id = :id")
                        .param("id", track.path("id").asLong())
                        .query(String.class)
                        .single())
                .isEqualTo("connector");

        var again = api.get("/api/v1/tracks/by-source/musicbrainz/" + mbid.toUpperCase(), token());
        // an upper-case MBID is the same recording; either way the source is asked only once
        again.assertStatus(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(track.path("id").asLong());
        assertThat(requestsFor(mbid)).isEqualTo(1);
    }

    @Test
    void concurrentMissesForTheSameIdFetchOnce() throws Exception {
        String mbid = stubRecording("recording-tags-only.json", 400);
        String token = token();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Callable<Long>> calls = java.util.stream.IntStream.range(0, 8)
                    .<Callable<Long>>mapToObj(i -> () -> api.get("/api/v1/tracks/by-source/musicbrainz/" + mbid, token)
                            .assertStatus(200)
                            .json()
                            .path("id")
                            .asLong())
                    .toList();
            List<Long> ids =
                    pool.invokeAll(calls).stream().map(SourceLookupIT::join).toList();
            assertThat(ids).hasSize(8).containsOnly(ids.getFirst());
        }
        assertThat(requestsFor(mbid)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from track_sources where provider = 'musicbrainz' and external_id = :id")
                        .param("id", mbid)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRecordingWhoseIsrcIsKnownJoinsThatTrack() {
        String mbid = stubRecording("recording-featured.json", 0);
        List<String> isrcs = List.of("GBAYE1200731", "USUM71301245"); // the fixture's ISRCs
        jdbc.sql("delete from track_sources where provider = 'isrc' and external_id in (:isrcs)")
                .param("isrcs", isrcs)
                .update();
        long existing = api.post(
                        "/api/v1/tracks",
                        Json.of(
                                "title",
                                "Night Drive (catalog)",
                                "artists",
                                List.of(Map.of("name", "Aurora Lane")),
                                "sources",
                                List.of(Map.of("provider", "isrc", "id", isrcs.get(1)))),
                        token())
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        var track = api.get("/api/v1/tracks/by-source/musicbrainz/" + mbid, token())
                .assertStatus(200)
                .json();
        assertThat(track.path("id").asLong()).isEqualTo(existing);
        assertThat(track.path("sources").findValuesAsString("provider")).contains("musicbrainz", "isrc");
    }

    @Test
    void sourceErrorsBecomeClearProblems() {
        String missing = UUID.randomUUID().toString();
        MusicBrainzStub.SERVER.stubFor(
                get(urlPathEqualTo("/ws/2/recording/" + missing))
                        .willReturn(
                                aResponse()
                                        .withStatus(404)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"error\": \"Not Found\", \"help\": \"For usage, please see: https://musicbrainz.org/development/mmd\"}")));
        api.get("/api/v1/tracks/by-source/musicbrainz/" + missing, token()).assertProblem(404, "not-found");

        String busy = UUID.randomUUID().toString();
        MusicBrainzStub.SERVER.stubFor(get(urlPathEqualTo("/ws/2/recording/" + busy))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Retry-After", "7")
                        .withBody("Your requests are exceeding the allowable rate limit.")));
        var unavailable = api.get("/api/v1/tracks/by-source/musicbrainz/" + busy, token())
                .assertProblem(503, "service-unavailable");
        assertThat(unavailable.header("Retry-After")).isEqualTo("7");

        String broken = UUID.randomUUID().toString();
        MusicBrainzStub.SERVER.stubFor(get(urlPathEqualTo("/ws/2/recording/" + broken))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"title\": ")));
        var garbled = api.get("/api/v1/tracks/by-source/musicbrainz/" + broken, token())
                .assertProblem(503, "service-unavailable");
        assertThat(garbled.header("Retry-After")).isNotBlank();

        api.get("/api/v1/tracks/by-source/musicbrainz/not-a-uuid", token()).assertProblem(400, "validation");
        api.get("/api/v1/tracks/by-source/Not%20A%20Provider/x", token()).assertProblem(400, "validation");
        api.get("/api/v1/tracks/by-source/musicbrainz/" + missing, null).assertProblem(401, "unauthenticated");
        assertThat(jdbc.sql("select count(*) from track_sources where external_id in (:a, :b, :c)")
                        .param("a", missing)
                        .param("b", busy)
                        .param("c", broken)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void cleanupRemovesStaleUnusedConnectorEntriesOnly() {
        long stale = fetch("recording-minimal.json");
        long used = fetch("recording-tags-only.json");
        long readLater = fetch("recording-featured.json");
        long admin = api.post(
                        "/api/v1/tracks",
                        Json.of("title", "Kept by an admin", "artists", List.of(Map.of("name", "Admin Artist"))),
                        token())
                .assertStatus(201)
                .json()
                .path("id")
                .asLong();
        usage.markUsed(used);

        clock.advance(settings.staleAfter().plus(Duration.ofDays(1)));
        api.get("/api/v1/tracks/" + readLater, token()).assertStatus(200); // a recent read keeps it

        var result = cleanup.run();
        assertThat(result.removed()).isGreaterThanOrEqualTo(1);
        assertThat(exists(stale)).isFalse();
        assertThat(exists(used)).isTrue();
        assertThat(exists(readLater)).isTrue();
        assertThat(exists(admin)).isTrue();
        api.get("/api/v1/tracks/" + stale, token()).assertProblem(404, "not-found");
        // connector-made artists left without tracks go too; imported ones never
        assertThat(jdbc.sql("""
                select count(*) from artists a where a.origin = 'connector'
                  and not exists (select 1 from track_artists ta where ta.artist_id = a.id)
                  and not exists (select 1 from album_artists aa where aa.artist_id = a.id)""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from tracks where origin = 'import'")
                        .query(Long.class)
                        .single())
                .isPositive();

        assertThat(cleanup.run().removed()).isZero(); // nothing left to do: idempotent
    }

    private long fetch(String fixture) {
        String mbid = stubRecording(fixture, 0);
        return api.get("/api/v1/tracks/by-source/musicbrainz/" + mbid, token())
                .assertStatus(200)
                .json()
                .path("id")
                .asLong();
    }

    private boolean exists(long id) {
        return jdbc.sql("select count(*) from tracks where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
