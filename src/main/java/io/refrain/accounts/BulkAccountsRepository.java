package io.refrain.accounts;

import io.refrain.platform.db.CopyStream;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link BulkAccounts}: the users in one COPY, then their roles and settings in one statement each. */
@Repository
class BulkAccountsRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    BulkAccountsRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    int countNumbered(String prefix, String domain) {
        return jdbc.sql("select count(*) from users where email like :pattern")
                .param("pattern", likePattern(prefix, domain))
                .query(Integer.class)
                .single();
    }

    int highestNumber(String prefix, String domain) {
        return jdbc.sql("""
                select coalesce(max(substring(email from :number)::int), 0)
                from users where email like :pattern""")
                .param("number", regexLiteral(prefix) + "([0-9]+)" + regexLiteral(domain))
                .param("pattern", likePattern(prefix, domain))
                .query(Integer.class)
                .single();
    }

    long create(List<BulkAccounts.NewAccount> accounts, String passwordHash, Instant createdAt) throws SQLException {
        String at = createdAt.toString();
        try (CopyStream copy = new CopyStream(
                dataSource,
                "users",
                "id, email, password_hash, display_name, email_verified_at, created_at, updated_at")) {
            for (BulkAccounts.NewAccount account : accounts) {
                copy.line().append(account.id()).append(',');
                copy.field(account.email())
                        .line()
                        .append(',')
                        .append(passwordHash)
                        .append(',');
                copy.field(account.displayName())
                        .line()
                        .append(',')
                        .append(at)
                        .append(',')
                        .append(at)
                        .append(',')
                        .append(at);
                copy.endRow();
            }
            copy.finish();
        }
        UUID[] ids = accounts.stream().map(BulkAccounts.NewAccount::id).toArray(UUID[]::new);
        jdbc.sql("""
                insert into user_roles (user_id, role, granted_by, granted_at)
                select id, 'user', 'signup', :at from unnest(:ids::uuid[]) id""").param("ids", ids).param("at", Timestamp.from(createdAt)).update();
        jdbc.sql("insert into user_settings (user_id, updated_at) select id, :at from unnest(:ids::uuid[]) id")
                .param("ids", ids)
                .param("at", Timestamp.from(createdAt))
                .update();
        return accounts.size();
    }

    /** {@code <prefix>%<domain>}, with the wildcards of LIKE in the parts escaped. */
    private static String likePattern(String prefix, String domain) {
        return escapeLike(prefix) + "%" + escapeLike(domain);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The text as a regular expression that matches it literally (a backslash before every non-alphanumeric character). */
    private static String regexLiteral(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
