package io.refrain.history;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Removes an import's listens and takes them out of every statistic, exactly: counts and
 * time played are subtracted (they add up), while first/last played are recomputed — per
 * track from the remaining listens (an index range scan per track), per artist, album and
 * genre from the corrected track rows (an artist's first play is its tracks' earliest).
 * Rows left with no plays are deleted. A fixed number of statements; the caller holds the
 * user's lock.
 */
@Repository
class ListenEraser {

    private final JdbcClient jdbc;

    ListenEraser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the listens of the import and returns how many there were. */
    int eraseImport(UUID userId, long importId) {
        jdbc.sql("""
                        create temporary table erased on commit drop as
                        with gone as (
                            delete from listens l
                            where l.user_id = :user and l.import_id = :import
                              and l.listened_at between (select first_listen from listen_imports where id = :import)
                                                    and (select last_listen from listen_imports where id = :import)
                            returning l.listened_at, l.track_id, l.skipped, l.ms_played)
                        select g.listened_at, g.track_id, g.skipped, t.album_id,
                               coalesce(g.ms_played, t.duration_ms, 0)::bigint as ms, g.listened_at at time zone 'UTC' as utc
                        from gone g join tracks t on t.id = g.track_id""")
                .param("user", userId).param("import", importId).update();
        int erased = jdbc.sql("select count(*) from erased").query(Integer.class).single();
        if (erased == 0) {
            return 0;
        }
        for (String statement : STATEMENTS) {
            jdbc.sql(statement).param("user", userId).update();
        }
        return erased;
    }

    private static final String[] STATEMENTS = {
            // rollups: counts add up, so subtract them
            """
            update listen_days s set plays = s.plays - e.plays, ms_played = s.ms_played - e.ms
            from (select utc::date as day, track_id, count(*) as plays, sum(ms) as ms from erased group by 1, 2) e
            where s.user_id = :user and s.day = e.day and s.track_id = e.track_id""",
            "delete from listen_days where user_id = :user and plays = 0 and (day, track_id) in (select utc::date, track_id from erased)",
            """
            update listen_months s set plays = s.plays - e.plays, ms_played = s.ms_played - e.ms
            from (select date_trunc('month', utc)::date as month, track_id, count(*) as plays, sum(ms) as ms from erased group by 1, 2) e
            where s.user_id = :user and s.month = e.month and s.track_id = e.track_id""",
            "delete from listen_months where user_id = :user and plays = 0",
            """
            update listen_hours s set plays = s.plays - e.plays, ms_played = s.ms_played - e.ms
            from (select utc::date as day, extract(hour from utc)::smallint as hour, count(*) as plays, sum(ms) as ms
                  from erased group by 1, 2) e
            where s.user_id = :user and s.day = e.day and s.hour = e.hour""",
            "delete from listen_hours where user_id = :user and plays = 0",
            // tracks: recomputed from what is left of their listens
            """
            with touched as (select distinct track_id from erased),
                 fresh as (select l.track_id, count(*) as plays, count(*) filter (where l.skipped) as skips,
                                  sum(coalesce(l.ms_played, t.duration_ms, 0)) as ms, min(l.listened_at) as first, max(l.listened_at) as last
                           from listens l join tracks t on t.id = l.track_id
                           where l.user_id = :user and l.track_id in (select track_id from touched)
                           group by l.track_id)
            update listen_stats_tracks s set plays = coalesce(f.plays, 0), skips = coalesce(f.skips, 0), ms_played = coalesce(f.ms, 0),
                   first_played_at = coalesce(f.first, s.first_played_at), last_played_at = coalesce(f.last, s.last_played_at)
            from touched x left join fresh f on f.track_id = x.track_id
            where s.user_id = :user and s.track_id = x.track_id""",
            "delete from listen_stats_tracks where user_id = :user and plays = 0",
            // artists, albums, genres: recomputed from their (now exact) tracks
            """
            with touched as (select distinct ta.artist_id from erased e join track_artists ta on ta.track_id = e.track_id
                             and ta.role in ('main', 'featured')),
                 fresh as (select ta.artist_id, sum(s.plays) as plays, sum(s.skips) as skips, sum(s.ms_played) as ms,
                                  min(s.first_played_at) as first, max(s.last_played_at) as last
                           from touched x join track_artists ta on ta.artist_id = x.artist_id and ta.role in ('main', 'featured')
                           join listen_stats_tracks s on s.user_id = :user and s.track_id = ta.track_id
                           group by ta.artist_id)
            update listen_stats_artists s set plays = coalesce(f.plays, 0), skips = coalesce(f.skips, 0), ms_played = coalesce(f.ms, 0),
                   first_played_at = coalesce(f.first, s.first_played_at), last_played_at = coalesce(f.last, s.last_played_at)
            from touched x left join fresh f on f.artist_id = x.artist_id
            where s.user_id = :user and s.artist_id = x.artist_id""",
            "delete from listen_stats_artists where user_id = :user and plays = 0",
            """
            with touched as (select distinct album_id from erased where album_id is not null),
                 fresh as (select t.album_id, sum(s.plays) as plays, sum(s.skips) as skips, sum(s.ms_played) as ms,
                                  min(s.first_played_at) as first, max(s.last_played_at) as last
                           from touched x join tracks t on t.album_id = x.album_id
                           join listen_stats_tracks s on s.user_id = :user and s.track_id = t.id
                           group by t.album_id)
            update listen_stats_albums s set plays = coalesce(f.plays, 0), skips = coalesce(f.skips, 0), ms_played = coalesce(f.ms, 0),
                   first_played_at = coalesce(f.first, s.first_played_at), last_played_at = coalesce(f.last, s.last_played_at)
            from touched x left join fresh f on f.album_id = x.album_id
            where s.user_id = :user and s.album_id = x.album_id""",
            "delete from listen_stats_albums where user_id = :user and plays = 0",
            """
            with touched as (select distinct tg.genre_id from erased e join track_genres tg on tg.track_id = e.track_id),
                 fresh as (select tg.genre_id, sum(s.plays) as plays, sum(s.skips) as skips, sum(s.ms_played) as ms,
                                  min(s.first_played_at) as first, max(s.last_played_at) as last
                           from touched x join track_genres tg on tg.genre_id = x.genre_id
                           join listen_stats_tracks s on s.user_id = :user and s.track_id = tg.track_id
                           group by tg.genre_id)
            update listen_stats_genres s set plays = coalesce(f.plays, 0), skips = coalesce(f.skips, 0), ms_played = coalesce(f.ms, 0),
                   first_played_at = coalesce(f.first, s.first_played_at), last_played_at = coalesce(f.last, s.last_played_at)
            from touched x left join fresh f on f.genre_id = x.genre_id
            where s.user_id = :user and s.genre_id = x.genre_id""",
            "delete from listen_stats_genres where user_id = :user and plays = 0",
            // totals: counts subtract; the span is the tracks' span
            """
            update listen_totals s set plays = s.plays - e.plays, ms_played = s.ms_played - e.ms,
                   first_played_at = coalesce((select min(first_played_at) from listen_stats_tracks where user_id = :user), s.first_played_at),
                   last_played_at = coalesce((select max(last_played_at) from listen_stats_tracks where user_id = :user), s.last_played_at)
            from (select count(*) as plays, sum(ms) as ms from erased) e
            where s.user_id = :user""",
            "delete from listen_totals where user_id = :user and plays = 0",
    };
}
