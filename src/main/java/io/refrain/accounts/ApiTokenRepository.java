package io.refrain.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API tokens, stored as SHA-256 hashes. */
@Repository
class ApiTokenRepository {

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises token creation per user, so two concurrent creations cannot pass the cap together. */
    void lockUser(UUID userId) {
        jdbc.sql("select 1 from users where id = :user for update")
                .param("user", userId)
                .query()
                .listOfRows();
    }

    int count(UUID userId) {
        return jdbc.sql("select count(*) from api_tokens where user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    void insert(UUID userId, UUID id, byte[] hash, String name, String prefix, List<String> scopes, Instant now) {
        jdbc.sql("""
                        insert into api_tokens (user_id, id, token_hash, name, prefix, scopes, created_at)
                        values (:user, :id, :hash, :name, :prefix, :scopes, :now)""")
                .param("user", userId)
                .param("id", id)
                .param("hash", hash)
                .param("name", name)
                .param("prefix", prefix)
                .param("scopes", scopes.toArray(String[]::new))
                .param("now", UserRepository.ts(now))
                .update();
    }

    List<ApiTokenView> list(UUID userId) {
        return jdbc.sql("""
                        select id, name, prefix, scopes, created_at, last_used_at from api_tokens
                        where user_id = :user order by created_at desc, id""")
                .param("user", userId)
                .query((rs, n) -> new ApiTokenView(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()),
                        rs.getTimestamp(5).toInstant(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
                .list();
    }

    boolean delete(UUID userId, UUID id) {
        return jdbc.sql("delete from api_tokens where user_id = :user and id = :id")
                        .param("user", userId)
                        .param("id", id)
                        .update()
                > 0;
    }

    /**
     * The token with this hash, marking it used. The mark is written at most once a minute per
     * token, so a scrobbler sending a listen a second does not turn every read into a write.
     */
    Optional<ApiTokens.Holder> use(byte[] hash, Instant now) {
        Optional<ApiTokens.Holder> holder = jdbc.sql(
                        "select user_id, id, name, scopes from api_tokens where token_hash = :hash")
                .param("hash", hash)
                .query((rs, n) -> new ApiTokens.Holder(
                        rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), Set.of((String[])
                                rs.getArray(4).getArray())))
                .optional();
        holder.ifPresent(token -> jdbc.sql("""
                        update api_tokens set last_used_at = :now
                        where user_id = :user and id = :id
                          and (last_used_at is null or last_used_at < :stale)""")
                .param("user", token.userId())
                .param("id", token.tokenId())
                .param("now", UserRepository.ts(now))
                .param("stale", UserRepository.ts(now.minusSeconds(60)))
                .update());
        return holder;
    }
}
