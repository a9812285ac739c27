package io.refrain.bench;

import io.refrain.accounts.BulkAccounts;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Benchmark accounts that can log in: {@code bench-user-<n>@refrain.bench}, all with the
 * password {@value #PASSWORD}, verified, role user, default settings, created through the
 * accounts module's {@link BulkAccounts}. Ids are derived from the seed and the number, so a
 * run is reproducible.
 */
@Component
class BenchUsers {

    static final String PASSWORD = "bench-password";
    static final String PREFIX = "bench-user-";
    static final String DOMAIN = "@refrain.bench";

    /** A generated user: its number (in the e-mail) and id. */
    record BenchUser(int number, UUID id) {
        String email() {
            return BenchUsers.email(number);
        }
    }

    private final BulkAccounts accounts;

    BenchUsers(BulkAccounts accounts) {
        this.accounts = accounts;
    }

    static String email(int number) {
        return PREFIX + number + DOMAIN;
    }

    /** How many benchmark users exist already (an earlier run). */
    int existing() {
        return accounts.countNumbered(PREFIX, DOMAIN);
    }

    /** The highest number in use, so that an appended run continues after it. */
    int highestNumber() {
        return accounts.highestNumber(PREFIX, DOMAIN);
    }

    List<BenchUser> create(int count, int firstNumber, long seed, Instant createdAt) throws SQLException {
        List<BenchUser> users = new ArrayList<>(count);
        List<BulkAccounts.NewAccount> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int number = firstNumber + i;
            UUID id = UUID.nameUUIDFromBytes(("refrain-bench:" + seed + ":" + number).getBytes(StandardCharsets.UTF_8));
            users.add(new BenchUser(number, id));
            rows.add(new BulkAccounts.NewAccount(id, email(number), "Bench User " + number));
        }
        accounts.create(rows, PASSWORD, createdAt);
        return users;
    }
}
