package io.refrain.recommend;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Listener profiles, kept per user and recomputed when stale: when the history's, the library's
 * or the feedback's version moved on since it was computed (new listens, saves, loves, ratings,
 * thumbs), or when {@code cache_valid_until} passed (recency weights move with time). A reader of a
 * stale profile gets the stored one at once and a recomputation starts in the background (one
 * per user at a time); only a user without any stored profile waits for the first computation.
 * A job also recomputes stale profiles, oldest first.
 */
@Service
public class ProfileService {

    private static final Logger log = LoggerFactory.getLogger(ProfileService.class);

    /** A stored profile and whether the user's data has moved on since. */
    record Current(ProfileRepository.Stored stored, boolean stale) {}

    private final ProfileRepository profiles;
    private final RecommendProperties.Profile settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Set<UUID> refreshing = ConcurrentHashMap.newKeySet();
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("profile-refresh-", 0).factory());

    ProfileService(
            ProfileRepository profiles, RecommendProperties settings, TransactionTemplate transaction, Clock clock) {
        this.profiles = profiles;
        this.settings = settings.profile();
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The user's profile: the stored one (refreshed in the background when stale), or computed now if none. */
    Current current(UUID user) {
        Optional<ProfileRepository.Stored> stored = profiles.find(user);
        if (stored.isEmpty()) {
            return new Current(compute(user), false);
        }
        boolean stale = isStale(stored.get(), profiles.versions(user));
        if (stale) {
            refreshLater(user);
        }
        return new Current(stored.get(), stale);
    }

    private boolean isStale(ProfileRepository.Stored stored, ProfileRepository.Versions now) {
        return stored.historyVersion() != now.history()
                || stored.libraryVersion() != now.library()
                || stored.feedbackVersion() != now.feedback()
                || clock.instant().isAfter(stored.validUntil());
    }

    /**
     * Computes and stores the user's profile now. The versions are read before the listens, so a
     * write that lands during the computation leaves the stored profile stale, never wrongly fresh.
     */
    ProfileRepository.Stored compute(UUID user) {
        return transaction.execute(status -> {
            long started = System.nanoTime();
            ProfileRepository.Versions versions = profiles.versions(user);
            ListenerProfile profile = profiles.compute(user, settings.halfLife());
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var stored = new ProfileRepository.Stored(
                    profile,
                    ProfileCode.encode(profile.targets()),
                    versions.history(),
                    versions.library(),
                    versions.feedback(),
                    now,
                    now.plus(settings.validFor()),
                    (int) ((System.nanoTime() - started) / 1_000_000));
            profiles.store(user, stored);
            return stored;
        });
    }

    private void refreshLater(UUID user) {
        if (refreshing.add(user)) {
            background.execute(() -> {
                try {
                    compute(user);
                } catch (RuntimeException e) {
                    log.warn("Recomputing the profile of {} failed; the stored one is kept", user, e);
                } finally {
                    refreshing.remove(user);
                }
            });
        }
    }

    /** The job: recomputes stale profiles, oldest first, once across all servers. */
    @Scheduled(fixedDelayString = "${refrain.recommend.profile.refresh-interval}")
    @SchedulerLock(
            name = "recommend.profile-refresh",
            lockAtMostFor = "30m",
            lockAtLeastFor = "${refrain.jobs.lock-at-least-for}")
    void refreshStale() {
        refreshBatch();
    }

    /** Recomputes stale profiles until none is left (the CLI's {@code recommend profiles}); returns how many. */
    int refreshAllStale() {
        int total = 0;
        int done;
        do {
            done = refreshBatch();
            total += done;
        } while (done >= settings.refreshBatch());
        return total;
    }

    private int refreshBatch() {
        int done = 0;
        for (UUID user : profiles.stale(clock.instant(), settings.refreshBatch())) {
            if (refreshing.add(user)) {
                try {
                    compute(user);
                    done++;
                } finally {
                    refreshing.remove(user);
                }
            }
        }
        if (done > 0) {
            log.info("Recomputed {} stale listener profiles", done);
        }
        return done;
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
