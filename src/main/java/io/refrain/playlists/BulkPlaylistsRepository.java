package io.refrain.playlists;

import io.refrain.platform.db.BulkSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of {@link BulkPlaylists}: insert-selects on the history's statistics and the catalog's popularity. */
@Repository
class BulkPlaylistsRepository {

    private final JdbcClient jdbc;

    BulkPlaylistsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    BulkPlaylists.Counts createFromListening(UUID[] users, Instant now, int bigPlaylistUsers, int bigPlaylistTracks) {
        BulkSession.apply(jdbc);
        Timestamp at = Timestamp.from(now);
        long created = update("""
                insert into playlists (user_id, id, name, description, public, created_at, updated_at)
                select u.user_id, gen_random_uuid(), p.name, p.description, p.public, :at, :at
                from history_versions u
                cross join (values ('On repeat', 'What I play most', true), ('Deep cuts', 'Played a lot, just not the most', false))
                     as p(name, description, public)
                where u.user_id = any(:users)""", users, at);
        long entries = update("""
                insert into playlist_entries (user_id, playlist_id, position, track_id, added_by, added_at)
                select p.user_id, p.id, r.rank * %d, r.track_id, p.user_id, :at
                from playlists p
                join lateral (select track_id, row_number() over (order by plays desc, ms_played desc, track_id) as rank
                              from history_track_stats s where s.user_id = p.user_id
                              order by plays desc, ms_played desc, track_id limit 150) r
                     on case p.name when 'On repeat' then r.rank <= 50 else r.rank > 50 end
                where p.user_id = any(:users) and p.created_at = :at""".formatted(Positions.GAP), users, at);
        UUID[] big = Arrays.copyOf(users, Math.min(bigPlaylistUsers, users.length));
        created += update("""
                insert into playlists (user_id, id, name, description, public, created_at, updated_at)
                select u, gen_random_uuid(), 'Everything', 'Ten thousand tracks', true, :at, :at from unnest(:users::uuid[]) u""", big, at);
        entries += update("""
                insert into playlist_entries (user_id, playlist_id, position, track_id, added_by, added_at)
                select p.user_id, p.id, t.rank * %d, t.id, p.user_id, :at
                from playlists p
                cross join (select id, row_number() over (order by popularity desc nulls last, id) as rank
                            from catalog_tracks order by popularity desc nulls last, id limit %d) t
                where p.user_id = any(:users) and p.name = 'Everything' and p.created_at = :at""".formatted(Positions.GAP, bigPlaylistTracks), big, at);
        update("""
                insert into playlist_activity (user_id, playlist_id, actor_id, action, version, at)
                select user_id, id, user_id, 'created', 1, created_at from playlists where user_id = any(:users) and created_at = :at""", users, at);
        return new BulkPlaylists.Counts(created, entries);
    }

    private long update(String sql, UUID[] users, Timestamp at) {
        var spec = jdbc.sql(sql).param("users", users);
        if (sql.contains(":at")) {
            spec = spec.param("at", at);
        }
        return spec.update();
    }
}
