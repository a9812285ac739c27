package io.refrain.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.catalog.TrackReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rebuild is the live path's oracle. Random batches (repeats, several users, plays across
 * hour, day and month boundaries, unknown lengths, skips) go through the live write path; after
 * each, rebuilding the user's statistics from the stored listens must change nothing. Both are
 * generated from {@link ListenStatistic}, but by different SQL (per-batch upserts against one
 * set-based aggregation), so a definition that merges wrongly shows here. Seeded: set
 * {@code -Drefrain.test.seed=N} to replay a failure, whose message names its seed and round.
 */
class ListenStatsOracleIT extends HistoryTestSupport {

    private static final long SEED = Long.getLong("refrain.test.seed", 20261203L);
    private static final int ROUNDS = 30;
    /** Around a new year, so hours, days and months all roll over. */
    private static final Instant FROM = Instant.parse("2025-12-31T20:00:00Z");

    private static final long SPAN_SECONDS = Duration.ofDays(33).toSeconds();

    @Autowired
    ListenIngestion ingestion;

    @Autowired
    ListenStatsRebuild rebuild;

    @Test
    void rebuildingFromTheStoredListensChangesNoStatisticTheLivePathKept() {
        Random random = new Random(SEED);
        List<UUID> users =
                List.of(newAccount().id(), newAccount().id(), newAccount().id());
        // a fixed pool (lowest ids), so a seed replays the same batches; a small pool makes repeats likely
        List<Long> tracks = jdbc.sql("select id from tracks where origin = 'import' order by id limit 12")
                .query(Long.class)
                .list();
        Map<UUID, List<ListenInput>> sent = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            UUID user = users.get(random.nextInt(users.size()));
            List<ListenInput> batch = new ArrayList<>();
            List<ListenInput> before = sent.computeIfAbsent(user, u -> new ArrayList<>());
            int size = 1 + random.nextInt(25);
            for (int i = 0; i < size; i++) {
                if (!before.isEmpty() && random.nextInt(5) == 0) {
                    batch.add(before.get(random.nextInt(before.size()))); // sent before: counts nothing again
                } else {
                    Instant at = FROM.plusSeconds(random.nextLong(SPAN_SECONDS));
                    Integer ms = random.nextInt(4) == 0 ? null : 1_000 + random.nextInt(400_000);
                    batch.add(new ListenInput(
                            at,
                            TrackReference.byId(tracks.get(random.nextInt(tracks.size()))),
                            ms,
                            random.nextInt(6) == 0,
                            null,
                            null,
                            "oracle"));
                }
            }
            ingestion.submit(user, batch, ListenSource.API);
            before.addAll(batch);

            Map<String, List<String>> live = statistics(user);
            rebuild.rebuild(List.of(user), 1, done -> {});
            assertThat(statistics(user))
                    .as("seed %d, round %d: rebuilt statistics equal the live ones", SEED, round)
                    .isEqualTo(live);
            StatsCheck.assertConsistent(jdbc, user);
        }
    }

    /** Every statistic table's rows of the user, as JSON text, in a fixed order. */
    private Map<String, List<String>> statistics(UUID user) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (ListenStatistic statistic : ListenStatistic.values()) {
            rows.put(
                    statistic.table,
                    jdbc.sql("select (to_jsonb(s) - 'version')::text from " + statistic.table
                                    + " s where user_id = :user order by 1")
                            .param("user", user)
                            .query(String.class)
                            .list());
        }
        return rows;
    }
}
