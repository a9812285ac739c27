package io.refrain.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The in-app notifications ({@code notifications}). SQL only. */
@Repository
class NotificationRepository {

    private static final String COLUMNS = "id, kind, title, body, data::text, created_at, read_at";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the notices in one statement (mailed: handed to the mailer now); answers their ids in order. */
    List<Long> insert(List<Notice> notices, List<String> data, List<Boolean> mailed, Instant now) {
        return jdbc.sql("""
                        insert into notifications (user_id, kind, title, body, data, created_at, mailed_at)
                        select u, k, t, b, cast(d as jsonb), :now, case when m then cast(:now as timestamptz) end
                        from unnest(:users::uuid[], :kinds::text[], :titles::text[], :bodies::text[], :data::text[],
                                    :mailed::boolean[])
                             with ordinality as n(u, k, t, b, d, m, pos)
                        order by pos
                        returning id""")
                .param("users", notices.stream().map(Notice::userId).toArray(UUID[]::new))
                .param("kinds", notices.stream().map(Notice::kind).toArray(String[]::new))
                .param("titles", notices.stream().map(Notice::title).toArray(String[]::new))
                .param("bodies", notices.stream().map(Notice::body).toArray(String[]::new))
                .param("data", data.toArray(String[]::new))
                .param("mailed", mailed.toArray(Boolean[]::new))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .list();
    }

    /** All of the user's notifications, and with them their webhook deliveries (the key cascades). */
    void deleteAll(UUID user) {
        jdbc.sql("delete from notifications where user_id = :user")
                .param("user", user)
                .update();
    }

    /** The user's notifications, newest first, before the cursor's id; only unread ones if asked. */
    List<NotificationView> page(UUID user, boolean unreadOnly, Long beforeId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from notifications
                        where user_id = :user and (:unreadOnly = false or read_at is null)
                          and (cast(:before as bigint) is null or id < :before)
                        order by id desc
                        limit :limit""")
                .param("user", user)
                .param("unreadOnly", unreadOnly)
                .param("before", beforeId)
                .param("limit", limit)
                .query((rs, n) -> new NotificationView(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    long unread(UUID user) {
        return jdbc.sql("select count(*) from notifications where user_id = :user and read_at is null")
                .param("user", user)
                .query(Long.class)
                .single();
    }

    /** Marks one as read (again is fine); false when the user has no such notification. */
    boolean markRead(UUID user, long id, Instant now) {
        return jdbc.sql("""
                        update notifications set read_at = coalesce(read_at, :now)
                        where user_id = :user and id = :id""")
                        .param("user", user)
                        .param("id", id)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    int markAllRead(UUID user, Instant now) {
        return jdbc.sql("update notifications set read_at = :now where user_id = :user and read_at is null")
                .param("user", user)
                .param("now", Timestamp.from(now))
                .update();
    }
}
