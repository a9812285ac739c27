package io.refrain.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalog reads. Documents are assembled by SQL functions (migration V003), so every read
 * here is a single statement whatever the number of tracks involved.
 */
@Repository
class CatalogRepository {

    static final int ARTIST_ALBUMS = 50;
    static final int ARTIST_TOP_TRACKS = 10;

    record GenreTrackRow(int popularity, long trackId, String doc) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CatalogRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Whether the catalog has any track at all. */
    boolean hasTracks() {
        return jdbc.sql("select exists (select 1 from tracks)")
                .query(Boolean.class)
                .single();
    }

    Map<Long, TrackView> tracks(Collection<? extends Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("select refrain_track_doc(id)::text from tracks where id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> json.readValue(rs.getString(1), TrackView.class))
                .list()
                .stream()
                .collect(Collectors.toMap(TrackView::id, Function.identity()));
    }

    Optional<AlbumView> album(long id) {
        return jdbc.sql("select refrain_album_doc(:id)::text")
                .param("id", id)
                .query((rs, n) -> rs.getString(1))
                .optional()
                .filter(java.util.Objects::nonNull)
                .map(doc -> json.readValue(doc, AlbumView.class));
    }

    Optional<ArtistView> artist(long id) {
        return jdbc.sql("select refrain_artist_doc(:id, :albums, :top)::text")
                .param("id", id)
                .param("albums", ARTIST_ALBUMS)
                .param("top", ARTIST_TOP_TRACKS)
                .query((rs, n) -> rs.getString(1))
                .optional()
                .filter(java.util.Objects::nonNull)
                .map(doc -> json.readValue(doc, ArtistView.class));
    }

    List<GenreView> genres() {
        return jdbc.sql("""
                        select g.id, g.name, p.name as parent, (select count(*) from track_genres tg where tg.genre_id = g.id)
                        from genres g left join genres p on p.id = g.parent_id order by g.name""")
                .query((rs, n) -> new GenreView(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    Optional<Integer> genreId(String name) {
        return jdbc.sql("select id from genres where name = :name")
                .param("name", name)
                .query(Integer.class)
                .optional();
    }

    /**
     * One page of a genre in popularity order, after the (popularity, track id) of the cursor;
     * the first page starts after (101, 0), above any popularity.
     */
    List<GenreTrackRow> genreTracks(int genreId, int afterPopularity, long afterTrack, int limit) {
        return jdbc.sql("""
                        select tg.popularity, tg.track_id, refrain_track_doc(tg.track_id)::text
                        from track_genres tg
                        where tg.genre_id = :genre
                          and (tg.popularity < :afterPopularity
                               or (tg.popularity = :afterPopularity and tg.track_id > :afterTrack))
                        order by tg.popularity desc, tg.track_id
                        limit :limit""")
                .param("genre", genreId)
                .param("afterPopularity", afterPopularity)
                .param("afterTrack", afterTrack)
                .param("limit", limit)
                .query((rs, n) -> new GenreTrackRow(rs.getInt(1), rs.getLong(2), rs.getString(3)))
                .list();
    }

    TrackView parse(String doc) {
        return json.readValue(doc, TrackView.class);
    }
}
