package io.refrain.recommend;

import io.refrain.accounts.AccountService;
import io.refrain.catalog.CatalogService;
import io.refrain.catalog.TrackView;
import io.refrain.playlists.PlaylistMaker;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generated playlists: per user a daily mix (familiar music) and a weekly discovery (tracks never
 * played, from the recommender with the user's profile), {@value #SIZE} tracks with at most
 * {@value #PER_ARTIST} per artist. A job regenerates expired ones for recently active users, each
 * user in its own transaction (one failure does not undo the others); a user who asks before the
 * job came round gets theirs generated then. A copy makes a real playlist the user keeps.
 */
@Service
class GeneratedPlaylists {

    static final int SIZE = 50;
    static final int PER_ARTIST = 2;
    private static final int JOB_BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(GeneratedPlaylists.class);

    @Schema(description = "a generated playlist: a daily mix or a weekly discovery")
    record View(
            @Schema(description = "daily-mix or weekly-discovery")
            String kind,

            String name,
            String description,
            Instant generatedAt,
            Instant expiresAt,
            List<TrackView> tracks) {}

    @Schema(description = "the playlist a copy made")
    record Copy(UUID playlistId, String href, int trackCount) {}

    /** Progress of a run: playlists handled so far of all that were due when it started. */
    interface Progress {
        void update(long done, long total);
    }

    /** How a job run went. */
    record Run(int users, int playlists, int failed, long millis) {}

    private final GeneratedRepository generated;
    private final Recommender recommender;
    private final CatalogService catalog;
    private final AccountService accounts;
    private final PlaylistMaker maker;
    private final RecommendProperties.Generated settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    GeneratedPlaylists(
            GeneratedRepository generated,
            Recommender recommender,
            CatalogService catalog,
            AccountService accounts,
            PlaylistMaker maker,
            RecommendProperties settings,
            TransactionTemplate transaction,
            Clock clock) {
        this.generated = generated;
        this.recommender = recommender;
        this.catalog = catalog;
        this.accounts = accounts;
        this.maker = maker;
        this.settings = settings.generated();
        this.transaction = transaction;
        this.clock = clock;
    }

    List<View> mine(UUID user) {
        return List.of(get(user, GeneratedKind.DAILY_MIX), get(user, GeneratedKind.WEEKLY_DISCOVERY));
    }

    /** The user's current playlist of this kind, generated now when missing or expired. */
    View get(UUID user, GeneratedKind kind) {
        GeneratedRepository.Stored stored = current(user, kind);
        return new View(
                kind.path,
                kind.title,
                kind.description,
                stored.generatedAt(),
                stored.expiresAt(),
                catalog.tracks(user, stored.trackIds()));
    }

    /** A new private playlist of the user with the current tracks of this kind. */
    Copy copy(UUID user, GeneratedKind kind) {
        GeneratedRepository.Stored stored = current(user, kind);
        String day = LocalDate.ofInstant(stored.generatedAt(), ZoneOffset.UTC).toString();
        // a track removed from the catalog since the generation is left out, not an error of the user's
        List<Long> tracks = catalog.tracks(null, stored.trackIds()).stream()
                .map(TrackView::id)
                .toList();
        UUID id = maker.make(user, kind.title + " " + day, kind.description, tracks);
        return new Copy(id, "/api/v1/playlists/" + id, tracks.size());
    }

    private GeneratedRepository.Stored current(UUID user, GeneratedKind kind) {
        Instant now = clock.instant();
        return generated
                .find(user, kind)
                .filter(s -> s.expiresAt().isAfter(now))
                .orElseGet(() -> generate(user, kind, now));
    }

    /** Generates and stores one playlist in its own transaction. */
    GeneratedRepository.Stored generate(UUID user, GeneratedKind kind, Instant now) {
        return transaction.execute(status -> {
            Instant at = now.truncatedTo(ChronoUnit.MICROS);
            List<Long> tracks =
                    switch (kind) {
                        case DAILY_MIX ->
                            generated.dailyMix(
                                    user,
                                    at,
                                    LocalDate.ofInstant(at, ZoneOffset.UTC).toString(),
                                    accounts.blocksExplicitContent(user),
                                    SIZE,
                                    PER_ARTIST);
                        case WEEKLY_DISCOVERY ->
                            recommender
                                    .recommend(user, RecommendationRequest.fromMyProfile(SIZE, true, weekOf(at)))
                                    .tracks()
                                    .stream()
                                    .map(t -> t.track().id())
                                    .toList();
                    };
            Duration ttl = kind == GeneratedKind.DAILY_MIX ? settings.dailyMixTtl() : settings.weeklyDiscoveryTtl();
            generated.store(user, kind, at, at.plus(ttl), tracks);
            return new GeneratedRepository.Stored(kind.column, at, at.plus(ttl), tracks);
        });
    }

    private static long weekOf(Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return day.get(IsoFields.WEEK_BASED_YEAR) * 100L + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    @Scheduled(cron = "${refrain.recommend.generated.cron}")
    @SchedulerLock(
            name = "recommend.generated-playlists",
            lockAtMostFor = "6h",
            lockAtLeastFor = "${refrain.jobs.lock-at-least-for}")
    void scheduledRegenerate() {
        regenerate((done, total) -> {});
    }

    /** What the job does: every due playlist of every active user, batch by batch, with progress. */
    Run regenerate(Progress progress) {
        long started = System.currentTimeMillis();
        Instant now = clock.instant();
        Instant activeSince = now.minus(settings.activeWithin());
        long total = 0;
        for (GeneratedKind kind : GeneratedKind.values()) {
            total += generated.countDue(kind, activeSince, now);
        }
        int users = 0;
        int made = 0;
        int failed = 0;
        for (GeneratedKind kind : GeneratedKind.values()) {
            UUID after = new UUID(0, 0); // the lowest in PostgreSQL's (bytewise) uuid order
            List<UUID> batch;
            do {
                batch = generated.due(kind, activeSince, now, after, JOB_BATCH);
                for (UUID user : batch) {
                    try {
                        generate(user, kind, now);
                        made++;
                    } catch (RuntimeException e) {
                        failed++;
                        log.warn("Generating the {} of {} failed; the next run tries again", kind.path, user, e);
                    }
                    users++;
                    progress.update(users, total);
                }
                if (!batch.isEmpty()) {
                    after = batch.getLast();
                    log.info("Generated playlists: {} of {} due ({} failed)", users, total, failed);
                }
            } while (batch.size() == JOB_BATCH);
        }
        var run = new Run(users, made, failed, System.currentTimeMillis() - started);
        log.info(
                "Generated playlists done: {} playlists for {} user-kinds, {} failed, in {} ms",
                run.playlists(),
                run.users(),
                run.failed(),
                run.millis());
        return run;
    }
}
