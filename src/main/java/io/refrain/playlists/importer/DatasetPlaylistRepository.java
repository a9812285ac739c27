package io.refrain.playlists.importer;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@link DatasetPlaylistImporter}: the dataset's playlists and entries are staged in
 * temporary tables (dropped at commit), compared with the system account's playlists, and
 * written set-based, a fixed number of statements whatever the dataset's size. It writes only
 * this module's tables (playlists, playlist_entries) and reads the catalog through its published
 * view catalog_track_sources. The caller holds the transaction and calls the methods in order.
 */
@Repository
class DatasetPlaylistRepository {

    private final JdbcClient jdbc;

    DatasetPlaylistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stages the entries (playlist, ordinal, Spotify track id) with the catalog track of each, if any. */
    void stageEntries(List<UUID> playlists, List<Integer> ordinals, List<String> trackKeys) {
        jdbc.sql("""
                        create temp table staged_entries on commit drop as
                        select u.playlist_id, u.ordinal, s.track_id
                        from unnest(:playlists::uuid[], :ordinals::int[], :keys::text[]) as u(playlist_id, ordinal, key)
                        left join catalog_track_sources s on s.provider = 'spotify' and s.external_id = u.key""")
                .param("playlists", playlists.toArray(UUID[]::new))
                .param("ordinals", ordinals.toArray(Integer[]::new))
                .param("keys", trackKeys.toArray(String[]::new))
                .update();
    }

    /** Leaves out the staged entries whose track the catalog does not have; returns how many. */
    long dropMissingTracks() {
        return jdbc.sql("delete from staged_entries where track_id is null").update();
    }

    /** Stages the playlists: which are new, and which existing ones have other details or another track list. */
    void stagePlaylists(UUID owner, List<UUID> ids, List<String> names, List<String> descriptions) {
        jdbc.sql("""
                        create temp table staged_playlists on commit drop as
                        select u.id, u.name, u.description, p.id is null as is_new,
                               p.id is not null and (p.name, p.description, p.public) is distinct from (u.name, u.description, true)
                                   as details_changed,
                               p.id is not null and (select coalesce(array_agg(e.track_id order by e.position), '{}')
                                                     from playlist_entries e where e.user_id = :owner and e.playlist_id = u.id)
                                                 is distinct from
                                                    (select coalesce(array_agg(s.track_id order by s.ordinal), '{}')
                                                     from staged_entries s where s.playlist_id = u.id) as tracks_changed
                        from unnest(:ids::uuid[], :names::text[], :descriptions::text[]) as u(id, name, description)
                        left join playlists p on p.user_id = :owner and p.id = u.id""")
                .param("owner", owner)
                .param("ids", ids.toArray(UUID[]::new))
                .param("names", names.toArray(String[]::new))
                .param("descriptions", descriptions.toArray(String[]::new))
                .update();
    }

    /** Inserts the new playlists (public, version 1); returns how many. */
    int insertNew(UUID owner, Instant at) {
        return jdbc.sql("""
                        insert into playlists (user_id, id, name, description, public, version, created_at, updated_at)
                        select :owner, id, name, description, true, 1, :now, :now from staged_playlists where is_new""")
                .param("owner", owner)
                .param("now", Timestamp.from(at))
                .update();
    }

    /** Updates the changed playlists' details, raising their version; returns how many. */
    int updateChanged(UUID owner, Instant at) {
        return jdbc.sql("""
                        update playlists p set name = s.name, description = s.description, public = true,
                               version = p.version + 1, updated_at = :now
                        from staged_playlists s
                        where p.user_id = :owner and p.id = s.id and (s.details_changed or s.tracks_changed)""")
                .param("owner", owner)
                .param("now", Timestamp.from(at))
                .update();
    }

    /** Rewrites the entries of the new playlists and of those whose track list changed; returns how many it wrote. */
    long rewriteEntries(UUID owner, long gap, Instant at) {
        jdbc.sql("""
                        delete from playlist_entries e using staged_playlists s
                        where e.user_id = :owner and e.playlist_id = s.id and s.tracks_changed""").param("owner", owner).update();
        return jdbc.sql("""
                        insert into playlist_entries (user_id, playlist_id, position, track_id, added_by, added_at)
                        select :owner, e.playlist_id, (e.ordinal + 1) * :gap, e.track_id, :owner, :now
                        from staged_entries e join staged_playlists s on s.id = e.playlist_id
                        where s.is_new or s.tracks_changed""")
                .param("owner", owner)
                .param("gap", gap)
                .param("now", Timestamp.from(at))
                .update();
    }
}
