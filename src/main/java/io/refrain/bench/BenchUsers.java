package io.refrain.bench;

import io.refrain.accounts.AccountsProperties;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Benchmark accounts that can log in: {@code bench-user-<n>@refrain.bench}, all with the
 * password {@value #PASSWORD}, verified, role user, default settings. The bcrypt hash is
 * computed once (thousands of hashes at the configured cost would take minutes) and the rows
 * go in with COPY. Ids are derived from the seed and the number, so a run is reproducible.
 */
@Component
class BenchUsers {

    static final String PASSWORD = "bench-password";
    static final String DOMAIN = "@refrain.bench";

    /** A generated user: its number (in the e-mail) and id. */
    record BenchUser(int number, UUID id) {
        String email() {
            return BenchUsers.email(number);
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AccountsProperties accounts;

    BenchUsers(JdbcClient jdbc, DataSource dataSource, AccountsProperties accounts) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.accounts = accounts;
    }

    static String email(int number) {
        return "bench-user-" + number + DOMAIN;
    }

    /** How many benchmark users exist already (an earlier run). */
    int existing() {
        return jdbc.sql("select count(*) from users where email like 'bench-user-%@refrain.bench'").query(Integer.class).single();
    }

    /** The highest number in use, so that an appended run continues after it. */
    int highestNumber() {
        return jdbc.sql("""
                select coalesce(max(substring(email from 'bench-user-([0-9]+)@')::int), 0)
                from users where email like 'bench-user-%@refrain.bench'""").query(Integer.class).single();
    }

    List<BenchUser> create(int count, int firstNumber, long seed, Instant createdAt) throws SQLException {
        String hash = new BCryptPasswordEncoder(accounts.passwordHashCost(), new SecureRandom()).encode(PASSWORD);
        String at = createdAt.toString();
        List<BenchUser> users = new ArrayList<>(count);
        try (CopyStream copy = new CopyStream(dataSource, "users",
                "id, email, password_hash, display_name, email_verified_at, created_at, updated_at")) {
            for (int i = 0; i < count; i++) {
                int number = firstNumber + i;
                UUID id = UUID.nameUUIDFromBytes(("refrain-bench:" + seed + ":" + number).getBytes(StandardCharsets.UTF_8));
                users.add(new BenchUser(number, id));
                copy.line().append(id).append(',').append(email(number)).append(',').append(hash).append(",Bench User ")
                        .append(number).append(',').append(at).append(',').append(at).append(',').append(at);
                copy.endRow();
            }
            copy.finish();
        }
        UUID[] ids = users.stream().map(BenchUser::id).toArray(UUID[]::new);
        jdbc.sql("""
                insert into user_roles (user_id, role, granted_by, granted_at)
                select id, 'user', 'signup', :at from unnest(:ids::uuid[]) id""")
                .param("ids", ids).param("at", Timestamp.from(createdAt)).update();
        jdbc.sql("insert into user_settings (user_id, updated_at) select id, :at from unnest(:ids::uuid[]) id")
                .param("ids", ids).param("at", Timestamp.from(createdAt)).update();
        return users;
    }
}
