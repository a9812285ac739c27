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

    /** What one measurement found: a sweep of expiries, a sweep of warnings, reads. */
    public record Result(
            long timers,
            int expired,
            double expirySweepMillis,
            int warned,
            double warningSweepMillis,
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
        // a warm-up sweep first: a server sweeps with its code compiled and its statements prepared
        Instant now = clock.instant();
        timers.expireSoonest(Math.min(due, 500), now.minusSeconds(1));
        timers.warnSoonest(Math.min(due, 500), now.minusSeconds(1));
        sweep.run();
        List<UUID> users = timers.sampleUsers(reads);
        List<String> plans = new ArrayList<>();

        timers.expireSoonest(due, clock.instant().minusSeconds(1));
        plans.add(explained(() -> timers.explainExpiryBatch(clock.instant())));
        plans.add(explained(() -> "-- a whole expiry statement (500 timers, rolled back)\n"
                + timers.explainExpiryStatement(clock.instant())));
        long started = System.nanoTime();
        int expired = sweep.run().expired();
        double expiryMillis = (System.nanoTime() - started) / 1e6;

        timers.warnSoonest(due, clock.instant().minusSeconds(1));
        plans.add(explained(() -> timers.explainWarningBatch(clock.instant())));
        started = System.nanoTime();
        int warned = sweep.run().warned();
        double warningMillis = (System.nanoTime() - started) / 1e6;

        UUID someone = users.isEmpty() ? UUID.randomUUID() : users.getFirst();
        plans.add(explained(() -> timers.explainRolesOf(someone, clock.instant())));
        double[] read = time(users, roles::of);
        double[] holds = time(users, u -> roles.holds(u, Role.SUPPORTER));
        return new Result(
                timers.count(),
                expired,
                expiryMillis,
                warned,
                warningMillis,
                users.size(),
                percentile(read, 0.5),
                percentile(read, 0.99),
                percentile(holds, 0.5),
                percentile(holds, 0.99),
                plans);
    }

    /** A plan taken in a transaction that is rolled back: the batch's row locks go with it. */
    private String explained(java.util.function.Supplier<String> plan) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return plan.get();
        });
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
