package io.refrain.catalog.sources.musicbrainz;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.refrain.catalog.CatalogProperties;
import io.refrain.catalog.sources.InvalidSourceIdException;
import io.refrain.catalog.sources.SourceTrack;
import io.refrain.catalog.sources.SourceTrack.SourceAlbum;
import io.refrain.catalog.sources.SourceTrack.SourceArtist;
import io.refrain.catalog.sources.SourceUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class MusicBrainzConnectorTest {

    @RegisterExtension
    static WireMockExtension musicBrainz = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    // Strict like the application's mapper: unknown fields must not break the lookup.
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String FEATURED_ID = "4f1c2a3b-8d2e-4c5a-9b7e-1a2b3c4d5e6f";
    private static final String TAGS_ONLY_ID = "b2d4f6a8-0c1e-4a3b-9d5f-7e9a1c3b5d7f";
    private static final String MINIMAL_ID = "6d5c4b3a-2910-4f8e-8d7c-6b5a49382716";
    private static final String CONTACT = "mailto:ops@refrain.example";

    private MusicBrainzConnector connector = connector(musicBrainz.baseUrl(), Duration.ofSeconds(2));

    @AfterEach
    void closeConnector() {
        connector.close();
    }

    @Test
    void mapsEveryFieldOfARecording() {
        stubRecording(FEATURED_ID, okJson(fixture("recording-featured.json")));

        SourceTrack track = connector.fetchTrack(FEATURED_ID).orElseThrow();

        SourceArtist aurora = new SourceArtist("Aurora Lane", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "main");
        SourceArtist milo = new SourceArtist("Milo Grant", "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "featured");
        SourceArtist theStatic = new SourceArtist("The Static", "c0ffee00-1234-4abc-9def-0123456789ab", "featured");
        assertThat(track)
                .isEqualTo(new SourceTrack(
                        "musicbrainz",
                        FEATURED_ID,
                        "Night Drive",
                        243573,
                        List.of(aurora, milo, theStatic),
                        // the earliest official release with a date (not the earlier bootleg), partial date as given,
                        // its own artist credit
                        new SourceAlbum(
                                "Night Drive",
                                "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
                                "2013-04",
                                List.of(
                                        aurora,
                                        new SourceArtist(
                                                "Milo Grant", "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "featured"))),
                        List.of("GBAYE1200731", "USUM71301245"),
                        List.of("electronic", "synth-pop"), // most votes first, lower-cased, voted-down genre left out
                        null));
        assertThat(connector.provider()).isEqualTo("musicbrainz");
    }

    @Test
    void sendsUserAgentAcceptAndTheIncludesMusicBrainzNeeds() {
        stubRecording(FEATURED_ID, okJson(fixture("recording-featured.json")));

        connector.fetchTrack(FEATURED_ID);

        musicBrainz.verify(
                1,
                getRequestedFor(urlPathEqualTo("/recording/" + FEATURED_ID))
                        .withQueryParam("inc", equalTo("artist-credits releases isrcs genres tags"))
                        .withQueryParam("fmt", equalTo("json"))
                        .withHeader("Accept", equalTo("application/json")));
        String url = musicBrainz.getAllServeEvents().getFirst().getRequest().getUrl();
        assertThat(url).endsWith("?inc=artist-credits+releases+isrcs+genres+tags&fmt=json");
        String userAgent =
                musicBrainz.getAllServeEvents().getFirst().getRequest().getHeader("User-Agent");
        assertThat(userAgent).matches("Refrain/\\S+ \\( mailto:ops@refrain\\.example \\)");
    }

    @Test
    void fallsBackToTagsAndToTheEarliestDatedReleaseOfAnyStatus() {
        stubRecording(TAGS_ONLY_ID, okJson(fixture("recording-tags-only.json")));

        SourceTrack track = connector.fetchTrack(TAGS_ONLY_ID).orElseThrow();

        SourceArtist kestrel = new SourceArtist("Kestrel", "d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6", "main");
        assertThat(track.artists())
                .containsExactly(
                        kestrel,
                        new SourceArtist(
                                "Ines Moreau", "f6e5d4c3-b2a1-4f0e-9d8c-7b6a5f4e3d2c", "featured")); // " Featuring "
        // no official release has a date: the earliest dated one, credited like the track
        assertThat(track.album())
                .isEqualTo(
                        new SourceAlbum("Rarities", "12ab34cd-56ef-4789-8abc-def012345678", "1999", track.artists()));
        assertThat(track.genres()).containsExactly("dream pop", "shoegaze"); // tags with votes, distinct
        assertThat(track.isrcs()).isEmpty();
        assertThat(track.durationMs()).isEqualTo(198000);
    }

    @Test
    void aRecordingWithoutLengthOrReleasesHasNoDurationOrAlbum() {
        stubRecording(MINIMAL_ID, okJson(fixture("recording-minimal.json")));

        SourceTrack track = connector.fetchTrack(MINIMAL_ID).orElseThrow();

        assertThat(track.title()).isEqualTo("Untitled Improvisation");
        assertThat(track.durationMs()).isNull();
        assertThat(track.album()).isNull();
        assertThat(track.artists())
                .containsExactly(new SourceArtist("Tomas Lind", "7e6d5c4b-3a29-4180-9f8e-7d6c5b4a3928", "main"));
        assertThat(track.isrcs()).isEmpty();
        assertThat(track.genres()).isEmpty();
        assertThat(track.features()).isNull();
    }

    @Test
    void withoutAnyDatedReleaseTheFirstReleaseIsTheAlbum() {
        stubRecording(MINIMAL_ID, okJson("""
                {"id": "%s", "title": "Loop", "length": 1000,
                 "artist-credit": [{"name": "A", "joinphrase": " ft. ", "artist": {"id": "a", "name": "A"}},
                                   {"name": "B", "joinphrase": " & ", "artist": {"id": "b", "name": "B"}},
                                   {"name": "C", "joinphrase": "", "artist": {"id": "c", "name": "C"}}],
                 "releases": [{"id": "r1", "title": "First", "status": "Official", "date": ""},
                              {"id": "r2", "title": "Second", "status": "Official"}]}
                """.formatted(MINIMAL_ID)));

        SourceTrack track = connector.fetchTrack(MINIMAL_ID).orElseThrow();

        assertThat(track.album()).isEqualTo(new SourceAlbum("First", "r1", null, track.artists()));
        assertThat(track.artists()).extracting(SourceArtist::role).containsExactly("main", "featured", "featured");
    }

    @Test
    void mainArtistsJoinedBeforeTheFeaturingStayMain() {
        stubRecording(MINIMAL_ID, okJson("""
                {"id": "%s", "title": "Duet",
                 "artist-credit": [{"name": "A", "joinphrase": " & ", "artist": {"id": "a", "name": "A"}},
                                   {"name": "B", "joinphrase": " FEAT. ", "artist": {"id": "b", "name": "B"}},
                                   {"name": "C", "joinphrase": "", "artist": {"id": "c", "name": "C"}}]}
                """.formatted(MINIMAL_ID)));

        assertThat(connector.fetchTrack(MINIMAL_ID).orElseThrow().artists())
                .extracting(SourceArtist::role)
                .containsExactly("main", "main", "featured");
    }

    @Test
    void anUpperCaseIdIsLookedUpInLowerCase() {
        stubRecording(FEATURED_ID, okJson(fixture("recording-featured.json")));

        Optional<SourceTrack> track = connector.fetchTrack(FEATURED_ID.toUpperCase());

        assertThat(track).map(SourceTrack::externalId).contains(FEATURED_ID);
        musicBrainz.verify(1, getRequestedFor(urlPathEqualTo("/recording/" + FEATURED_ID)));
    }

    @Test
    void aMergedRecordingIsReportedUnderItsSurvivingId() {
        String survivor = "0e1d2c3b-4a59-4687-9a8b-7c6d5e4f3a2b";
        stubRecording(MINIMAL_ID, okJson(fixture("recording-minimal.json").replace(MINIMAL_ID, survivor)));

        assertThat(connector.fetchTrack(MINIMAL_ID))
                .map(SourceTrack::externalId)
                .contains(survivor);
    }

    @Test
    void notFoundIsEmpty() {
        stubRecording(
                FEATURED_ID,
                aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\": \"Not Found\", \"help\": \"For usage, please see: https://musicbrainz.org/development/mmd\"}"));

        assertThat(connector.fetchTrack(FEATURED_ID)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "abc",
                "4f1c2a3b8d2e4c5a9b7e1a2b3c4d5e6f",
                "{4f1c2a3b-8d2e-4c5a-9b7e-1a2b3c4d5e6f}",
                " 4f1c2a3b-8d2e-4c5a-9b7e-1a2b3c4d5e6f",
                "4f1c2a3b-8d2e-4c5a-9b7e-1a2b3c4d5e6g",
                "1-2-3-4-5",
                "00000000-0000-0000-0000-000000000000",
                "4f1c2a3b-8d2e-4c5a-9b7e-1a2b3c4d5e6f/../../artist"
            })
    void anIdThatIsNotAnMbidIsRejectedWithoutARequest(String id) {
        assertThatThrownBy(() -> connector.fetchTrack(id)).isInstanceOf(InvalidSourceIdException.class);

        assertThat(musicBrainz.getAllServeEvents()).isEmpty();
    }

    @Test
    void anIdMusicBrainzCallsInvalidIsAnInvalidId() {
        stubRecording(
                FEATURED_ID,
                aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"error\": \"Invalid mbid.\", \"help\": \"For usage, please see: https://musicbrainz.org/development/mmd\"}"));

        assertThatThrownBy(() -> connector.fetchTrack(FEATURED_ID))
                .isInstanceOf(InvalidSourceIdException.class)
                .hasMessageContaining("Invalid mbid.");
    }

    @Test
    void rateLimitedIsUnavailableWithRetryAfter() {
        stubRecording(
                FEATURED_ID,
                aResponse()
                        .withStatus(503)
                        .withHeader("Retry-After", "3")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Your requests are exceeding the allowable rate limit. Please see "
                                + "http://wiki.musicbrainz.org/XMLWebService for more information.\"}"));

        assertThatThrownBy(() -> connector.fetchTrack(FEATURED_ID))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> assertThat(e.retryAfter())
                        .isEqualTo(Duration.ofSeconds(3)))
                .hasMessageContaining("503")
                .hasMessageContaining("exceeding the allowable rate limit");
    }

    @Test
    void tooManyRequestsIsUnavailableAndAnUnparsableRetryAfterIsIgnored() {
        stubRecording(FEATURED_ID, aResponse().withStatus(429).withHeader("Retry-After", "soon"));

        assertThatThrownBy(() -> connector.fetchTrack(FEATURED_ID))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> assertThat(e.retryAfter())
                        .isNull());
    }

    @Test
    void aServerErrorIsUnavailable() {
        stubRecording(FEATURED_ID, aResponse().withStatus(500).withBody("<html>Internal Server Error</html>"));

        assertThatThrownBy(() -> connector.fetchTrack(FEATURED_ID))
                .isInstanceOfSatisfying(SourceUnavailableException.class, e -> assertThat(e.retryAfter())
                        .isNull())
                .hasMessageContaining("500");
    }

    @Test
    void anyOtherRefusalIsUnavailable() {
        stubRecording(FEATURED_ID, aResponse().withStatus(403).withBody("{\"error\": \"blocked\"}"));

        assertThatThrownBy(() -> connector.fetchTrack(FEATURED_ID)).isInstanceOf(SourceUnavailableException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"id\": \"x\", \"title\": ",
                "<html>maintenance</html>",
                "",
                "null",
                "[]",
                "{\"title\": \"No artists\", \"artist-credit\": []}",
                "{\"artist-credit\": [{\"name\": \"A\", \"artist\": {\"id\": \"a\", \"name\": \"A\"}}]}",
                "{\"title\": \"Odd\", \"length\": \"long\", \"artist-credit\": [{\"name\": \"A\"}]}"
            })
    void aBrokenAnswerIsUnavailable(String body) {
        stubRecording(
                FEATURED_ID,
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body));

        assertThatThrownBy(() -> connector.fetchTrack(FEATURED_ID)).isInstanceOf(SourceUnavailableException.class);
    }

    @Test
    void aSlowAnswerTimesOut() {
        replaceConnector(musicBrainz.baseUrl(), Duration.ofMillis(200));
        stubRecording(FEATURED_ID, okJson(fixture("recording-featured.json")).withFixedDelay(1_000));

        long start = System.nanoTime();
        assertThatThrownBy(() -> connector.fetchTrack(FEATURED_ID))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(900));
    }

    @Test
    void aRefusedConnectionIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        replaceConnector("http://localhost:" + closedPort, Duration.ofSeconds(2));

        assertThatThrownBy(() -> connector.fetchTrack(FEATURED_ID))
                .isInstanceOf(SourceUnavailableException.class)
                .hasMessageContaining("could not be reached");
    }

    private void replaceConnector(String baseUrl, Duration timeout) {
        connector.close();
        connector = connector(baseUrl, timeout);
    }

    private static MusicBrainzConnector connector(String baseUrl, Duration timeout) {
        // No spacing here: the gate has its own tests, and these should not wait a second per lookup.
        return new MusicBrainzConnector(
                new CatalogProperties.MusicBrainz(
                        true, baseUrl, CONTACT, timeout, Duration.ZERO, Duration.ofSeconds(1)),
                JSON);
    }

    private static void stubRecording(String mbid, ResponseDefinitionBuilder response) {
        musicBrainz.stubFor(get(urlPathEqualTo("/recording/" + mbid)).willReturn(response));
    }

    private static String fixture(String name) {
        try (InputStream in = MusicBrainzConnectorTest.class.getResourceAsStream("/musicbrainz/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
