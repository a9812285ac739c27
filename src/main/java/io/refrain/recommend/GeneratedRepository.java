package io.refrain.recommend;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Generated playlists ({@code generated_playlists}) and the daily mix's choice of familiar tracks. */
@Repository
class GeneratedRepository {

    record Stored(String kind, Instant generatedAt, Instant expiresAt, List<Long> trackIds) {}

    private final JdbcClient jdbc;

    GeneratedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(UUID user, GeneratedKind kind) {
        return jdbc.sql(
                        "select kind, generated_at, expires_at, track_ids from generated_playlists where user_id = :user and kind = :kind")
                .param("user", user)
                .param("kind", kind.column)
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant(),
                        ids(rs.getArray(4))))
                .optional();
    }

    void store(UUID user, GeneratedKind kind, Instant at, Instant expires, List<Long> trackIds) {
        jdbc.sql("""
                        insert into generated_playlists (user_id, kind, generated_at, expires_at, track_ids)
                        values (:user, :kind, :at, :expires, :tracks)
                        on conflict (user_id, kind) do update
                        set generated_at = excluded.generated_at, expires_at = excluded.expires_at, track_ids = excluded.track_ids""")
                .param("user", user)
                .param("kind", kind.column)
                .param("at", Timestamp.from(at))
                .param("expires", Timestamp.from(expires))
                .param("tracks", trackIds.toArray(Long[]::new))
                .update();
    }

    /**
     * Users who listened since {@code activeSince} and whose playlist of this kind is missing or
     * expired, read from the per-genre statistics (a few dozen rows per user, not the listens).
     */
    private static final String DUE = """
            select s.user_id from history_genre_stats s
            group by s.user_id
            having max(s.last_played_at) > :since
               and not exists (select 1 from generated_playlists g
                               where g.user_id = s.user_id and g.kind = :kind and g.expires_at > :now)""";

    /** The due users after {@code after} in id order, up to {@code limit} (a keyset walk: a user that failed is passed). */
    List<UUID> due(GeneratedKind kind, Instant activeSince, Instant now, UUID after, int limit) {
        return jdbc.sql("select user_id from (" + DUE + ") due where user_id > :after order by user_id limit :limit")
                .param("since", Timestamp.from(activeSince))
                .param("kind", kind.column)
                .param("now", Timestamp.from(now))
                .param("after", after)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    long countDue(GeneratedKind kind, Instant activeSince, Instant now) {
        return jdbc.sql("select count(*) from (" + DUE + ") due")
                .param("since", Timestamp.from(activeSince))
                .param("kind", kind.column)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /**
     * The daily mix: the user's own music — tracks played more than skipped (weighted by plays,
     * halving every 60 days since the last play), loved (3) and saved (1) — without tracks played
     * in the last day, hated tracks or artists, or explicit tracks when blocked. Each track's
     * weight is jittered by a hash of the track and the day, so the mix changes from day to day
     * yet is the same all day; at most {@code perArtist} tracks of one (first) artist.
     */
    List<Long> dailyMix(UUID user, Instant now, String day, boolean blockExplicit, int size, int perArtist) {
        return jdbc.sql("""
                        with mine as (
                            select s.track_id, s.plays * power(0.5, extract(epoch from (cast(:now as timestamptz) - s.last_played_at)) / (60 * 86400)) as w
                            from history_track_stats s
                            where s.user_id = :user and s.plays > s.skips and s.last_played_at < cast(:now as timestamptz) - interval '1 day'
                            union all
                            select v.track_id, 3.0 from library_loved_tracks v where v.user_id = :user
                            union all
                            select v.track_id, 1.0 from library_saved_tracks v where v.user_id = :user
                        ), weighted as (
                            select track_id, sum(w) as w from mine group by track_id
                        ), scored as (
                            select w.track_id, a.artist_id,
                                   w.w * (0.5 + (hashtext(w.track_id::text || :day) & 1023) / 1023.0) as score
                            from weighted w
                            join catalog_tracks t on t.id = w.track_id
                            left join catalog_track_artists a on a.track_id = w.track_id and a.position = 0
                            where (not :blockExplicit or not t.explicit)
                              and not exists (select 1 from track_feedback f where f.user_id = :user and f.track_id = w.track_id and f.score < 0)
                              and not exists (select 1 from catalog_track_artists x join artist_feedback af
                                                  on af.user_id = :user and af.artist_id = x.artist_id and af.score < 0
                                              where x.track_id = w.track_id)
                              and not exists (select 1 from history_track_stats p where p.user_id = :user
                                              and p.track_id = w.track_id and p.last_played_at >= cast(:now as timestamptz) - interval '1 day')
                        ), capped as (
                            select track_id, score,
                                   row_number() over (partition by coalesce(artist_id, -track_id) order by score desc, track_id) as n
                            from scored
                        )
                        select track_id from capped where n <= :perArtist order by score desc, track_id limit :size""")
                .param("user", user)
                .param("now", Timestamp.from(now))
                .param("day", day)
                .param("blockExplicit", blockExplicit)
                .param("size", size)
                .param("perArtist", perArtist)
                .query(Long.class)
                .list();
    }

    private static List<Long> ids(Array array) throws SQLException {
        return Arrays.asList((Long[]) array.getArray());
    }
}
