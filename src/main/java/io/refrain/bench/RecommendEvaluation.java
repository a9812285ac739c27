package io.refrain.bench;

import io.refrain.accounts.BulkAccounts;
import io.refrain.catalog.TrackReference;
import io.refrain.catalog.TrackResolver;
import io.refrain.history.BulkHistory;
import io.refrain.history.ListenPartitions;
import io.refrain.history.ListenSource;
import io.refrain.history.ListenStatsRebuild;
import io.refrain.platform.cli.CliException;
import io.refrain.platform.cli.Progress;
import io.refrain.recommend.OfflineRecommender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code bench recommend}: the recommender's quality on real listening histories. The histories
 * are split at one global time; the listens before it are imported (songs the catalog lacks are
 * added, as an import does), the recommender trains on them (similarity job, popular now as of
 * the split, profiles), and each user with listens after the split gets k recommendations,
 * scored against every song they played after it — resolved against the catalog without adding
 * anything, so a song the training never saw counts as relevant and can never be hit. Two
 * baselines are scored the same way: the most played tracks overall and the user's own most played.
 */
@Service
class RecommendEvaluation {

    static final String PREFIX = "eval-user-";
    static final String DOMAIN = "@refrain.eval";
    private static final int RESOLVE_BATCH = 1000;
    /** A user with at least this many distinct tracks before the split has a history to learn from. */
    static final int WARM = 20;
    /** Fewer tracks with features than this is not the real catalog (the jar's demo catalog has about 2,900). */
    static final long MIN_CATALOG = 10_000;

    /** One method's mean metrics at track and at artist level. */
    record Scores(String method, EvaluationMetrics tracks, EvaluationMetrics artists) {}

    /** One user's part: how much they gave and got, and each method's track and artist hits. */
    record PerUser(
            String user, int trainTracks, int testSongs, int testArtists, int recommended, Map<String, int[]> hits) {}

    /** The whole outcome, for the report. */
    record Result(
            Instant split,
            int k,
            int users,
            int testUsers,
            int coldTestUsers,
            long catalogTracks,
            long trainListens,
            long testListens,
            double testListensInCatalog,
            double testSongsPlayedBefore,
            OfflineRecommender.Training training,
            List<Scores> scores,
            List<Scores> warmScores,
            List<PerUser> perUser,
            long[] recommendMillis) {}

    private final TrackResolver resolver;
    private final BulkAccounts accounts;
    private final BulkHistory history;
    private final ListenPartitions partitions;
    private final ListenStatsRebuild stats;
    private final OfflineRecommender recommender;
    private final EvaluationRepository repository;
    private final TransactionTemplate transaction;

    RecommendEvaluation(
            TrackResolver resolver,
            BulkAccounts accounts,
            BulkHistory history,
            ListenPartitions partitions,
            ListenStatsRebuild stats,
            OfflineRecommender recommender,
            EvaluationRepository repository,
            TransactionTemplate transaction) {
        this.resolver = resolver;
        this.accounts = accounts;
        this.history = history;
        this.partitions = partitions;
        this.stats = stats;
        this.recommender = recommender;
        this.repository = repository;
        this.transaction = transaction;
    }

    Result run(Path file, Instant split, int k) throws Exception {
        if (accounts.countNumbered(PREFIX, DOMAIN) > 0) {
            throw new CliException("this data directory already holds an evaluation (accounts " + PREFIX + "N" + DOMAIN
                    + "); run it on a fresh one: --data-dir DIR");
        }
        long catalogTracks = repository.tracksWithFeatures();
        if (catalogTracks < MIN_CATALOG) {
            throw new CliException(String.format(
                    "the catalog has %,d tracks with audio features; the evaluation recommends from the real catalog: "
                            + "./refrain import catalog ../shared/data/catalog/spotify_songs_tidytuesday_2020-01-21.csv.gz "
                            + "--data-dir DIR first",
                    catalogTracks));
        }
        System.err.printf("catalog: %,d tracks with audio features%n", catalogTracks);
        EvaluationListens listens = EvaluationListens.read(file, split);
        System.err.printf(
                "listens: %,d before %s (train), %,d after (test), %,d unreadable rows left out%n",
                listens.train().size(), split, listens.test().size(), listens.unreadable());

        Map<String, UUID> users = createUsers(listens, split);
        long[] trainIds = resolve(listens.train(), true, "resolve train");
        long[] testIds = resolve(listens.test(), false, "resolve test ");
        long stored = load(listens.train(), trainIds, users);
        System.err.printf("train: %,d listens stored%n", stored);
        Progress statsBar = Progress.onStderr("statistics", users.size());
        stats.rebuild(users.values(), 2, done -> statsBar.update(done, done));
        statsBar.finish(users.size());

        Progress trainBar = Progress.onStderr("similarity (users)", users.size());
        OfflineRecommender.Training training =
                recommender.train(split, users.values(), done -> trainBar.update(done, done));
        trainBar.finish(users.size());
        return evaluate(listens, trainIds, testIds, users, split, k, training, stored);
    }

    private Map<String, UUID> createUsers(EvaluationListens listens, Instant split) throws Exception {
        Set<String> names = new TreeSet<>();
        listens.train().forEach(l -> names.add(l.user()));
        listens.test().forEach(l -> names.add(l.user()));
        Map<String, UUID> users = new LinkedHashMap<>();
        List<BulkAccounts.NewAccount> rows = new ArrayList<>();
        int number = 1;
        for (String name : names) {
            UUID id = UUID.nameUUIDFromBytes(("refrain-eval:" + name).getBytes(StandardCharsets.UTF_8));
            users.put(name, id);
            rows.add(new BulkAccounts.NewAccount(id, PREFIX + number++ + DOMAIN, name));
        }
        accounts.create(rows, "eval-password", Instant.parse("2000-01-01T00:00:00Z"));
        return users;
    }

    /** Track ids of the listens (0 where unresolved), in batches of one transaction each. */
    private long[] resolve(List<EvaluationListens.Listen> listens, boolean createMissing, String label) {
        long[] ids = new long[listens.size()];
        Progress bar = Progress.onStderr(label, listens.size());
        for (int from = 0; from < listens.size(); from += RESOLVE_BATCH) {
            List<EvaluationListens.Listen> batch =
                    listens.subList(from, Math.min(listens.size(), from + RESOLVE_BATCH));
            List<TrackReference> references = batch.stream()
                    .map(l ->
                            new TrackReference(null, l.artist(), l.title(), l.album(), null, null, null, l.spotifyId()))
                    .toList();
            long[] resolved = transaction.execute(
                    status -> resolver.resolve(references, createMissing).trackIds());
            System.arraycopy(resolved, 0, ids, from, resolved.length);
            bar.update(from + batch.size(), from + batch.size());
        }
        bar.finish(listens.size());
        return ids;
    }

    private long load(List<EvaluationListens.Listen> train, long[] ids, Map<String, UUID> users) throws Exception {
        Set<YearMonth> months = new TreeSet<>();
        train.forEach(l -> months.add(YearMonth.from(l.at().atZone(ZoneOffset.UTC))));
        partitions.ensure(months);
        Set<String> seen = new HashSet<>();
        return history.load(ListenSource.IMPORT, "bench-recommend", sink -> {
            for (int i = 0; i < train.size(); i++) {
                var l = train.get(i);
                if (ids[i] > 0
                        && seen.add(
                                l.user() + "|" + l.at() + "|" + ids[i])) { // (user, time, track) is a listen's identity
                    sink.add(new BulkHistory.BulkListen(
                            users.get(l.user()), l.at(), ids[i], l.msPlayed(), l.skipped(), null));
                }
            }
        });
    }

    private Result evaluate(
            EvaluationListens listens,
            long[] trainIds,
            long[] testIds,
            Map<String, UUID> users,
            Instant split,
            int k,
            OfflineRecommender.Training training,
            long stored) {
        Map<String, Set<Long>> trainTracks = new HashMap<>();
        for (int i = 0; i < trainIds.length; i++) {
            if (trainIds[i] > 0) {
                trainTracks
                        .computeIfAbsent(listens.train().get(i).user(), u -> new HashSet<>())
                        .add(trainIds[i]);
            }
        }
        Map<String, Set<String>> relevantSongs = new LinkedHashMap<>();
        Map<String, Set<String>> relevantArtists = new LinkedHashMap<>();
        long testListens = 0;
        long inCatalog = 0;
        long songs = 0;
        long playedBefore = 0;
        for (int i = 0; i < testIds.length; i++) {
            var l = listens.test().get(i);
            if (l.skipped()) {
                continue; // a skip is not a sign of liking
            }
            testListens++;
            String key = testIds[i] > 0 ? "track:" + testIds[i] : l.songKey();
            if (testIds[i] > 0) {
                inCatalog++;
            }
            if (relevantSongs.computeIfAbsent(l.user(), u -> new HashSet<>()).add(key)) {
                songs++;
                if (testIds[i] > 0
                        && trainTracks.getOrDefault(l.user(), Set.of()).contains(testIds[i])) {
                    playedBefore++;
                }
            }
            relevantArtists.computeIfAbsent(l.user(), u -> new HashSet<>()).add(l.artistKey());
        }

        List<Long> popular = repository.mostPlayedOverall(k);
        Map<String, List<EvaluationMetrics[]>> perMethod = new LinkedHashMap<>();
        List<Long> millis = new ArrayList<>();
        int cold = 0;
        List<PerUser> perUser = new ArrayList<>();
        Map<Long, String> artistNames = new HashMap<>(); // first artists of the tracks scored so far (null: none)
        Progress bar = Progress.onStderr("recommend ", relevantSongs.size());
        int done = 0;
        for (String user : relevantSongs.keySet()) {
            UUID id = users.get(user);
            if (!trainTracks.containsKey(user)) {
                cold++;
            }
            long started = System.nanoTime();
            List<Long> refrain = recommender.recommend(id, k, split);
            millis.add((System.nanoTime() - started) / 1_000_000);
            Set<String> userSongs = relevantSongs.get(user);
            Set<String> userArtists = relevantArtists.get(user);
            Map<String, int[]> hits = new LinkedHashMap<>();
            hits.put("refrain", score(perMethod, artistNames, "refrain", refrain, userSongs, userArtists, k));
            hits.put("most popular", score(perMethod, artistNames, "most popular", popular, userSongs, userArtists, k));
            hits.put(
                    "own most played",
                    score(
                            perMethod,
                            artistNames,
                            "own most played",
                            repository.mostPlayedBy(id, k),
                            userSongs,
                            userArtists,
                            k));
            perUser.add(new PerUser(
                    user,
                    trainTracks.getOrDefault(user, Set.of()).size(),
                    userSongs.size(),
                    userArtists.size(),
                    refrain.size(),
                    hits));
            bar.update(++done, done);
        }
        bar.finish(done);
        List<Scores> scores = means(perMethod, perUser, u -> true);
        List<Scores> warmScores = means(perMethod, perUser, u -> u.trainTracks() >= WARM);
        return new Result(
                split,
                k,
                users.size(),
                relevantSongs.size(),
                cold,
                repository.tracksWithFeatures(),
                stored,
                testListens,
                testListens == 0 ? 0 : (double) inCatalog / testListens,
                songs == 0 ? 0 : (double) playedBefore / songs,
                training,
                scores,
                warmScores,
                perUser,
                millis.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /** Each method's mean over the users {@code which} keeps (the lists are in the order of {@code perUser}). */
    private static List<Scores> means(
            Map<String, List<EvaluationMetrics[]>> perMethod,
            List<PerUser> perUser,
            java.util.function.Predicate<PerUser> which) {
        List<Scores> scores = new ArrayList<>();
        perMethod.forEach((method, metrics) -> {
            List<EvaluationMetrics> tracks = new ArrayList<>();
            List<EvaluationMetrics> artists = new ArrayList<>();
            for (int i = 0; i < metrics.size(); i++) {
                if (which.test(perUser.get(i))) {
                    tracks.add(metrics.get(i)[0]);
                    artists.add(metrics.get(i)[1]);
                }
            }
            scores.add(new Scores(method, EvaluationMetrics.mean(tracks), EvaluationMetrics.mean(artists)));
        });
        return scores;
    }

    /** Scores one list for one user; returns its track and artist hits. */
    private int[] score(
            Map<String, List<EvaluationMetrics[]>> perMethod,
            Map<Long, String> artistNames,
            String method,
            List<Long> ranked,
            Set<String> songs,
            Set<String> artists,
            int k) {
        List<String> trackKeys = ranked.stream().map(id -> "track:" + id).toList();
        List<Long> unnamed =
                ranked.stream().filter(id -> !artistNames.containsKey(id)).toList();
        if (!unnamed.isEmpty()) { // the popularity list is the same for every user: named once
            artistNames.putAll(repository.firstArtists(unnamed));
            unnamed.forEach(id -> artistNames.putIfAbsent(id, null));
        }
        List<String> artistKeys = new ArrayList<>(new LinkedHashSet<>(ranked.stream()
                .map(artistNames::get)
                .filter(java.util.Objects::nonNull)
                .toList()));
        perMethod.computeIfAbsent(method, m -> new ArrayList<>()).add(new EvaluationMetrics[] {
            EvaluationMetrics.of(trackKeys, songs, k), EvaluationMetrics.of(artistKeys, artists, k)
        });
        return new int[] {
            (int) trackKeys.stream().limit(k).filter(songs::contains).count(),
            (int) artistKeys.stream().limit(k).filter(artists::contains).count()
        };
    }
}
