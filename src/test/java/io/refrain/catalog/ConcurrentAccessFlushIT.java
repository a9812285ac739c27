package io.refrain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The access-counter flush runs on every server (each flushes its own counters), so several
 * flushes of the same tracks meet in the database: they must add up, not overwrite each other,
 * and not deadlock. Two trackers stand for two servers here; each holds other tracks besides the
 * shared ones, so their in-memory maps iterate in different orders (as two servers' would).
 */
class ConcurrentAccessFlushIT extends IntegrationTest {

    private static final int ROUNDS = 20;

    @Autowired
    Clock appClock;

    @Test
    void flushesOfTwoServersAtOnceAddUpWithoutDeadlock() throws Exception {
        List<Long> shared = tracks(300);
        List<Long> onlyFirst = tracks(700);
        AccessTracker first = new AccessTracker(new TrackAccessRepository(jdbc), appClock);
        AccessTracker second = new AccessTracker(new TrackAccessRepository(jdbc), appClock);
        Random random = new Random(13);
        CyclicBarrier together = new CyclicBarrier(2);
        try (ExecutorService servers = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                List<Long> firstReads = new ArrayList<>(shared);
                firstReads.addAll(onlyFirst);
                Collections.shuffle(firstReads, random);
                List<Long> secondReads = new ArrayList<>(shared);
                Collections.shuffle(secondReads, random);
                first.record(firstReads);
                second.record(secondReads);
                second.record(shared.subList(0, 10)); // read twice in this round

                Future<Integer> a = servers.submit(() -> {
                    together.await();
                    return first.flush();
                });
                Future<Integer> b = servers.submit(() -> {
                    together.await();
                    return second.flush();
                });
                assertThat(a.get()).isEqualTo(1000);
                assertThat(b.get()).isEqualTo(300);
            }
        }

        assertThat(count(shared.subList(0, 10)))
                .as("read 3 times a round")
                .hasSize(10)
                .containsOnly(3L * ROUNDS);
        assertThat(count(shared.subList(10, 300)))
                .as("read by both servers every round")
                .hasSize(290)
                .containsOnly(2L * ROUNDS);
        assertThat(count(onlyFirst))
                .as("read by one server every round")
                .hasSize(700)
                .containsOnly((long) ROUNDS);
    }

    private List<Long> count(List<Long> ids) {
        return jdbc.sql("select access_count from track_access where track_id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    private List<Long> tracks(int n) {
        String prefix = "flush-" + UUID.randomUUID();
        return LongStream.range(0, n)
                .mapToObj(i -> jdbc.sql("""
                        insert into tracks (title, origin, created_at, updated_at)
                        values (:title, 'admin', now(), now()) returning id""")
                        .param("title", prefix + "-" + i)
                        .query(Long.class)
                        .single())
                .toList();
    }
}
