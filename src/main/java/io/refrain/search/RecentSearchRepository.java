package io.refrain.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each user's last {@link #KEEP} distinct searches. */
@Repository
class RecentSearchRepository {

    static final int KEEP = 20;

    private final JdbcClient jdbc;

    RecentSearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a search (the same normalised query only once, newest time) and trims to the newest
     * {@link #KEEP}. The key is cut to 200 characters: normalising can lengthen a query ("ß" → "ss").
     */
    void record(UUID userId, String query, Instant at) {
        jdbc.sql("""
                        insert into recent_searches (user_id, query_key, query, searched_at)
                        values (:user, left(refrain_search_normalize(:query), 200), :query, :at)
                        on conflict (user_id, query_key) do update set query = excluded.query, searched_at = excluded.searched_at""")
                .param("user", userId)
                .param("query", query)
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("""
                        delete from recent_searches where user_id = :user and query_key in (
                            select query_key from recent_searches where user_id = :user
                            order by searched_at desc, query_key offset :keep)""").param("user", userId).param("keep", KEEP).update();
    }

    List<RecentSearch> list(UUID userId) {
        return jdbc.sql("""
                        select query, searched_at from recent_searches where user_id = :user
                        order by searched_at desc, query_key""").param("user", userId).query(RecentSearch.class).list();
    }

    int clear(UUID userId) {
        return jdbc.sql("delete from recent_searches where user_id = :user")
                .param("user", userId)
                .update();
    }

    int remove(UUID userId, String query) {
        return jdbc.sql(
                        "delete from recent_searches where user_id = :user and query_key = left(refrain_search_normalize(:query), 200)")
                .param("user", userId)
                .param("query", query)
                .update();
    }
}
