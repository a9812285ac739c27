package io.refrain.catalog.sources.musicbrainz;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.refrain.catalog.CatalogProperties;
import io.refrain.catalog.sources.InvalidSourceIdException;
import io.refrain.catalog.sources.SourceConnector;
import io.refrain.catalog.sources.SourceTrack;
import io.refrain.catalog.sources.SourceUnavailableException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Looks up MusicBrainz recordings by MBID through the web service v2 (JSON). All lookups of one
 * connector share a {@link RequestGate}, so together they keep to MusicBrainz's one request per
 * second; a lookup that would wait longer than the configured max wait is refused instead.
 */
public final class MusicBrainzConnector implements SourceConnector, AutoCloseable {

    // artist-credits: who; releases: to choose the album; genres, with tags as the fallback.
    private static final String INCLUDES = "artist-credits+releases+isrcs+genres+tags";
    private static final Pattern MBID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    // Well-formed, but MusicBrainz rejects it ("Invalid mbid."), so it never needs a request.
    private static final String NIL_UUID = "00000000-0000-0000-0000-000000000000";

    private final CatalogProperties.MusicBrainz settings;
    private final JsonMapper json;
    private final RequestGate gate;
    private final HttpClient http;
    private final String userAgent;

    public MusicBrainzConnector(CatalogProperties.MusicBrainz settings, JsonMapper json) {
        this(settings, json, new RequestGate(settings.minInterval(), settings.maxWait()));
    }

    MusicBrainzConnector(CatalogProperties.MusicBrainz settings, JsonMapper json, RequestGate gate) {
        this.settings = settings;
        this.json = json;
        this.gate = gate;
        // HTTP/1.1: at one request per second HTTP/2 gains nothing, and plain-http test servers
        // need no h2c upgrade.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.userAgent = userAgent(settings.contact());
    }

    @Override
    public String provider() {
        return RecordingMapper.PROVIDER;
    }

    /** MBIDs are UUIDs; MusicBrainz answers with them in lower case. */
    @Override
    public String canonicalId(String externalId) {
        return externalId.toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<SourceTrack> fetchTrack(String externalId) {
        String mbid = normalise(externalId);
        HttpResponse<String> response = send(request(mbid));
        int status = response.statusCode();
        return switch (status) {
            case 200 -> Optional.of(RecordingMapper.toTrack(parse(response.body()), mbid));
            case 404 -> Optional.empty();
            // MusicBrainz's word for an MBID it will never have ("Invalid mbid.").
            case 400 ->
                throw new InvalidSourceIdException(
                        "MusicBrainz rejected the recording id " + mbid + detail(response.body()));
            case 429, 503 ->
                throw new SourceUnavailableException(
                        "MusicBrainz is refusing requests (HTTP " + status + ")" + detail(response.body()),
                        retryAfter(response),
                        null);
            default ->
                throw new SourceUnavailableException(
                        "MusicBrainz answered HTTP " + status + detail(response.body()), null, null);
        };
    }

    /** Stops the HTTP client once running lookups have finished. */
    @Override
    public void close() {
        http.close();
    }

    private static String normalise(String externalId) {
        String mbid = externalId == null ? "" : externalId.toLowerCase(Locale.ROOT);
        if (!MBID.matcher(mbid).matches() || mbid.equals(NIL_UUID)) {
            throw new InvalidSourceIdException("not a MusicBrainz recording id (a UUID): " + externalId);
        }
        return mbid;
    }

    private HttpRequest request(String mbid) {
        return HttpRequest.newBuilder(
                        URI.create(settings.baseUrl() + "/recording/" + mbid + "?inc=" + INCLUDES + "&fmt=json"))
                .timeout(settings.timeout())
                .header("User-Agent", userAgent)
                .header("Accept", "application/json")
                .GET()
                .build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        gate.acquire();
        CompletableFuture<HttpResponse<String>> pending = http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            // The request timeout stops at the response headers; this also bounds a stalled body.
            return pending.get(settings.timeout().toNanos() * 2, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new SourceUnavailableException("MusicBrainz did not answer in time", null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what = cause instanceof HttpTimeoutException ? "did not answer in time" : "could not be reached";
            throw new SourceUnavailableException("MusicBrainz " + what + ": " + cause, null, cause);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceUnavailableException("interrupted while waiting for MusicBrainz", null, e);
        }
    }

    private RecordingResponse parse(String body) {
        try {
            return json.readValue(body, RecordingResponse.class);
        } catch (JacksonException e) {
            throw new SourceUnavailableException(
                    "MusicBrainz answered malformed JSON: " + e.getOriginalMessage(), null, e);
        }
    }

    /** MusicBrainz's own explanation from an error body, when it sent one. */
    private String detail(String body) {
        try {
            ErrorBody error = json.readValue(body, ErrorBody.class);
            if (error != null && error.error() != null && !error.error().isBlank()) {
                String text = error.error().strip();
                return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
            }
        } catch (JacksonException e) {
            // an error page that is not JSON: the status says enough
        }
        return "";
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        // Only the delay-seconds form: MusicBrainz sends that, and a date would need a trusted clock.
        return response.headers()
                .firstValue("Retry-After")
                .map(String::strip)
                .filter(value -> value.matches("\\d{1,9}"))
                .map(value -> Duration.ofSeconds(Long.parseLong(value)))
                .orElse(null);
    }

    /** MusicBrainz asks every client to name itself and a contact: {@code Refrain/0.1.0 ( https://… )}. */
    static String userAgent(String contact) {
        String version = MusicBrainzConnector.class.getPackage().getImplementationVersion();
        return "Refrain/" + (version == null ? "dev" : version) + " ( " + contact + " )";
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record ErrorBody(String error) {}
}
