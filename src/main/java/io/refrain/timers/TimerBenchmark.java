package io.refrain.timers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The benchmark of the timers ({@code refrain bench timers}): makes a number of timers fall due
 * at once — expiries and warnings — runs one sweep the way the scheduler does and times it, times
 * reading users' roles, and shows the plans of the statements involved.
 */
@Service
public class TimerBenchmark {

    /** What one measurement found. */
    public record Result(
            long timers,
            int expired,
            int warned,
            double sweepMillis,
            int users,
            double rolesReadP50Micros,
            double rolesReadP99Micros,
            double holdsP50Micros,
            double holdsP99Micros,
            List<String> plans) {}

    private final BulkTimerRepository timers;
    private final TimerSweep sweep;
    private final Roles roles;
    private final TransactionTemplate transactions;
    private final Clock clock;

    TimerBenchmark(
            BulkTimerRepository timers, TimerSweep sweep, Roles roles, TransactionTemplate transactions, Clock clock) {
        this.timers = timers;
        this.sweep = sweep;
        this.roles = roles;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Result measure(int due, int reads) {
        Instant now = clock.instant();
        timers.expireSoonest(due, now.minusSeconds(1));
        timers.warnSoonest(due, now.minusSeconds(1));
        List<UUID> users = timers.sampleUsers(reads);
        UUID someone = users.isEmpty() ? UUID.randomUUID() : users.getFirst();
        // before the sweep, so the plans are those of a sweep with work to do; rolled back, locks and all
        List<String> plans = new ArrayList<>(transactions.execute(status -> {
            status.setRollbackOnly();
            return timers.explainSweepAndRead(clock.instant(), someone);
        }));

        long started = System.nanoTime();
        TimerSweep.Outcome outcome = sweep.run();
        double sweepMillis = (System.nanoTime() - started) / 1e6;

        double[] read = time(users, roles::of);
        double[] holds = time(users, u -> roles.holds(u, Role.SUPPORTER));
        return new Result(
                timers.count(),
                outcome.expired(),
                outcome.warned(),
                sweepMillis,
                users.size(),
                percentile(read, 0.5),
                percentile(read, 0.99),
                percentile(holds, 0.5),
                percentile(holds, 0.99),
                plans);
    }

    private static double[] time(List<UUID> users, Consumer<UUID> read) {
        users.forEach(read); // warm up: statements prepared, pages in memory
        double[] micros = new double[users.size()];
        for (int i = 0; i < users.size(); i++) {
            long started = System.nanoTime();
            read.accept(users.get(i));
            micros[i] = (System.nanoTime() - started) / 1e3;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
