package io.refrain.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.catalog.TrackReference;
import io.refrain.support.StatementCounter;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sparse-user trap (ListenBrainz, time-chunked storage): with five years of monthly
 * partitions, a user whose only listens are three years old must get recently played as
 * cheaply as someone who listened an hour ago. Proven on the plan of the very statement
 * ListenReader runs: the partitions it executes and the buffers it reads stay small and do not
 * grow with the number of partitions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparseUserRecentlyPlayedIT extends HistoryTestSupport {

    static final int MONTHS = 60;
    static final int PER_MONTH = 25;
    static final int MAX_BUFFERS = 50;

    @Autowired
    net.ttddyy.dsproxy.support.ProxyDataSource dataSource;

    @Autowired
    ListenIngestion ingestion;

    Account active;
    Account sparse;
    Account returning;
    List<Long> tracks;
    Instant newest;
    Instant sparseNewest;

    @BeforeEach
    void fiveYearsOfHistory() { // once per class (PER_CLASS), after the base class made the API client
        if (active != null) {
            return;
        }
        active = newAccount();
        sparse = newAccount();
        tracks = trackIds(5);
        newest = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        List<ListenInput> listens = new ArrayList<>();
        for (int month = 0; month < MONTHS; month++) {
            Instant base = newest.atOffset(ZoneOffset.UTC).minusMonths(month).toInstant();
            for (int k = 0; k < PER_MONTH; k++) {
                listens.add(listen(base.minus(k, ChronoUnit.MINUTES), tracks.get(k % tracks.size())));
            }
        }
        for (int from = 0; from < listens.size(); from += ListenRules.MAX_BATCH) {
            ingestion.submit(
                    active.id(),
                    listens.subList(from, Math.min(listens.size(), from + ListenRules.MAX_BATCH)),
                    ListenSource.API);
        }
        sparseNewest = newest.atOffset(ZoneOffset.UTC).minusYears(3).toInstant();
        List<ListenInput> old = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            old.add(listen(sparseNewest.minus(k, ChronoUnit.HOURS), tracks.get(k)));
        }
        ingestion.submit(sparse.id(), old, ListenSource.API);
        // back after three silent years: three listens now, three from before the gap
        returning = newAccount();
        List<ListenInput> both = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            both.add(listen(newest.minus(k, ChronoUnit.MINUTES), tracks.get(k)));
            both.add(listen(sparseNewest.minus(k, ChronoUnit.MINUTES), tracks.get(k)));
        }
        ingestion.submit(returning.id(), both, ListenSource.API);
        fillWithOtherListeners();
    }

    /** Other users' listens in every month, so partitions have real indexes and the planner real statistics. */
    private void fillWithOtherListeners() {
        for (int i = 0; i < 3; i++) {
            UUID other = newAccount().id();
            jdbc.sql("""
                            insert into listens (user_id, listened_at, track_id, source)
                            select :user, m + g * interval '17 minutes' + :offset * interval '1 second', :track, 'api'
                            from generate_series(date_trunc('month', :first::timestamptz at time zone 'UTC') at time zone 'UTC',
                                                 :last::timestamptz, interval '1 month') m,
                                 generate_series(0, 999) g
                            where m + g * interval '17 minutes' < :last::timestamptz""")
                    .param("user", other)
                    .param("offset", i)
                    .param("track", tracks.get(i))
                    .param(
                            "first",
                            java.sql.Timestamp.from(newest.atOffset(ZoneOffset.UTC)
                                    .minusMonths(MONTHS - 1)
                                    .toInstant()))
                    .param("last", java.sql.Timestamp.from(newest))
                    .update();
        }
        jdbc.sql("analyze listens").update();
    }

    private static ListenInput listen(Instant at, long trackId) {
        return new ListenInput(at, TrackReference.byId(trackId), 180_000, false, null, null, "test");
    }

    @Test
    void thereAreFiveYearsOfPartitions() {
        long partitions = jdbc.sql("select count(*) from pg_inherits where inhparent = 'listens'::regclass")
                .query(Long.class)
                .single();
        assertThat(partitions).isGreaterThanOrEqualTo(MONTHS);
    }

    @Test
    void recentlyPlayedOfASparseUserExecutesOnlyTheMonthsHoldingTheirListens() {
        PlanSummary plan = explain(ListenReader.sql(false, false, false), sparse.id(), month(sparseNewest));
        System.out.println("EXPLAIN recently played, sparse user: " + plan.describe());
        assertThat(plan.planned()).isEqualTo(1); // pruned while planning: no other month is even looked at
        assertThat(plan.executed()).containsExactly(partition(sparseNewest));
        assertThat(plan.sharedBuffers()).isLessThan(MAX_BUFFERS);

        var page = api.get("/api/v1/me/recently-played?limit=50", sparse.accessToken())
                .assertStatus(200)
                .json();
        assertThat(page.path("items")).hasSize(5);
        assertThat(Instant.parse(page.path("items").get(0).path("listenedAt").asString()))
                .isEqualTo(sparseNewest);
        assertThat(page.path("next").isNull() || page.path("next").isMissingNode())
                .isTrue();
    }

    @Test
    void recentlyPlayedOfAnActiveUserReadsTheNewestMonthOnly() {
        PlanSummary plan = explain(ListenReader.sql(false, false, false), active.id(), month(newest));
        System.out.println("EXPLAIN recently played, active user: " + plan.describe());
        assertThat(plan.planned()).isEqualTo(1);
        assertThat(plan.executed()).containsExactly(partition(newest));
        assertThat(plan.sharedBuffers()).isLessThan(MAX_BUFFERS);

        var page = api.get("/api/v1/me/recently-played", active.accessToken())
                .assertStatus(200)
                .json();
        assertThat(page.path("items")).hasSize(20);
        assertThat(Instant.parse(page.path("items").get(0).path("listenedAt").asString()))
                .isEqualTo(newest);
        assertThat(page.path("next").asString()).isNotEmpty();
    }

    @Test
    void aUserBackAfterAGapOfYearsSkipsTheEmptyMonths() {
        // two statements, one per month with listens: the months of the gap are never planned
        for (Instant month : List.of(newest, sparseNewest)) {
            PlanSummary plan = explain(ListenReader.sql(false, false, false), returning.id(), month(month));
            System.out.println(
                    "EXPLAIN recently played, user back after a gap, " + partition(month) + ": " + plan.describe());
            assertThat(plan.planned()).isEqualTo(1);
            assertThat(plan.executed()).containsExactly(partition(month));
            assertThat(plan.sharedBuffers()).isLessThan(MAX_BUFFERS);
        }

        var page = api.get("/api/v1/me/recently-played?limit=5", returning.accessToken())
                .assertStatus(200)
                .json();
        assertThat(page.path("items")).hasSize(5);
        assertThat(Instant.parse(page.path("items").get(0).path("listenedAt").asString()))
                .isEqualTo(newest);
        assertThat(Instant.parse(page.path("items").get(3).path("listenedAt").asString()))
                .isEqualTo(sparseNewest);
        var rest = api.get(
                        "/api/v1/me/recently-played?limit=5&cursor="
                                + page.path("next").asString(),
                        returning.accessToken())
                .assertStatus(200)
                .json();
        assertThat(rest.path("items")).hasSize(1);

        // the next page, from before the oldest recent listen, goes straight to the month before the gap
        Instant oldestRecent = newest.minus(2, ChronoUnit.MINUTES);
        Map<String, Object> params = new HashMap<>(month(sparseNewest));
        params.put("beforeAt", java.sql.Timestamp.from(oldestRecent));
        params.put("beforeTrack", tracks.get(2));
        PlanSummary next = explain(ListenReader.sql(false, true, false), returning.id(), params);
        System.out.println("EXPLAIN recently played, next page across the gap: " + next.describe());
        assertThat(next.executed()).hasSizeLessThanOrEqualTo(2).contains(partition(sparseNewest));
        assertThat(next.sharedBuffers()).isLessThan(MAX_BUFFERS);
    }

    @Test
    void aShortHistorySpreadOverMonthsIsReadByOneStatement() {
        Account spread = newAccount();
        List<ListenInput> listens = new ArrayList<>();
        for (int m = 1; m <= 11; m += 2) { // six listens, one every other month over the last year
            listens.add(
                    listen(newest.atOffset(ZoneOffset.UTC).minusMonths(m).toInstant(), tracks.get(m % tracks.size())));
        }
        ingestion.submit(spread.id(), listens, ListenSource.API);
        api.get("/api/v1/me/recently-played", spread.accessToken()).assertStatus(200); // warms the session cache

        var counted = StatementCounter.on(dataSource)
                .count(api, client -> client.get("/api/v1/me/recently-played?limit=20", spread.accessToken()));
        var items = counted.result().assertStatus(200).json().path("items");
        assertThat(items).hasSize(6);
        assertThat(Instant.parse(items.get(0).path("listenedAt").asString()))
                .isEqualTo(listens.getFirst().listenedAt());
        assertThat(Instant.parse(items.get(5).path("listenedAt").asString()))
                .isEqualTo(listens.getLast().listenedAt());
        assertThat(counted.statements())
                .filteredOn(sql -> sql.contains("from listens"))
                .hasSize(1);
        assertThat(counted.statements()).noneMatch(sql -> sql.contains("listen_months")); // no month walk

        YearMonth first = YearMonth.from(listens.getLast().listenedAt().atOffset(ZoneOffset.UTC));
        YearMonth last = YearMonth.from(listens.getFirst().listenedAt().atOffset(ZoneOffset.UTC));
        PlanSummary plan = explain(
                ListenReader.sql(false, false, false),
                spread.id(),
                Map.of(
                        "from",
                                java.sql.Timestamp.from(first.atDay(1)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()),
                        "to",
                                java.sql.Timestamp.from(last.plusMonths(1)
                                        .atDay(1)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant())));
        System.out.println("EXPLAIN recently played, short spread history: " + plan.describe());
        assertThat(plan.planned()).isLessThanOrEqualTo(ListenReader.SHORT_SPAN_MONTHS); // pruned while planning
        assertThat(plan.sharedBuffers()).isLessThan(MAX_BUFFERS);
    }

    @Test
    void aTracksPlaysOfASparseUserAreAsCheap() {
        long track = tracks.get(0);
        PlanSummary plan = explain(ListenReader.sql(true, false, false), sparse.id(), lastMonthOf(sparse.id(), track));
        System.out.println("EXPLAIN track plays, sparse user: " + plan.describe());
        assertThat(plan.planned()).isEqualTo(1);
        assertThat(plan.executed()).hasSize(1);
        assertThat(plan.sharedBuffers()).isLessThan(MAX_BUFFERS);

        PlanSummary activePlan =
                explain(ListenReader.sql(true, false, false), active.id(), lastMonthOf(active.id(), track));
        System.out.println("EXPLAIN track plays, active user: " + activePlan.describe());
        // five plays of the track a month: a page of 21 takes five such statements, each planning one month
        assertThat(activePlan.planned()).isEqualTo(1);
        assertThat(activePlan.executed()).hasSize(1);
        assertThat(activePlan.sharedBuffers()).isLessThan(MAX_BUFFERS);

        var plays = api.get("/api/v1/me/tracks/" + track + "/listens?limit=50", sparse.accessToken())
                .assertStatus(200)
                .json();
        assertThat(plays.path("items")).hasSize(1);
        assertThat(plays.path("plays").asInt()).isEqualTo(1);
        var activePlays = api.get("/api/v1/me/tracks/" + track + "/listens?limit=21", active.accessToken())
                .assertStatus(200)
                .json();
        assertThat(activePlays.path("items")).hasSize(21);
        int seen = activePlays.path("items").size();
        String cursor = activePlays.path("next").asString();
        while (cursor != null) { // every play exactly once, across all the months
            var older = api.get(
                            "/api/v1/me/tracks/" + track + "/listens?limit=50&cursor=" + cursor, active.accessToken())
                    .assertStatus(200)
                    .json();
            seen += older.path("items").size();
            cursor = older.path("next").isNull() ? null : older.path("next").asString();
        }
        assertThat(seen).isEqualTo(activePlays.path("plays").asInt());
    }

    /** The bounds ListenReader gives the statement for the month of {@code at}. */
    private static Map<String, Object> month(Instant at) {
        YearMonth month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
        return Map.of(
                "from",
                java.sql.Timestamp.from(
                        month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                "to",
                java.sql.Timestamp.from(month.plusMonths(1)
                        .atDay(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()));
    }

    /** The bounds ListenReader gives the first statement of a track's plays: the month of the user's last play of it. */
    private Map<String, Object> lastMonthOf(UUID user, long track) {
        var last = jdbc.sql("select last_played_at from listen_stats_tracks where user_id = :u and track_id = :t")
                .param("u", user)
                .param("t", track)
                .query(java.sql.Timestamp.class)
                .single();
        Map<String, Object> params = new HashMap<>(month(last.toInstant()));
        params.put("track", track);
        return params;
    }

    private PlanSummary explain(String sql, UUID user, Map<String, Object> params) {
        PlanSummary summary = null;
        for (int run = 0; run < 2; run++) { // the second run is measured: the first may read pages from disk
            var statement = jdbc.sql("explain (analyze, buffers, format json) " + sql)
                    .param("user", user)
                    .param("limit", 21);
            for (var param : params.entrySet()) {
                statement = statement.param(param.getKey(), param.getValue());
            }
            summary = PlanSummary.of(statement.query(String.class).single());
        }
        return summary;
    }

    private static String partition(Instant at) {
        YearMonth month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
        return "listens_%04d_%02d".formatted(month.getYear(), month.getMonthValue());
    }
}
