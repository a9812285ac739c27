package io.refrain.catalog;

import io.refrain.catalog.identity.CatalogIdentity.Origin;
import io.refrain.catalog.sources.InvalidSourceIdException;
import io.refrain.catalog.sources.SourceConnector;
import io.refrain.catalog.sources.SourceTrack;
import io.refrain.catalog.sources.SourceUnavailableException;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.ProblemTypes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds a track by an external id: from the catalog, or on a miss from the source's connector,
 * saving what it finds (origin {@code connector}, subject to stale-entry cleanup). Concurrent
 * misses for the same id in this process share one fetch; across processes an advisory lock
 * and a re-check keep it one track.
 */
@Service
class SourceLookup {

    private static final Logger log = LoggerFactory.getLogger(SourceLookup.class);
    private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9_-]{1,30}");
    private static final int DEFAULT_RETRY_SECONDS = 5;

    private final CatalogWriter writer;
    private final TrackSourceRepository sources;
    private final CatalogService catalog;
    private final Map<String, SourceConnector> connectors;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ConcurrentHashMap<String, CompletableFuture<Long>> inFlight = new ConcurrentHashMap<>();

    SourceLookup(
            CatalogWriter writer,
            TrackSourceRepository sources,
            CatalogService catalog,
            List<SourceConnector> connectors,
            TransactionTemplate transaction,
            Clock clock) {
        this.writer = writer;
        this.sources = sources;
        this.catalog = catalog;
        this.connectors = connectors.stream().collect(Collectors.toMap(SourceConnector::provider, Function.identity()));
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The catalog id of the track with this external id, fetched from the source on a miss. */
    public long bySource(String provider, String externalId) {
        if (!PROVIDER.matcher(provider).matches()) {
            throw ApiException.invalidField("provider", "must be a provider name like musicbrainz, spotify or isrc");
        }
        if (externalId.isBlank() || externalId.length() > 200) {
            throw ApiException.invalidField("id", "must be 1–200 characters");
        }
        SourceConnector connector = connectors.get(provider);
        String id = connector == null ? externalId : connector.canonicalId(externalId);
        Optional<Long> known = sources.trackBySource(provider, id);
        if (known.isPresent()) {
            return known.get();
        }
        if (connector == null) {
            throw ApiException.notFound("No track in the catalog has the " + provider + " id '" + externalId
                    + "', and Refrain has no connector to look it up"
                    + (connectors.isEmpty() ? "." : " (connectors: " + String.join(", ", connectors.keySet()) + ")."));
        }
        return fetchOnce(connector, id);
    }

    /** One fetch per (provider, id) at a time: later callers wait for the first one's result. */
    private long fetchOnce(SourceConnector connector, String externalId) {
        String key = connector.provider() + ":" + externalId;
        var mine = new CompletableFuture<Long>();
        CompletableFuture<Long> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            long id = fetchAndSave(connector, externalId);
            mine.complete(id);
            return id;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private long fetchAndSave(SourceConnector connector, String externalId) {
        Optional<SourceTrack> found;
        try {
            found = connector.fetchTrack(externalId); // no database connection is held while waiting on the source
        } catch (InvalidSourceIdException e) {
            throw ApiException.invalidField("id", e.getMessage());
        } catch (SourceUnavailableException e) {
            log.warn("{} lookup of {} failed: {}", connector.provider(), externalId, e.getMessage());
            long retry = e.retryAfter() == null
                    ? DEFAULT_RETRY_SECONDS
                    : Math.max(1, e.retryAfter().toSeconds());
            throw new ApiException(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            ProblemTypes.UNAVAILABLE,
                            "The " + connector.provider() + " service cannot answer right now. Try again later.")
                    .with("retryAfterSeconds", retry);
        }
        SourceTrack track = found.orElseThrow(
                () -> ApiException.notFound(connector.provider() + " has no track with id '" + externalId + "'."));
        long id = transaction.execute(status -> save(track, externalId));
        catalog.invalidate(id); // a known track may have gained an id; artist and album pages a track
        return id;
    }

    /** Saves the track; an id the source has merged into another one is kept as a second id of the same track. */
    private long save(SourceTrack track, String requestedId) {
        long id = saveOnce(track);
        if (!track.externalId().equals(requestedId)) {
            sources.addSource(id, track.provider(), requestedId);
        }
        return id;
    }

    private long saveOnce(SourceTrack track) {
        sources.lockSource(track.provider(), track.externalId());
        Optional<Long> existing = sources.trackBySource(track.provider(), track.externalId())
                .or(() -> sources.trackBySources("isrc", track.isrcs()));
        if (existing.isPresent()) {
            // another process saved it meanwhile, or the same recording is known by its ISRC
            sources.addSource(existing.get(), track.provider(), track.externalId());
            return existing.get();
        }
        return writer.insert(SourceTrackDrafts.toDraft(track), Origin.CONNECTOR, clock.instant());
    }
}
