package io.refrain.library;

import io.refrain.platform.db.BulkSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@link BulkLibrary}, insert-selects on the history's statistics: saved tracks
 * (3 plays or more), albums (8) and followed artists (10), loved tracks (5, a third of them),
 * ratings (4, a quarter), a tag per favourite genre (the top two) on the saved tracks of that genre.
 */
@Repository
class BulkLibraryRepository {

    private final JdbcClient jdbc;

    BulkLibraryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BulkLibrary.Counts createFromListening(UUID[] users, Instant now) {
        BulkSession.apply(jdbc);
        Timestamp at = Timestamp.from(now);
        long saved = update("""
                insert into saved_tracks (user_id, track_id, saved_at)
                select user_id, track_id, first_played_at from history_track_stats where user_id = any(:users) and plays >= 3""", users, at);
        update("""
                insert into saved_albums (user_id, album_id, saved_at)
                select user_id, album_id, first_played_at from history_album_stats where user_id = any(:users) and plays >= 8""", users, at);
        update("""
                insert into followed_artists (user_id, artist_id, followed_at)
                select user_id, artist_id, first_played_at from history_artist_stats where user_id = any(:users) and plays >= 10""", users, at);
        long loved = update("""
                insert into loved_tracks (user_id, track_id, loved_at)
                select user_id, track_id, last_played_at from history_track_stats
                where user_id = any(:users) and plays >= 5 and abs(hashtext(user_id::text || track_id)) % 3 = 0""", users, at);
        long ratings = update("""
                insert into track_ratings (user_id, track_id, rating, rated_at)
                select user_id, track_id, 2 + (plays % 7) * 0.5, last_played_at from history_track_stats
                where user_id = any(:users) and plays >= 4 and abs(hashtext(track_id || user_id::text)) % 4 = 0""", users, at);
        long tags = update("""
                insert into tags (user_id, name, created_at)
                select user_id, btrim(left(name, 50)), :at
                from (select s.user_id, g.name, row_number() over (partition by s.user_id order by s.plays desc, s.genre_id) as rank
                      from history_genre_stats s join catalog_genres g on g.id = s.genre_id where s.user_id = any(:users)) top
                where rank <= 2 and btrim(left(name, 50)) <> ''
                on conflict do nothing""", users, at);
        long tagged = update("""
                insert into tagged_tracks (user_id, tag_id, track_id, tagged_at)
                select t.user_id, t.id, s.track_id, s.saved_at
                from tags t join catalog_genres g on btrim(left(g.name, 50)) = t.name
                join catalog_track_genres tg on tg.genre_id = g.id
                join saved_tracks s on s.user_id = t.user_id and s.track_id = tg.track_id
                where t.user_id = any(:users)
                on conflict do nothing""", users, at);
        return new BulkLibrary.Counts(saved, loved, ratings, tags, tagged);
    }

    private long update(String sql, UUID[] users, Timestamp at) {
        var spec = jdbc.sql(sql).param("users", users);
        if (sql.contains(":at")) {
            spec = spec.param("at", at);
        }
        return spec.update();
    }
}
