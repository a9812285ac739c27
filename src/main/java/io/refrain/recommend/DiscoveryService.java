package io.refrain.recommend;

import io.refrain.catalog.CatalogService;
import io.refrain.catalog.TrackView;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Discovery sessions: a recommendation answer kept with its seeds and tracks, and what the user
 * did with those tracks afterwards (played to the end, skipped, saved, loved, thumbs down). The
 * outcomes feed the next answers through the candidate filter (a track skipped after a session
 * showed it is not shown again; an artist accepted from one is lifted) and are shown here with
 * each session's acceptance rate: the share of its tracks played to the end, saved or loved.
 */
@Service
class DiscoveryService {

    private static final Logger log = LoggerFactory.getLogger(DiscoveryService.class);

    private record After(@CursorCodec.EpochMicros Instant at, UUID id) {}

    private static final CursorCodec<After> CURSOR = CursorCodec.of(After.class);
    private static final After START = new After(Instant.parse("9999-12-31T00:00:00Z"), new UUID(-1L, -1L));

    /** What a session was asked for: its seeds and the min_/max_/target_ parameters. */
    record Asked(List<SeedRef> seeds, Map<String, Double> parameters, int limit) {}

    record SeedRef(String type, String id) {}

    @Schema(description = "a discovery session: a recommendation answer kept, and how much of it you took")
    record Summary(
            UUID id,
            Instant createdAt,
            Asked request,
            int trackCount,

            @Schema(description = "tracks played to the end, saved or loved since")
            int accepted,

            @Schema(description = "tracks skipped since") int skipped,

            @Schema(description = "accepted / trackCount, 0–1 (0 for an empty session)")
            double acceptanceRate) {}

    /** What became of one track of a session. */
    record Outcome(boolean playedToEnd, boolean skipped, boolean saved, boolean loved, boolean thumbsDown) {}

    record SessionTrack(int position, TrackView track, List<String> reasons, Outcome outcome) {}

    @Schema(description = "a discovery session with each track and what became of it")
    record Detail(Summary session, List<SessionTrack> tracks) {}

    private final DiscoveryRepository sessions;
    private final CatalogService catalog;
    private final JsonMapper json;
    private final RecommendProperties settings;
    private final Clock clock;

    DiscoveryService(
            DiscoveryRepository sessions,
            CatalogService catalog,
            JsonMapper json,
            RecommendProperties settings,
            Clock clock) {
        this.sessions = sessions;
        this.catalog = catalog;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    /** Keeps an answer as a session; called inside the recommendation's transaction. */
    UUID record(
            UUID user,
            RecommendationRequest request,
            List<Recommendation.Seed> seeds,
            List<Recommendation.RecommendedTrack> tracks,
            Instant now) {
        UUID id = UUID.randomUUID();
        Map<String, Double> parameters = new LinkedHashMap<>();
        request.constraints().forEach((attribute, c) -> {
            if (c.min() != null) {
                parameters.put("min_" + attribute.name, c.min());
            }
            if (c.max() != null) {
                parameters.put("max_" + attribute.name, c.max());
            }
            if (c.target() != null) {
                parameters.put("target_" + attribute.name, c.target());
            }
        });
        var asked =
                new Asked(seeds.stream().map(s -> new SeedRef(s.type(), s.id())).toList(), parameters, request.limit());
        sessions.insert(
                id,
                user,
                now.truncatedTo(ChronoUnit.MICROS),
                json.writeValueAsString(asked),
                tracks.stream().map(t -> t.track().id()).toList(),
                tracks.stream().map(t -> json.writeValueAsString(t.reasons())).toList());
        return id;
    }

    @Transactional(readOnly = true)
    Page<Summary> page(UUID user, int limit, String cursor) {
        After after = CURSOR.decodeOr(cursor, START);
        List<DiscoveryRepository.SessionRow> rows = sessions.page(user, after.at(), after.id(), limit + 1);
        boolean more = rows.size() > limit;
        List<DiscoveryRepository.SessionRow> shown = more ? rows.subList(0, limit) : rows;
        Map<UUID, List<DiscoveryRepository.TrackRow>> tracks = sessions
                .tracks(
                        user,
                        shown.stream().map(DiscoveryRepository.SessionRow::id).toList(),
                        shown.isEmpty() ? after.at() : shown.getLast().createdAt())
                .stream()
                .collect(Collectors.groupingBy(DiscoveryRepository.TrackRow::sessionId));
        List<Summary> items = shown.stream()
                .map(r -> summary(r, tracks.getOrDefault(r.id(), List.of())))
                .toList();
        var last = shown.isEmpty() ? null : shown.getLast();
        return new Page<>(items, more ? CURSOR.encode(new After(last.createdAt(), last.id())) : null);
    }

    @Transactional(readOnly = true)
    Detail find(UUID user, UUID id) {
        var row = sessions.find(user, id)
                .orElseThrow(() -> ApiException.notFound("You have no discovery session " + id + "."));
        List<DiscoveryRepository.TrackRow> tracks = sessions.tracks(user, List.of(id), row.createdAt());
        Map<Long, TrackView> views =
                catalog
                        .tracks(
                                user,
                                tracks.stream()
                                        .map(DiscoveryRepository.TrackRow::trackId)
                                        .toList())
                        .stream()
                        .collect(Collectors.toMap(TrackView::id, Function.identity()));
        List<SessionTrack> items = tracks.stream()
                .filter(t -> views.containsKey(t.trackId()))
                .map(t -> new SessionTrack(
                        t.position(),
                        views.get(t.trackId()),
                        reasons(t.reasons()),
                        new Outcome(t.playedToEnd(), t.skipped(), t.saved(), t.loved(), t.thumbsDown())))
                .toList();
        return new Detail(summary(row, tracks), items);
    }

    /** Sessions older than the retention go: the outcomes they could still show are long settled. */
    @Scheduled(cron = "${refrain.recommend.discovery.cleanup-cron}")
    @SchedulerLock(
            name = "recommend.discovery-cleanup",
            lockAtMostFor = "30m",
            lockAtLeastFor = "${refrain.jobs.lock-at-least-for}")
    @Transactional
    void cleanup() {
        int gone =
                sessions.deleteBefore(clock.instant().minus(settings.discovery().retention()));
        if (gone > 0) {
            log.info(
                    "Discovery sessions older than {} deleted: {}",
                    settings.discovery().retention(),
                    gone);
        }
    }

    private Summary summary(DiscoveryRepository.SessionRow row, List<DiscoveryRepository.TrackRow> tracks) {
        int accepted = (int)
                tracks.stream().filter(DiscoveryRepository.TrackRow::accepted).count();
        int skipped = (int)
                tracks.stream().filter(DiscoveryRepository.TrackRow::skipped).count();
        double rate = row.trackCount() == 0 ? 0 : Math.round(1000.0 * accepted / row.trackCount()) / 1000.0;
        return new Summary(
                row.id(),
                row.createdAt(),
                json.readValue(row.request(), Asked.class),
                row.trackCount(),
                accepted,
                skipped,
                rate);
    }

    private List<String> reasons(String text) {
        return json.readValue(text, new TypeReference<List<String>>() {});
    }
}
