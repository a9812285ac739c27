package io.refrain.assistant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the framework's OAuth tables (V020) hold for one user, for the user to see and take back:
 * the clients they authorized, by the authorizations that name them as principal.
 */
@Repository
class OAuthGrantsRepository {

    /** A client the user authorized: its id and name, the scopes, and when a token was last issued to it. */
    record Grant(String clientId, String clientName, String scopes, Instant lastIssuedAt) {}

    private final JdbcClient jdbc;

    OAuthGrantsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Grant> grants(UUID user) {
        return jdbc.sql("""
                        select c.client_id, c.client_name, max(a.authorized_scopes),
                               max(coalesce(a.access_token_issued_at, a.authorization_code_issued_at))
                        from oauth2_authorization a
                        join oauth2_registered_client c on c.id = a.registered_client_id
                        where a.principal_name = :user
                        group by c.client_id, c.client_name
                        order by 4 desc nulls last, 1""")
                .param("user", user.toString())
                .query((rs, n) -> new Grant(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Removes the user's authorizations (and so every token) and consent for the client; false if there were none. */
    boolean revoke(UUID user, String clientId) {
        int authorizations = jdbc.sql("""
                        delete from oauth2_authorization a using oauth2_registered_client c
                        where c.id = a.registered_client_id and c.client_id = :client and a.principal_name = :user""")
                .param("client", clientId)
                .param("user", user.toString())
                .update();
        int consents = jdbc.sql("""
                        delete from oauth2_authorization_consent s using oauth2_registered_client c
                        where c.id = s.registered_client_id and c.client_id = :client and s.principal_name = :user""")
                .param("client", clientId)
                .param("user", user.toString())
                .update();
        return authorizations + consents > 0;
    }

    void forget(UUID user) {
        jdbc.sql("delete from oauth2_authorization where principal_name = :user")
                .param("user", user.toString())
                .update();
        jdbc.sql("delete from oauth2_authorization_consent where principal_name = :user")
                .param("user", user.toString())
                .update();
    }

    /** Authorizations none of whose codes or tokens can be used any more. */
    int deleteSpent(Instant cutoff, int batch) {
        return jdbc.sql("""
                        delete from oauth2_authorization where id = any(array(
                            select id from oauth2_authorization
                            where greatest(authorization_code_expires_at, access_token_expires_at,
                                           refresh_token_expires_at) < :cutoff
                            limit :batch))""")
                .param("cutoff", Timestamp.from(cutoff))
                .param("batch", batch)
                .update();
    }
}
