package io.refrain.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Generates the listening history, deterministically for a seed. Every tenth user is sparse
 * (a handful of plays with long gaps, the last one more than a year ago); the others share the
 * rest of the listens with heavy-tailed weights. A user has one to three favourite genres and a
 * personal core of favourite tracks: plays come from the core, from the favourite genres
 * (Zipf over popularity) and from the whole catalog. Plays come in sessions over the last
 * three years, more in the evening and at weekends; times strictly increase per user, so
 * (user, time, track) is unique. Most plays are the whole track, some are skips.
 */
final class ListenPlan {

    static final Duration HISTORY = Duration.ofDays(3 * 365);
    private static final double[] HOUR_WEIGHTS = {
        2, 1.2, 0.7, 0.4, 0.3, 0.4, 1, 2, 3, 3, 3, 3.2, 3.5, 3.2, 3, 3.2, 3.8, 4.5, 5.5, 6.5, 7, 6.5, 5, 3.5
    };
    private static final String[] CONTEXTS = {"album", "playlist", "library", "radio", "artist", "search"};
    private static final long DAY = Duration.ofDays(1).toMillis();

    /** Receives the listens, user by user, each user's in time order. */
    interface Sink {
        void accept(UUID user, long listenedAtMillis, long trackId, Integer msPlayed, boolean skipped, String context)
                throws Exception;
    }

    private final BenchCatalog catalog;
    private final long seed;
    private final long now;
    private final int[] genres;
    private final double[] hourCumulative = new double[24];

    ListenPlan(BenchCatalog catalog, long seed, Instant now) {
        this.catalog = catalog;
        this.seed = seed;
        this.now = now.toEpochMilli();
        this.genres = catalog.byGenre().keySet().stream()
                .mapToInt(Integer::intValue)
                .sorted()
                .toArray();
        double sum = 0;
        for (int h = 0; h < 24; h++) {
            sum += HOUR_WEIGHTS[h];
            hourCumulative[h] = sum;
        }
    }

    /** The oldest instant a listen can have (partitions must exist from its month on). */
    Instant oldest() {
        return Instant.ofEpochMilli(now).minus(HISTORY);
    }

    static boolean sparse(int userNumber) {
        return userNumber % 10 == 0;
    }

    /** Plays per user, summing to {@code total}: sparse users a few each, the rest heavy-tailed. */
    long[] allocate(List<BenchUsers.BenchUser> users, long total) {
        RandomGenerator random = random(-1);
        long[] counts = new long[users.size()];
        double[] weights = new double[users.size()];
        double weightSum = 0;
        long left = total;
        for (int i = 0; i < users.size(); i++) {
            if (sparse(users.get(i).number())) {
                counts[i] = Math.min(left, 3 + random.nextInt(18));
                left -= counts[i];
            } else {
                weights[i] = Math.exp(random.nextGaussian());
                weightSum += weights[i];
            }
        }
        long spread = left;
        for (int i = 0; i < users.size() && weightSum > 0; i++) {
            long share = (long) Math.floor(spread * weights[i] / weightSum);
            counts[i] += share;
            left -= share;
        }
        for (int i = 0; left > 0; i = (i + 1) % users.size()) {
            if (weights[i] > 0 || weightSum == 0) {
                counts[i]++;
                left--;
            }
        }
        return counts;
    }

    void generate(BenchUsers.BenchUser user, long count, Sink sink) throws Exception {
        if (count == 0 || catalog.size() == 0) {
            return;
        }
        RandomGenerator random = random(user.number());
        Taste taste = taste(random);
        long[] starts = sessionStarts(random, count, sparse(user.number()));
        long[] at = new long[(int) count];
        int[] track = new int[(int) count];
        Integer[] ms = new Integer[(int) count];
        boolean[] skipped = new boolean[(int) count];
        long time = Long.MIN_VALUE;
        int session = -1;
        int leftInSession = 0;
        for (int i = 0; i < count; i++) {
            if (leftInSession == 0 && session + 1 < starts.length) {
                session++;
                leftInSession = sparse(user.number())
                        ? 1 + random.nextInt(3)
                        : 1 + (int) Math.min(40, random.nextExponential() * 8);
                time = Math.max(time + 1000, starts[session]);
            }
            leftInSession = Math.max(0, leftInSession - 1);
            int t = taste.pick(random);
            int duration = catalog.durations()[t];
            boolean skip = random.nextDouble() < 0.12;
            int played = skip ? Math.min(duration, 5000 + random.nextInt(55_000)) : duration;
            at[i] = time;
            track[i] = t;
            skipped[i] = skip;
            // a few clients report no play time; the statistics then count the track's duration
            ms[i] = !skip && random.nextDouble() < 0.05 ? null : played;
            time += played + 1000 + random.nextInt(4000);
        }
        // sessions can push the last plays past "now": move the whole history back instead
        long latest = sparse(user.number()) ? now - 400 * DAY : now - 60_000;
        long shift = Math.max(0, at[(int) count - 1] - latest);
        for (int i = 0; i < count; i++) {
            sink.accept(
                    user.id(),
                    at[i] - shift,
                    catalog.trackIds()[track[i]],
                    ms[i],
                    skipped[i],
                    CONTEXTS[(track[i] + user.number()) % CONTEXTS.length]);
        }
    }

    /** Session start times, sorted: a day in the user's span (weekends weigh more), an hour by the daily rhythm. */
    private long[] sessionStarts(RandomGenerator random, long count, boolean sparse) {
        long from;
        long to;
        int sessions;
        if (sparse) {
            from = now - HISTORY.toMillis() + 30 * DAY;
            to = now - 2 * 365 * DAY;
            sessions = (int) count;
        } else {
            from = now - (long) (HISTORY.toMillis() * (0.3 + 0.65 * random.nextDouble()));
            to = now - DAY;
            sessions = (int) Math.max(1, count / 8);
        }
        long days = Math.max(1, (to - from) / DAY);
        long[] starts = new long[sessions];
        for (int s = 0; s < sessions; s++) {
            long day;
            do {
                day = from / DAY + random.nextLong(days);
            } while (!weekend(day) && random.nextDouble() > 1 / 1.4);
            starts[s] = day * DAY + hour(random) * 3_600_000L + random.nextLong(3_600_000L);
        }
        Arrays.sort(starts);
        return starts;
    }

    private static boolean weekend(long epochDay) {
        long dayOfWeek = Math.floorMod(epochDay + 3, 7); // 1970-01-01 was a Thursday; 0 = Monday
        return dayOfWeek >= 5;
    }

    private int hour(RandomGenerator random) {
        double x = random.nextDouble() * hourCumulative[23];
        int h = 0;
        while (hourCumulative[h] < x) {
            h++;
        }
        return h;
    }

    private Taste taste(RandomGenerator random) {
        int favourites = 1 + random.nextInt(3);
        int[][] lists = new int[favourites][];
        for (int i = 0; i < favourites; i++) {
            // a random track's genre: big genres are favourites more often
            int genre = catalog.genreOf()[random.nextInt(catalog.size())];
            lists[i] = genre >= 0
                    ? catalog.byGenre().get(genre)
                    : catalog.byGenre().get(genres[random.nextInt(genres.length)]);
            if (lists[i] == null) {
                lists[i] = new int[] {random.nextInt(catalog.size())};
            }
        }
        int[] core = new int[20 + random.nextInt(60)];
        for (int i = 0; i < core.length; i++) {
            int[] list = lists[random.nextInt(favourites)];
            core[i] = list[Math.min(list.length - 1, zipf(random, list.length) * 3 + random.nextInt(3))];
        }
        return new Taste(lists, core, catalog.size());
    }

    /** A rank in [0, n) with probability roughly proportional to 1 / (rank + 1). */
    static int zipf(RandomGenerator random, int n) {
        return (int) Math.min(n - 1, Math.max(0, Math.floor(Math.pow(n + 1, random.nextDouble())) - 1));
    }

    private record Taste(int[][] genres, int[] core, int catalogSize) {
        int pick(RandomGenerator random) {
            double x = random.nextDouble();
            if (x < 0.4) {
                return core[random.nextInt(core.length)];
            }
            if (x < 0.85) {
                int[] list = genres[random.nextDouble() < 0.6 ? 0 : random.nextInt(genres.length)];
                return list[zipf(random, list.length)];
            }
            return zipf(random, catalogSize);
        }
    }

    private RandomGenerator random(int userNumber) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed * 0x9E3779B97F4A7C15L + userNumber);
    }
}
