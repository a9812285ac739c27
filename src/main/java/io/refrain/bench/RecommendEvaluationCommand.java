package io.refrain.bench;

import io.refrain.platform.cli.CliCommand;
import io.refrain.platform.cli.CliException;
import io.refrain.recommend.OfflineRecommender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code refrain bench recommend [--listens FILE] [--split TIME] [--k N] [--out DIR] [--data-dir DIR]}:
 * the offline evaluation of {@link RecommendEvaluation}, on a fresh data directory. Prints a table
 * and writes {@code report.json} into {@code --out} (default {@code target/bench/recommend-<time>}).
 */
@Component
class RecommendEvaluationCommand implements CliCommand {

    static final Path DEFAULT_LISTENS = Path.of("../shared/data/listens/listens_combined.csv.gz");
    /** Eight of the fourteen histories have listens after it, six of those before it too. */
    static final Instant DEFAULT_SPLIT = Instant.parse("2022-09-01T00:00:00Z");

    private final RecommendEvaluation evaluation;
    private final JsonMapper json;

    RecommendEvaluationCommand(RecommendEvaluation evaluation, JsonMapper json) {
        this.evaluation = evaluation;
        this.json = json;
    }

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String subject() {
        return "recommend";
    }

    @Override
    public int run(List<String> arguments) {
        Path listens = DEFAULT_LISTENS;
        Instant split = DEFAULT_SPLIT;
        int k = 50;
        Path out = Path.of("target/bench/recommend-" + Instant.now().toString().replace(':', '-'));
        for (int i = 0; i < arguments.size(); i++) {
            String option = arguments.get(i);
            if (i + 1 >= arguments.size()) {
                throw new CliException(
                        option
                                + " needs a value; usage: refrain bench recommend [--listens FILE] [--split TIME] [--k N] [--out DIR]");
            }
            String value = arguments.get(++i);
            switch (option) {
                case "--listens" -> listens = Path.of(value);
                case "--split" -> {
                    try {
                        split = Instant.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new CliException("--split must be a UTC time such as 2022-09-01T00:00:00Z");
                    }
                }
                case "--k" -> {
                    try {
                        k = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        k = 0;
                    }
                    if (k < 1 || k > 100) {
                        throw new CliException("--k must be between 1 and 100");
                    }
                }
                case "--out" -> out = Path.of(value);
                default -> throw new CliException("unknown option " + option + " (--listens, --split, --k, --out)");
            }
        }
        RecommendEvaluation.Result result;
        try {
            result = evaluation.run(listens, split, k);
            Files.createDirectories(out);
            Files.writeString(
                    out.resolve("report.json"),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        } catch (CliException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the evaluation failed", e);
        }
        System.out.print(describe(result));
        System.out.println("report: " + out.resolve("report.json"));
        return 0;
    }

    private static void table(StringBuilder s, String title, List<RecommendEvaluation.Scores> scores, int k) {
        s.append(String.format(
                Locale.ROOT,
                "%n%s:%n| method | track hit rate@%2$d | track recall@%2$d | track NDCG@%2$d | artist hit rate@%2$d | artist recall@%2$d | artist NDCG@%2$d |%n",
                title,
                k));
        s.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (var score : scores) {
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | %.3f | %.4f | %.4f | %.3f | %.4f | %.4f |%n",
                    score.method(),
                    score.tracks().hitRate(),
                    score.tracks().recall(),
                    score.tracks().ndcg(),
                    score.artists().hitRate(),
                    score.artists().recall(),
                    score.artists().ndcg()));
        }
    }

    static String describe(RecommendEvaluation.Result r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "split %s: %d histories, %,d train listens stored, %,d catalog tracks with audio features; %d users with test listens (%d with nothing before the split), "
                        + "%,d test plays (skips left out), %.1f %% of them of a catalog track, %.1f %% of the test songs played before the split%n",
                r.split(),
                r.users(),
                r.trainListens(),
                r.catalogTracks(),
                r.testUsers(),
                r.coldTestUsers(),
                r.testListens(),
                100 * r.testListensInCatalog(),
                100 * r.testSongsPlayedBefore()));
        s.append(String.format(
                Locale.ROOT,
                "training: similarity over %,d listens in %.1f s (%,d track and %,d artist neighbours), popular now %d ms, profiles %d ms%n",
                r.training().listens(),
                r.training().similarityMillis() / 1000.0,
                r.training().trackNeighbours(),
                r.training().artistNeighbours(),
                r.training().popularMillis(),
                r.training().profileMillis()));
        table(s, "all users with test listens", r.scores(), r.k());
        table(s, "users with at least " + RecommendEvaluation.WARM + " tracks before the split", r.warmScores(), r.k());
        s.append(String.format("%n| user | train tracks | test songs | test artists | recommended |"));
        r.scores().forEach(score -> s.append(" ").append(score.method()).append(" hits (tracks/artists) |"));
        s.append(String.format("%n|---|---:|---:|---:|---:|"));
        r.scores().forEach(score -> s.append("---:|"));
        s.append(String.format("%n"));
        for (var u : r.perUser()) {
            s.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %,d | %d |",
                    u.user(),
                    u.trainTracks(),
                    u.testSongs(),
                    u.testArtists(),
                    u.recommended()));
            u.hits().values().forEach(h -> s.append(String.format(" %d / %d |", h[0], h[1])));
            s.append(String.format("%n"));
        }
        r.training().profiles().stream()
                .max(java.util.Comparator.comparingLong(OfflineRecommender.ProfileTime::listens))
                .ifPresent(p -> s.append(String.format(
                        Locale.ROOT,
                        "%nthe largest profile: %,d listens, computed in %d ms%n",
                        p.listens(),
                        p.millis())));
        long[] ms = r.recommendMillis();
        if (ms.length > 0) {
            s.append(String.format(
                    Locale.ROOT,
                    "%nrecommendation time per user: median %d ms, max %d ms%n",
                    ms[ms.length / 2],
                    ms[ms.length - 1]));
        }
        return s.toString();
    }
}
