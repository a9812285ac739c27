package io.refrain.recommend;

import io.refrain.platform.cli.CliCommand;
import io.refrain.platform.cli.CliException;
import io.refrain.platform.cli.Progress;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code refrain recommend similarity|popular|profiles|generated}: runs one of the module's jobs now, with
 * progress on stderr and a summary on stdout (the same work the scheduled jobs do).
 */
@Component
class RecommendCommand implements CliCommand {

    private final SimilarityJob similarity;
    private final PopularNow popular;
    private final ProfileService profiles;
    private final GeneratedPlaylists generated;

    RecommendCommand(
            SimilarityJob similarity, PopularNow popular, ProfileService profiles, GeneratedPlaylists generated) {
        this.similarity = similarity;
        this.popular = popular;
        this.profiles = profiles;
        this.generated = generated;
    }

    @Override
    public String name() {
        return "recommend";
    }

    @Override
    public int run(List<String> arguments) {
        if (arguments.size() != 1) {
            throw new CliException("usage: refrain recommend similarity|popular|profiles|generated [--data-dir DIR]");
        }
        switch (arguments.getFirst()) {
            case "similarity" -> {
                Progress[] bar = new Progress[1];
                var result = similarity.run((done, total, listens) -> {
                    if (bar[0] == null) {
                        bar[0] = Progress.onStderr("similarity (users)", total);
                    }
                    bar[0].update(done, listens);
                });
                if (bar[0] != null) {
                    bar[0].finish(result.listens());
                }
                System.out.printf(
                        "similarity run %d: %,d users, %,d listens, %,d track neighbours, %,d artist neighbours in %.1f s%n",
                        result.run(),
                        result.users(),
                        result.listens(),
                        result.trackPairs(),
                        result.artistPairs(),
                        result.millis() / 1000.0);
            }
            case "popular" -> {
                var result = popular.refresh();
                System.out.printf("popular now: %,d entries in %d ms%n", result.entries(), result.millis());
            }
            case "profiles" -> {
                int done = profiles.refreshAllStale();
                System.out.printf("recomputed %,d stale listener profiles%n", done);
            }
            case "generated" -> {
                Progress[] bar = new Progress[1];
                var run = generated.regenerate((done, total) -> {
                    if (bar[0] == null) {
                        bar[0] = Progress.onStderr("generated playlists", total);
                    }
                    bar[0].update(done, done);
                });
                if (bar[0] != null) {
                    bar[0].finish(run.users());
                }
                System.out.printf(
                        "generated %,d playlists (%,d failed) in %.1f s%n",
                        run.playlists(), run.failed(), run.millis() / 1000.0);
            }
            default ->
                throw new CliException(
                        "unknown: recommend " + arguments.getFirst() + " (similarity, popular, profiles or generated)");
        }
        return 0;
    }
}
