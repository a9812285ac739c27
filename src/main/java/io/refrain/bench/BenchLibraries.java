package io.refrain.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Libraries and playlists that follow each user's listening (set-based SQL on the rebuilt
 * statistics, so a user saves and loves what they play most): saved tracks, albums and
 * followed artists, loved tracks, ratings, a tag per favourite genre on the saved tracks of
 * that genre, two playlists per listening user and a handful of 10,000-track playlists (the
 * big-playlist case of the load test). "Random" choices hash ids, so reruns agree.
 */
@Component
class BenchLibraries {

    static final int BIG_PLAYLISTS = 5;
    static final int BIG_PLAYLIST_TRACKS = 10_000;
    /** Entry positions are gapped like the playlists module's appends (2^20 apart). */
    private static final long POSITION_GAP = 1L << 20;

    /** What was created, for the summary. */
    record Counts(long savedTracks, long lovedTracks, long ratings, long tags, long taggedTracks, long playlists, long entries) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    BenchLibraries(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    Counts create(UUID[] users, Instant now) {
        return transaction.execute(status -> {
            BenchSql.bulkSession(jdbc);
            return createAll(users, now);
        });
    }

    private Counts createAll(UUID[] users, Instant now) {
        Timestamp at = Timestamp.from(now.minus(Duration.ofDays(30)));
        long saved = update("""
                insert into saved_tracks (user_id, track_id, saved_at)
                select user_id, track_id, first_played_at from listen_stats_tracks where user_id = any(:users) and plays >= 3""", users, at);
        update("""
                insert into saved_albums (user_id, album_id, saved_at)
                select user_id, album_id, first_played_at from listen_stats_albums where user_id = any(:users) and plays >= 8""", users, at);
        update("""
                insert into followed_artists (user_id, artist_id, followed_at)
                select user_id, artist_id, first_played_at from listen_stats_artists where user_id = any(:users) and plays >= 10""", users, at);
        long loved = update("""
                insert into loved_tracks (user_id, track_id, loved_at)
                select user_id, track_id, last_played_at from listen_stats_tracks
                where user_id = any(:users) and plays >= 5 and abs(hashtext(user_id::text || track_id)) % 3 = 0""", users, at);
        long ratings = update("""
                insert into track_ratings (user_id, track_id, rating, rated_at)
                select user_id, track_id, 2 + (plays % 7) * 0.5, last_played_at from listen_stats_tracks
                where user_id = any(:users) and plays >= 4 and abs(hashtext(track_id || user_id::text)) % 4 = 0""", users, at);
        long tags = update("""
                insert into tags (user_id, name, created_at)
                select user_id, btrim(left(name, 50)), :at
                from (select s.user_id, g.name, row_number() over (partition by s.user_id order by s.plays desc, s.genre_id) as rank
                      from listen_stats_genres s join genres g on g.id = s.genre_id where s.user_id = any(:users)) top
                where rank <= 2 and btrim(left(name, 50)) <> ''
                on conflict do nothing""", users, at);
        long tagged = update("""
                insert into tagged_tracks (user_id, tag_id, track_id, tagged_at)
                select t.user_id, t.id, s.track_id, s.saved_at
                from tags t join genres g on btrim(left(g.name, 50)) = t.name
                join track_genres tg on tg.genre_id = g.id
                join saved_tracks s on s.user_id = t.user_id and s.track_id = tg.track_id
                where t.user_id = any(:users)
                on conflict do nothing""", users, at);
        long[] playlists = playlists(users, at);
        return new Counts(saved, loved, ratings, tags, tagged, playlists[0], playlists[1]);
    }

    /** Two playlists per user with plays (their top 50 and the next 100), and the big ones for the first few users. */
    private long[] playlists(UUID[] users, Timestamp at) {
        long created = update("""
                insert into playlists (user_id, id, name, description, public, created_at, updated_at)
                select u.user_id, gen_random_uuid(), p.name, p.description, p.public, :at, :at
                from listen_totals u
                cross join (values ('On repeat', 'What I play most', true), ('Deep cuts', 'Played a lot, just not the most', false))
                     as p(name, description, public)
                where u.user_id = any(:users)""", users, at);
        long entries = update("""
                insert into playlist_entries (user_id, playlist_id, position, track_id, added_by, added_at)
                select p.user_id, p.id, r.rank * %d, r.track_id, p.user_id, :at
                from playlists p
                join lateral (select track_id, row_number() over (order by plays desc, ms_played desc, track_id) as rank
                              from listen_stats_tracks s where s.user_id = p.user_id
                              order by plays desc, ms_played desc, track_id limit 150) r
                     on case p.name when 'On repeat' then r.rank <= 50 else r.rank > 50 end
                where p.user_id = any(:users) and p.created_at = :at""".formatted(POSITION_GAP), users, at);
        UUID[] big = java.util.Arrays.copyOf(users, Math.min(BIG_PLAYLISTS, users.length));
        created += update("""
                insert into playlists (user_id, id, name, description, public, created_at, updated_at)
                select u, gen_random_uuid(), 'Everything', 'Ten thousand tracks', true, :at, :at from unnest(:users::uuid[]) u""", big, at);
        entries += update("""
                insert into playlist_entries (user_id, playlist_id, position, track_id, added_by, added_at)
                select p.user_id, p.id, t.rank * %d, t.id, p.user_id, :at
                from playlists p
                cross join (select id, row_number() over (order by popularity desc nulls last, id) as rank
                            from tracks order by popularity desc nulls last, id limit %d) t
                where p.user_id = any(:users) and p.name = 'Everything' and p.created_at = :at"""
                .formatted(POSITION_GAP, BIG_PLAYLIST_TRACKS), big, at);
        update("""
                insert into playlist_activity (user_id, playlist_id, actor_id, action, version, at)
                select user_id, id, user_id, 'created', 1, created_at from playlists where user_id = any(:users) and created_at = :at""",
                users, at);
        return new long[] {created, entries};
    }

    private long update(String sql, UUID[] users, Timestamp at) {
        var spec = jdbc.sql(sql).param("users", users);
        if (sql.contains(":at")) {
            spec = spec.param("at", at);
        }
        return spec.update();
    }
}
