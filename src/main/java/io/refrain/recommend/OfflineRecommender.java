package io.refrain.recommend;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.springframework.stereotype.Service;

/**
 * The recommender as an offline evaluation drives it ({@code bench recommend}): train on what is
 * stored (the similarity job, popular now as of the split time, a profile per user), then ask
 * for each user's recommendations as of that time. The same code paths as the API and the jobs;
 * nothing here is a second recommender.
 */
@Service
public class OfflineRecommender {

    /** What training did and took. */
    public record Training(
            long listens,
            long trackNeighbours,
            long artistNeighbours,
            long similarityMillis,
            long popularMillis,
            long profileMillis,
            List<ProfileTime> profiles) {}

    /** One profile's computation: the listens it read and how long it took (as stored with the profile). */
    public record ProfileTime(UUID user, long listens, int millis) {}

    private final SimilarityJob similarity;
    private final PopularNow popular;
    private final ProfileService profiles;
    private final Recommender recommender;

    OfflineRecommender(SimilarityJob similarity, PopularNow popular, ProfileService profiles, Recommender recommender) {
        this.similarity = similarity;
        this.popular = popular;
        this.profiles = profiles;
        this.recommender = recommender;
    }

    /** Runs the similarity job over every stored listen, popular now as of {@code asOf}, and the users' profiles; {@code progress} gets users done. */
    public Training train(Instant asOf, Collection<UUID> users, LongConsumer progress) {
        SimilarityJob.Result result = similarity.run((done, total, listens) -> progress.accept(done));
        long started = System.currentTimeMillis();
        popular.refresh(asOf);
        long popularMillis = System.currentTimeMillis() - started;
        started = System.currentTimeMillis();
        List<ProfileTime> times = users.stream()
                .map(user -> {
                    var stored = profiles.compute(user);
                    return new ProfileTime(user, stored.profile().listens(), stored.computationMs());
                })
                .toList();
        return new Training(
                result.listens(),
                result.trackPairs(),
                result.artistPairs(),
                result.millis(),
                popularMillis,
                System.currentTimeMillis() - started,
                times);
    }

    /** The user's recommendations from their own profile as of {@code asOf}: track ids, best first. */
    public List<Long> recommend(UUID user, int limit, Instant asOf) {
        return recommender
                .recommend(user, RecommendationRequest.fromMyProfile(limit, false, null), asOf)
                .tracks()
                .stream()
                .map(t -> t.track().id())
                .toList();
    }
}
