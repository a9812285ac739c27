package io.refrain.library;

import io.refrain.platform.errors.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's ratings (0–5 in half steps) of tracks, albums and artists, and loved
 * tracks. Ratings and the loved flag of tracks show on every track the user sees (see
 * {@link LibraryTrackState}).
 */
@Service
class RatingService {

    public static final double MIN = 0;
    public static final double MAX = 5;

    private final RatingRepository ratings;
    private final LibraryVersionRepository versions;
    private final Clock clock;

    RatingService(RatingRepository ratings, LibraryVersionRepository versions, Clock clock) {
        this.ratings = ratings;
        this.versions = versions;
        this.clock = clock;
    }

    /** Rates a catalog entry, replacing an earlier rating; 404 for an entry the catalog does not have. */
    @Transactional
    public double rate(UUID userId, Rated kind, long id, Double rating) {
        BigDecimal value = valid(rating);
        boolean rated;
        try {
            rated = ratings.rate(kind, userId, id, value, Cursors.now(clock));
        } catch (DataIntegrityViolationException e) { // the entry was deleted meanwhile
            rated = false;
        }
        if (!rated) {
            throw ApiException.notFound("There is no " + kind.noun + " " + id + ".");
        }
        versions.bump(userId);
        return value.doubleValue();
    }

    /** Removes a rating; nothing happens when there is none. */
    @Transactional
    public void unrate(UUID userId, Rated kind, long id) {
        if (ratings.unrate(kind, userId, id)) {
            versions.bump(userId);
        }
    }

    /** The user's ratings of these entries in the order asked, null where not rated. */
    @Transactional(readOnly = true)
    public List<Double> ratings(UUID userId, Rated kind, List<Long> requested) {
        Map<Long, Double> found = ratings.ratings(kind, userId, Batch.ids(requested));
        return requested.stream().map(found::get).toList();
    }

    @Transactional
    public void love(UUID userId, long trackId) {
        RatingRepository.Loved loved;
        try {
            loved = ratings.love(userId, trackId, Cursors.now(clock));
        } catch (DataIntegrityViolationException e) { // the track was deleted meanwhile
            loved = RatingRepository.Loved.NO_SUCH_TRACK;
        }
        if (loved == RatingRepository.Loved.NO_SUCH_TRACK) {
            throw ApiException.notFound("There is no track " + trackId + ".");
        }
        if (loved == RatingRepository.Loved.NOW) {
            versions.bump(userId);
        }
    }

    @Transactional
    public void unlove(UUID userId, long trackId) {
        if (ratings.unlove(userId, trackId)) {
            versions.bump(userId);
        }
    }

    static BigDecimal valid(Double rating) {
        if (rating == null) {
            throw ApiException.invalidField("rating", "must be given");
        }
        if (rating.isNaN() || rating < MIN || rating > MAX || rating * 2 != Math.rint(rating * 2)) {
            throw ApiException.invalidField("rating", "must be 0 to 5 in steps of 0.5");
        }
        return BigDecimal.valueOf(rating).setScale(1, java.math.RoundingMode.UNNECESSARY);
    }
}
