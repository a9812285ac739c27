package io.refrain.recommend;

import io.refrain.catalog.TrackUsage;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Thumbs up and down on tracks and artists: a hard filter of recommendations (nothing hated is
 * recommended, nor any track of a hated artist) and a signal at once (a loved track weighs in the
 * profile, a loved artist's tracks score higher). Every change raises the user's feedback version,
 * so the profile knows it is stale. Tracks with feedback are in use for the catalog's cleanup.
 */
@Service
public class FeedbackService implements TrackUsage {

    private record After(@CursorCodec.EpochMicros Instant at, long id) {}

    private static final CursorCodec<After> CURSOR = CursorCodec.of(After.class);
    private static final After START = new After(Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE);

    private final FeedbackRepository feedback;
    private final Clock clock;

    FeedbackService(FeedbackRepository feedback, Clock clock) {
        this.feedback = feedback;
        this.clock = clock;
    }

    @Transactional
    Feedback put(UUID user, Feedback.Target target, long id, String score) {
        int value = Feedback.score(score);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (feedback.put(user, target, id, value, now)) {
            feedback.bump(user);
        } else if (!feedback.exists(target, id)) {
            throw ApiException.notFound("There is no " + target.name + " " + id + ".");
        }
        return feedback.find(user, target, id).orElseThrow();
    }

    @Transactional
    void remove(UUID user, Feedback.Target target, long id) {
        if (feedback.remove(user, target, id)) {
            feedback.bump(user);
        }
    }

    @Transactional(readOnly = true)
    Page<Feedback> page(UUID user, Feedback.Target target, String score, int limit, String cursor) {
        int value = score == null ? 0 : Feedback.score(score);
        After after = CURSOR.decodeOr(cursor, START);
        List<Feedback> rows = feedback.page(user, target, value, after.at(), after.id(), limit + 1);
        boolean more = rows.size() > limit;
        List<Feedback> items = more ? rows.subList(0, limit) : rows;
        String next = more
                ? CURSOR.encode(
                        new After(items.getLast().createdAt(), items.getLast().id()))
                : null;
        return new Page<>(items, next);
    }

    @Override
    public Set<Long> inUse(Collection<Long> trackIds) {
        return trackIds.isEmpty() ? Set.of() : new HashSet<>(feedback.tracksWithFeedback(List.copyOf(trackIds)));
    }
}
