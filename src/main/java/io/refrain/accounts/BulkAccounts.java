package io.refrain.accounts;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Bulk creation of accounts for datasets (offered to {@code bench generate}): many verified
 * accounts that can log in with one shared password, role user and default settings, written
 * with COPY rather than one sign-up each. The password is hashed once (thousands of bcrypt
 * hashes at the configured cost would take minutes). Accounts of a dataset are numbered in
 * their e-mail ({@code <prefix><n><domain>}), which is how a later run finds them.
 */
@Service
public class BulkAccounts {

    /** An account to create: its id, e-mail and display name. */
    public record NewAccount(UUID id, String email, String displayName) {}

    private final BulkAccountsRepository repository;
    private final PasswordHasher passwords;

    BulkAccounts(BulkAccountsRepository repository, PasswordHasher passwords) {
        this.repository = repository;
        this.passwords = passwords;
    }

    /** How many accounts have an e-mail {@code <prefix>…<domain>}. */
    public int countNumbered(String prefix, String domain) {
        return repository.countNumbered(prefix, domain);
    }

    /** The highest {@code n} of the e-mails {@code <prefix><n><domain>}, 0 when there is none. */
    public int highestNumber(String prefix, String domain) {
        return repository.highestNumber(prefix, domain);
    }

    /** Creates the accounts, verified and created at {@code createdAt}, all with {@code password}; returns how many. */
    public long create(List<NewAccount> accounts, String password, Instant createdAt) throws SQLException {
        return repository.create(accounts, passwords.hash(password), createdAt);
    }
}
