package io.refrain.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.RefrainApplication;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Two servers on one database run every cluster-wide job once per schedule tick, and when one
 * server stops the other runs every tick. Both application instances fire all jobs every
 * {@link #TICK}; each instance's lock provider is wrapped to record who tried to take which
 * job's lock when, and who got it (a job runs exactly when its lock was taken). The first
 * instance owns the embedded database (or both use {@code REFRAIN_TEST_DATABASE_URL}), so the
 * second is the one that stops.
 */
class ClusterJobsIT {

    private static final Duration TICK = Duration.ofSeconds(3);
    private static final String EVERY_TICK = "*/3 * * * * *";
    private static final List<String> JOBS = List.of(
            "catalog.stale-entry-cleanup",
            "history.listen-partitions-ahead",
            "history.retention",
            "accounts.cleanup",
            "history.interrupted-imports",
            "recommend.similarity",
            "recommend.generated-playlists",
            "recommend.discovery-cleanup",
            "assistant.cleanup");

    /** Cluster-wide too, but on a fixed delay after each run, not on the clock's ticks: only their locking is checked. */
    private static final List<String> FIXED_DELAY_JOBS = List.of("recommend.profile-refresh", "recommend.popular-now");

    /** One lock attempt: which instance, which job, when (this JVM's clock, as the schedulers use it), taken or not. */
    record Attempt(String instance, String job, Instant at, boolean acquired) {
        long tick() {
            return at.toEpochMilli() / TICK.toMillis();
        }
    }

    static final List<Attempt> ATTEMPTS = new CopyOnWriteArrayList<>();

    @TempDir
    Path first;

    @TempDir
    Path second;

    @Test
    void eachJobRunsOncePerTickAcrossTwoServersAndTheOtherTakesOverWhenOneStops() throws Exception {
        String externalUrl = System.getenv("REFRAIN_TEST_DATABASE_URL");
        boolean external = externalUrl != null && !externalUrl.isBlank();
        try (ConfigurableApplicationContext a = start(
                "a",
                first,
                external ? externalUrl : "",
                external ? System.getenv().getOrDefault("REFRAIN_TEST_DATABASE_USER", "") : "")) {
            String url = external ? externalUrl : jdbcUrl(a);
            String user = external ? System.getenv().getOrDefault("REFRAIN_TEST_DATABASE_USER", "") : "postgres";

            Instant bothUp;
            Instant secondStopped;
            try (ConfigurableApplicationContext b = start("b", second, url, user)) {
                assertThat(b.isActive()).as("the second server is up").isTrue();
                bothUp = Instant.now();
                sleepUntilTick(tickOf(bothUp) + 4); // ticks +1..+3 are whole ticks with both servers up
            }
            secondStopped = Instant.now();
            sleepUntilTick(tickOf(secondStopped) + 3); // ticks +1..+2 with the first server alone

            long firstShared = tickOf(bothUp) + 1;
            long lastShared = tickOf(bothUp) + 3;
            long firstAlone = tickOf(secondStopped) + 1;
            long lastAlone = firstAlone + 1;
            System.out.printf(
                    "cluster jobs: shared ticks %d..%d, first server alone %d..%d, attempts by tick: %s%n",
                    firstShared, lastShared, firstAlone, lastAlone, summary());

            assertThat(lastShared - firstShared + 1)
                    .as("whole ticks with both servers up")
                    .isGreaterThanOrEqualTo(3);
            for (String job : JOBS) {
                for (long tick = firstShared; tick <= lastShared; tick++) {
                    assertThat(attempts(job, tick).stream()
                                    .map(Attempt::instance)
                                    .sorted()
                                    .toList())
                            .as("%s tick %d: both servers tried", job, tick)
                            .containsExactly("a", "b");
                    assertThat(runs(job, tick))
                            .as("%s tick %d: ran once across both servers", job, tick)
                            .hasSize(1);
                }
            }
            // the stopped server must have held locks, or "the remaining server took over" proves nothing
            assertThat(ATTEMPTS)
                    .as("the second server ran some shared tick before it stopped")
                    .anyMatch(x -> x.instance().equals("b")
                            && x.acquired()
                            && x.tick() >= firstShared
                            && x.tick() <= lastShared);
            for (String job : JOBS) {
                for (long tick = firstAlone; tick <= lastAlone; tick++) {
                    assertThat(runs(job, tick))
                            .as("%s tick %d: the remaining server ran it", job, tick)
                            .extracting(Attempt::instance)
                            .containsExactly("a");
                }
            }
            List<String> locking =
                    ATTEMPTS.stream().map(Attempt::job).distinct().toList();
            assertThat(locking).as("locked jobs").containsAll(JOBS);
            assertThat(locking)
                    .as("locked jobs; per-process ones take no lock")
                    .allMatch(job -> JOBS.contains(job) || FIXED_DELAY_JOBS.contains(job));
        }
    }

    private static List<Attempt> attempts(String job, long tick) {
        return ATTEMPTS.stream()
                .filter(x -> x.job().equals(job) && x.tick() == tick)
                .toList();
    }

    private static List<Attempt> runs(String job, long tick) {
        return attempts(job, tick).stream().filter(Attempt::acquired).toList();
    }

    /** tick → "job: instance+ / instance-" for the log, to see who won which tick. */
    private static Map<Long, String> summary() {
        Map<Long, String> byTick = new TreeMap<>();
        ATTEMPTS.stream()
                .collect(Collectors.groupingBy(Attempt::tick, TreeMap::new, Collectors.toList()))
                .forEach((tick, list) -> byTick.put(
                        tick,
                        list.stream()
                                .map(x -> x.job().substring(x.job().indexOf('.') + 1) + ":" + x.instance()
                                        + (x.acquired() ? "+" : "-"))
                                .sorted()
                                .collect(Collectors.joining(" "))));
        return byTick;
    }

    private static long tickOf(Instant at) {
        return at.toEpochMilli() / TICK.toMillis();
    }

    private static void sleepUntilTick(long tick) throws InterruptedException {
        long wait = tick * TICK.toMillis() - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private static String jdbcUrl(ConfigurableApplicationContext context) throws Exception {
        try (Connection connection = context.getBean(DataSource.class).getConnection()) {
            return connection.getMetaData().getURL();
        }
    }

    private static ConfigurableApplicationContext start(
            String instance, Path dataDir, String databaseUrl, String user) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--refrain.data-dir=" + dataDir,
                "--refrain.database.url=" + databaseUrl,
                "--refrain.database.user=" + user,
                "--spring.jmx.enabled=false",
                "--refrain.database.embedded-shared-buffers=128MB",
                "--refrain.catalog.load-demo=false",
                "--refrain.catalog.musicbrainz.enabled=false",
                "--refrain.catalog.cleanup-cron=" + EVERY_TICK,
                "--refrain.history.partition-cron=" + EVERY_TICK,
                "--refrain.history.archive.cron=" + EVERY_TICK,
                "--refrain.accounts.cleanup-cron=" + EVERY_TICK,
                "--refrain.history.import.interrupted-check-cron=" + EVERY_TICK,
                "--refrain.recommend.similarity.cron=" + EVERY_TICK,
                "--refrain.recommend.generated.cron=" + EVERY_TICK,
                "--refrain.recommend.discovery.cleanup-cron=" + EVERY_TICK,
                "--refrain.assistant.cleanup-cron=" + EVERY_TICK,
                // half a tick: more than the two instances' scheduling jitter, less than the next tick
                "--refrain.jobs.lock-at-least-for=PT1.5S",
                "--test.instance=" + instance));
        String password = System.getenv("REFRAIN_TEST_DATABASE_PASSWORD");
        if (password != null && !databaseUrl.isBlank()) {
            args.add("--refrain.database.password=" + password);
        }
        return new SpringApplication(RefrainApplication.class, LockRecording.class).run(args.toArray(String[]::new));
    }

    /** Not a @Configuration (component scanning of the shared test context must not find it): a source given to SpringApplication. */
    static class LockRecording {

        @Bean
        static BeanPostProcessor recordLockAttempts(Environment environment) {
            String instance = environment.getRequiredProperty("test.instance");
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (bean instanceof LockProvider provider) {
                        return (LockProvider) configuration -> record(instance, provider, configuration);
                    }
                    return bean;
                }
            };
        }

        private static Optional<SimpleLock> record(
                String instance, LockProvider provider, LockConfiguration configuration) {
            Instant at = Instant.now();
            Optional<SimpleLock> lock = provider.lock(configuration);
            ATTEMPTS.add(new Attempt(instance, configuration.getName(), at, lock.isPresent()));
            return lock;
        }
    }
}
