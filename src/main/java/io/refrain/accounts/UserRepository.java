package io.refrain.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and their roles. SQL only. */
@Repository
class UserRepository {

    record UserRow(
            UUID id,
            String email,
            String passwordHash,
            String displayName,
            String bio,
            String avatarUrl,
            Instant emailVerifiedAt,
            Instant createdAt) {
        boolean verified() {
            return emailVerifiedAt != null;
        }
    }

    private static final String COLUMNS = """
            id, email, password_hash, display_name, bio, avatar_url, email_verified_at, created_at""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new unverified user; empty when the e-mail address is taken. */
    Optional<UUID> insert(String email, String passwordHash, String displayName, Instant now) {
        return jdbc.sql("""
                        insert into users (email, password_hash, display_name, created_at, updated_at)
                        values (:email, :hash, :name, :now, :now)
                        on conflict (email) do nothing
                        returning id""")
                .param("email", email)
                .param("hash", passwordHash)
                .param("name", displayName)
                .param("now", ts(now))
                .query(UUID.class)
                .optional();
    }

    Optional<UserRow> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from users where email = :email")
                .param("email", email)
                .query(UserRow.class)
                .optional();
    }

    Optional<UserRow> findById(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id")
                .param("id", id)
                .query(UserRow.class)
                .optional();
    }

    /** The verified addresses of these users, by id: one statement for all of them. */
    java.util.Map<UUID, String> verifiedEmails(java.util.Collection<UUID> ids) {
        var emails = new java.util.HashMap<UUID, String>();
        jdbc.sql("select id, email from users where id = any(:ids) and email_verified_at is not null")
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    emails.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return emails;
    }

    void markVerified(UUID id, Instant now) {
        jdbc.sql(
                        "update users set email_verified_at = coalesce(email_verified_at, :now), updated_at = :now where id = :id")
                .param("id", id)
                .param("now", ts(now))
                .update();
    }

    /** Null arguments leave a column unchanged; an empty avatar URL clears it. */
    void updateProfile(UUID id, String displayName, String bio, String avatarUrl, Instant now) {
        jdbc.sql("""
                        update users set
                            display_name = coalesce(:name, display_name),
                            bio = coalesce(:bio, bio),
                            avatar_url = case when :avatar::text is null then avatar_url
                                              when :avatar::text = '' then null
                                              else :avatar::text end,
                            updated_at = :now
                        where id = :id""")
                .param("id", id)
                .param("name", displayName)
                .param("bio", bio)
                .param("avatar", avatarUrl)
                .param("now", ts(now))
                .update();
    }

    /** Deletes the user; foreign keys cascade to everything the user owns. */
    boolean delete(UUID id) {
        return jdbc.sql("delete from users where id = :id").param("id", id).update() == 1;
    }

    List<String> activeRoles(UUID id, Instant now) {
        return jdbc.sql("""
                        select role from user_roles
                        where user_id = :id and (expires_at is null or expires_at > :now)
                        order by role""")
                .param("id", id)
                .param("now", ts(now))
                .query(String.class)
                .list();
    }

    void grantRole(UUID id, String role, String grantedBy, Instant now) {
        jdbc.sql("""
                        insert into user_roles (user_id, role, granted_by, granted_at) values (:id, :role, :by, :now)
                        on conflict (user_id, role) do nothing""")
                .param("id", id)
                .param("role", role)
                .param("by", grantedBy)
                .param("now", ts(now))
                .update();
    }

    /** Removes a role only if configuration granted it (hand-granted roles stay). */
    void revokeConfigGrantedRole(UUID id, String role) {
        jdbc.sql("delete from user_roles where user_id = :id and role = :role and granted_by = 'config'")
                .param("id", id)
                .param("role", role)
                .update();
    }

    static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }
}
