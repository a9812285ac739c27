package io.refrain.recommend;

import io.refrain.platform.db.JobSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Popular now ({@code popular_now}): from the listens of the last 30 days (the listens' monthly
 * partitions prune the scan to one or two months), each user's plays of each track, then per
 * window (7 and 30 days), genre (0 = all) and kind (track, artist by first credit, album): plays
 * and distinct listeners, ranked both ways; the best {@code size} by either are kept.
 */
@Repository
class PopularRepository {

    private final JdbcClient jdbc;

    PopularRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Replaces every list with the counts as of {@code now}, in the caller's transaction; returns the
     * rows. Each play counts for its track, its first artist and its album; an artist or album is in
     * a genre's list when a track of it played in the window has that genre, with all its plays and
     * listeners of the window (counting distinct listeners per genre too made ~4.9M rows to rank on
     * the medium dataset and took 59 s; this way ~2.3M and 18 s). Kinds are ranked as numbers, a
     * cheaper sort key than text.
     */
    int refresh(Instant now, int size) {
        JobSession.apply(jdbc);
        jdbc.sql("delete from popular_now").update();
        return jdbc.sql("""
                        with per_user as materialized (
                            select l.user_id, l.track_id, w.days, count(*) as plays
                            from history_listens l
                            cross join (values (7), (30)) as w(days)
                            where l.listened_at > cast(:now as timestamptz) - interval '30 days' and l.listened_at <= :now
                              and l.listened_at > cast(:now as timestamptz) - w.days * interval '1 day'
                            group by l.user_id, l.track_id, w.days),
                        played as materialized (
                            select u.days, u.user_id, u.track_id, u.plays, a.artist_id, t.album_id
                            from per_user u join catalog_tracks t on t.id = u.track_id
                            left join catalog_track_artists a on a.track_id = u.track_id and a.position = 0),
                        track_counts as (
                            select days, track_id as entity_id, sum(plays) as plays, count(*) as listeners
                            from played group by days, track_id),
                        artist_counts as (
                            select days, artist_id as entity_id, sum(plays) as plays, count(distinct user_id) as listeners
                            from played where artist_id is not null group by days, artist_id),
                        album_counts as (
                            select days, album_id as entity_id, sum(plays) as plays, count(distinct user_id) as listeners
                            from played where album_id is not null group by days, album_id),
                        played_genres as materialized (
                            select distinct p.days, g.genre_id, p.track_id, p.artist_id, p.album_id
                            from (select distinct days, track_id, artist_id, album_id from played) p
                            join catalog_track_genres g on g.track_id = p.track_id),
                        counted as (
                            select days, 0 as genre_id, 1 as kind, entity_id, plays, listeners from track_counts
                            union all select days, 0, 2, entity_id, plays, listeners from artist_counts
                            union all select days, 0, 3, entity_id, plays, listeners from album_counts
                            union all select c.days, g.genre_id, 1, c.entity_id, c.plays, c.listeners
                                      from track_counts c join (select distinct days, genre_id, track_id from played_genres) g
                                          on g.days = c.days and g.track_id = c.entity_id
                            union all select c.days, g.genre_id, 2, c.entity_id, c.plays, c.listeners
                                      from artist_counts c join (select distinct days, genre_id, artist_id from played_genres) g
                                          on g.days = c.days and g.artist_id = c.entity_id
                            union all select c.days, g.genre_id, 3, c.entity_id, c.plays, c.listeners
                                      from album_counts c join (select distinct days, genre_id, album_id from played_genres) g
                                          on g.days = c.days and g.album_id = c.entity_id),
                        ranked as (
                            select *, row_number() over (partition by days, genre_id, kind order by plays desc, listeners desc, entity_id) as plays_rank,
                                      row_number() over (partition by days, genre_id, kind order by listeners desc, plays desc, entity_id) as listeners_rank
                            from counted)
                        insert into popular_now (window_days, genre_id, kind, entity_id, plays, listeners, plays_rank,
                                                 listeners_rank, refreshed_at)
                        select days, genre_id, case kind when 1 then 'track' when 2 then 'artist' else 'album' end,
                               entity_id, plays, listeners, plays_rank, listeners_rank, :now
                        from ranked where plays_rank <= :size or listeners_rank <= :size""")
                .param("now", Timestamp.from(now))
                .param("size", size)
                .update();
    }

    /** When the lists were last refreshed (a refresh replaces every row); empty before the first. */
    Optional<Instant> lastRefreshed() {
        return jdbc.sql("select refreshed_at from popular_now limit 1") // one refresh writes them all
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    /** One entry of a list: rank, the entity with its name, its counts. */
    record Row(int rank, long id, String name, long plays, int listeners, Instant refreshedAt) {}

    /** A page of one list after {@code afterRank}, by plays or by listeners; names from the catalog views. */
    List<Row> page(int days, int genreId, String kind, boolean byListeners, int afterRank, int limit, int size) {
        String rank = byListeners ? "listeners_rank" : "plays_rank";
        String name =
                switch (kind) {
                    case "track" -> "(select title from catalog_tracks where id = p.entity_id)";
                    case "artist" -> "(select name from catalog_artists where id = p.entity_id)";
                    default -> "(select title from catalog_albums where id = p.entity_id)";
                };
        return jdbc.sql("""
                        select p.%1$s, p.entity_id, %2$s, p.plays, p.listeners, p.refreshed_at
                        from popular_now p
                        where p.window_days = :days and p.genre_id = :genre and p.kind = :kind and p.%1$s > :after
                          and p.%1$s <= :size
                        order by p.%1$s limit :limit""".formatted(rank, name))
                .param("days", days)
                .param("genre", genreId)
                .param("kind", kind)
                .param("after", afterRank)
                .param("size", size)
                .param("limit", limit)
                .query((rs, n) -> new Row(
                        rs.getInt(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getInt(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    Optional<Integer> genreId(String name) {
        return jdbc.sql("select id from catalog_genres where lower(name) = lower(:name) order by id limit 1")
                .param("name", name)
                .query(Integer.class)
                .optional();
    }
}
