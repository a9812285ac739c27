package io.refrain.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of {@link TrackResolver}: each looks up or creates a whole batch at once.
 * Positions are the caller's indexes into its batch, handed back with what matched.
 */
@Repository
class TrackResolutionRepository {

    /** The track matched for the reference at {@code position} of the batch. */
    record Match(int position, long trackId) {}

    /** A song to create, with its artist and album already found or created. */
    record NewTrack(
            String title,
            String artistName,
            long artistId,
            Long albumId,
            Integer durationMs,
            String spotifyId,
            String recordingMbid,
            String isrc) {}

    private final JdbcClient jdbc;

    TrackResolutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of these catalog ids exist. */
    List<Long> existing(Collection<Long> trackIds) {
        return jdbc.sql("select id from tracks where id = any(:ids)")
                .param("ids", trackIds.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    /**
     * Tracks by external id: the i-th (provider, id) belongs to the reference at the i-th
     * position; the first matching source of a position in the order given wins.
     */
    List<Match> bySources(List<String> providers, List<String> externalIds, List<Integer> positions) {
        return jdbc.sql("""
                        select distinct on (u.pos) u.pos, s.track_id
                        from unnest(:providers::text[], :ids::text[], :positions::int[]) with ordinality as u(provider, external_id, pos, ord)
                        join track_sources s on s.provider = u.provider and s.external_id = u.external_id
                        order by u.pos, u.ord""")
                .param("providers", providers.toArray(String[]::new))
                .param("ids", externalIds.toArray(String[]::new))
                .param("positions", positions.toArray(Integer[]::new))
                .query((rs, n) -> new Match(rs.getInt(1), rs.getLong(2)))
                .list();
    }

    /**
     * Artist + title in their search forms: the track whose title is the one given and whose
     * artist names are the artist given, or that credits an artist of that name; among several,
     * the one on the named album, then the most popular. Both ways are index lookups by equality
     * (a common title like "Intro" never means scanning its namesakes).
     */
    List<Match> byNames(List<String> artists, List<String> titles, List<String> albums, List<Integer> positions) {
        return jdbc.sql("""
                        with wanted as (
                            select pos, refrain_search_normalize(artist) as artist_key, refrain_search_normalize(title) as title_key,
                                   refrain_search_normalize(album) as album_key
                            from unnest(:artists::text[], :titles::text[], :albums::text[], :positions::int[]) as u(artist, title, album, pos)),
                        -- materialised so the planner goes from the artist to its tracks, never from a
                        -- common title ("Intro", 190 namesakes) to every namesake's credits
                        artist_tracks as materialized (
                            select w.pos, w.title_key, ta.track_id from wanted w
                            join artists a on a.search_text = w.artist_key
                            join track_artists ta on ta.artist_id = a.id),
                        candidates as (
                            select w.pos, t.id, true as all_names from wanted w
                            join tracks t on t.title_search = w.title_key and t.artists_search = w.artist_key
                            union all
                            select x.pos, x.track_id, false from artist_tracks x
                            join tracks t on t.id = x.track_id and t.title_search = x.title_key)
                        select distinct on (c.pos) c.pos, c.id
                        from candidates c join wanted w on w.pos = c.pos
                        join tracks t on t.id = c.id left join albums al on al.id = t.album_id
                        order by c.pos, c.all_names desc, (al.search_text = w.album_key) desc nulls last,
                                 t.popularity desc nulls last, t.id""")
                .param("artists", artists.toArray(String[]::new))
                .param("titles", titles.toArray(String[]::new))
                .param("albums", albums.toArray(String[]::new))
                .param("positions", positions.toArray(Integer[]::new))
                .query((rs, n) -> new Match(rs.getInt(1), rs.getLong(2)))
                .list();
    }

    /**
     * Transaction-scoped advisory locks on these keys, taken in one sorted order so that
     * concurrent batches never deadlock on them.
     */
    void lock(Set<String> keys) {
        jdbc.sql("""
                        select count(pg_advisory_xact_lock(h))
                        from (select distinct hashtextextended(k, 0) as h from unnest(:keys::text[]) k order by 1) locks""").param("keys", keys.toArray(String[]::new)).query().singleValue();
    }

    /** Creates the tracks (origin {@code listen}) with their credit and external ids; their ids in order. */
    List<Long> insert(List<NewTrack> tracks, Instant now) {
        return jdbc.sql("""
                        with input as (select u.*, nextval(pg_get_serial_sequence('tracks', 'id')) as id
                                       from unnest(:titles::text[], :artistNames::text[], :artistIds::bigint[], :albumIds::bigint[],
                                                   :durations::int[], :spotify::text[], :mbids::text[], :isrcs::text[])
                                            with ordinality as u(title, artist_name, artist_id, album_id, duration_ms, spotify, mbid, isrc, ord)),
                             created as (insert into tracks (id, title, album_id, duration_ms, artist_names, origin, created_at, updated_at)
                                         select id, title, album_id, duration_ms, artist_name, 'listen', :now, :now from input),
                             credits as (insert into track_artists (track_id, position, artist_id, role)
                                         select id, 0, artist_id, 'main' from input),
                             sources as (insert into track_sources (provider, external_id, track_id)
                                         select s.provider, s.external_id, i.id from input i
                                         cross join lateral (values ('spotify', i.spotify), ('musicbrainz', i.mbid), ('isrc', i.isrc))
                                                    as s(provider, external_id)
                                         where s.external_id is not null
                                         on conflict (provider, external_id) do nothing)
                        select id from input order by ord""")
                .param("titles", tracks.stream().map(NewTrack::title).toArray(String[]::new))
                .param("artistNames", tracks.stream().map(NewTrack::artistName).toArray(String[]::new))
                .param("artistIds", tracks.stream().map(NewTrack::artistId).toArray(Long[]::new))
                .param("albumIds", tracks.stream().map(NewTrack::albumId).toArray(Long[]::new))
                .param("durations", tracks.stream().map(NewTrack::durationMs).toArray(Integer[]::new))
                .param("spotify", tracks.stream().map(NewTrack::spotifyId).toArray(String[]::new))
                .param("mbids", tracks.stream().map(NewTrack::recordingMbid).toArray(String[]::new))
                .param("isrcs", tracks.stream().map(NewTrack::isrc).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .list();
    }
}
