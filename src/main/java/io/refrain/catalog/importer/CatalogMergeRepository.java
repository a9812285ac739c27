package io.refrain.catalog.importer;

import io.refrain.catalog.MusicDimensions;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The statements of the catalog import ({@link CatalogMerge} runs them in order, in one
 * transaction): the file's rows are copied into a temporary staging table, reduced to one row
 * per track and per album, and merged into the catalog. Tracks and albums are keyed by their
 * Spotify ids (as {@code spotify} external ids); artists come from {@code artist_map}, filled
 * from the catalog's identity rule.
 */
@Repository
class CatalogMergeRepository {

    /** Rows a merge step inserted and updated. */
    record Merged(long inserted, long updated) {}

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    CatalogMergeRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    void createStaging() {
        jdbc.sql("""
                create temp table catalog_staging (
                    line bigint, track_key text, title text, artist text, popularity smallint,
                    album_key text, album_title text, release_date date, release_precision text,
                    genre text, subgenre text,
                    danceability real, energy real, key smallint, loudness real, mode smallint, speechiness real,
                    acousticness real, instrumentalness real, liveness real, valence real, tempo real, duration_ms integer,
                    mellow real, unpretentious real, sophisticated real, intense real, contemporary real,
                    tempo_normalized real
                ) on commit drop""").update();
    }

    /**
     * A {@code COPY} into the staging table on the transaction's connection: write CSV rows in
     * the staging table's column order ({@link StagedRow#values}); closing the stream ends it.
     */
    OutputStream openStagingCopy() throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        return new PGCopyOutputStream(
                connection.unwrap(PGConnection.class), "copy catalog_staging from stdin (format csv)", 1 << 16);
    }

    void stageTracksAndAlbums() {
        jdbc.sql("create index on catalog_staging (track_key)").update();
        jdbc.sql("analyze catalog_staging").update();
        // One row per track: track fields from its first row; MUSIC scores averaged over its rows,
        // because each row was scored with that row's playlist genre.
        jdbc.sql("""
                create temp table staged_tracks on commit drop as
                select f.*, m.mellow, m.unpretentious, m.sophisticated, m.intense, m.contemporary, m.tempo_normalized
                from (select distinct on (track_key) track_key, title, artist, popularity, album_key, album_title,
                             release_date, release_precision, danceability, energy, key, loudness, mode, speechiness,
                             acousticness, instrumentalness, liveness, valence, tempo, duration_ms
                      from catalog_staging order by track_key, line) f
                join (select track_key, avg(mellow)::real as mellow, avg(unpretentious)::real as unpretentious,
                             avg(sophisticated)::real as sophisticated, avg(intense)::real as intense,
                             avg(contemporary)::real as contemporary, avg(tempo_normalized)::real as tempo_normalized
                      from catalog_staging group by track_key) m using (track_key)""").update();
        jdbc.sql("""
                create temp table staged_albums on commit drop as
                select album_key,
                       (array_agg(album_title order by popularity desc nulls last, track_key))[1] as album_title,
                       (array_agg(release_date order by popularity desc nulls last, track_key))[1] as release_date,
                       (array_agg(release_precision order by popularity desc nulls last, track_key))[1] as release_precision,
                       max(popularity) as popularity,
                       mode() within group (order by artist) as artist
                from staged_tracks where album_key is not null group by album_key""").update();
    }

    long stagedTracks() {
        return jdbc.sql("select count(*) from staged_tracks").query(Long.class).single();
    }

    long mergeGenres() {
        long parents = jdbc.sql("""
                insert into genres (name) select distinct genre from catalog_staging where genre is not null
                on conflict (name) do nothing""").update();
        long children = jdbc.sql("""
                insert into genres (name, parent_id)
                select distinct on (s.subgenre) s.subgenre, g.id from catalog_staging s join genres g on g.name = s.genre
                where s.subgenre is not null order by s.subgenre, g.id
                on conflict (name) do nothing""").update();
        return parents + children;
    }

    /** The distinct artist names of the staged tracks. */
    List<String> stagedArtists() {
        return jdbc.sql("select distinct artist from staged_tracks")
                .query(String.class)
                .list();
    }

    /** {@code artist_map}: the catalog id of each staged artist name. */
    void mapArtists(List<String> names, List<Long> ids) {
        jdbc.sql("create temp table artist_map (artist text not null, id bigint not null) on commit drop")
                .update();
        jdbc.sql("insert into artist_map select * from unnest(:names::text[], :ids::bigint[])")
                .param("names", names.toArray(String[]::new))
                .param("ids", ids.toArray(Long[]::new))
                .update();
        jdbc.sql("create index on artist_map (artist)").update();
    }

    Merged mergeAlbums(Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                create temp table album_map on commit drop as
                select a.album_key, coalesce(src.album_id, nextval(pg_get_serial_sequence('albums', 'id'))) as album_id,
                       src.album_id is null as is_new
                from staged_albums a
                left join album_sources src on src.provider = 'spotify' and src.external_id = a.album_key""").update();
        long inserted = jdbc.sql("""
                insert into albums (id, title, release_date, release_date_precision, popularity, origin, created_at, updated_at)
                select m.album_id, a.album_title, a.release_date, a.release_precision, a.popularity, 'import', cast(:now as timestamptz), cast(:now as timestamptz)
                from album_map m join staged_albums a using (album_key) where m.is_new""").param("now", now).update();
        jdbc.sql(
                        "insert into album_sources (provider, external_id, album_id) select 'spotify', album_key, album_id from album_map where is_new")
                .update();
        long updated = jdbc.sql("""
                update albums al set title = a.album_title, release_date = a.release_date,
                       release_date_precision = a.release_precision, popularity = a.popularity, updated_at = :now
                from staged_albums a join album_map m using (album_key)
                where al.id = m.album_id and not m.is_new
                  and (al.title, al.release_date, al.release_date_precision, al.popularity)
                      is distinct from (a.album_title, a.release_date, a.release_precision, a.popularity)""").param("now", now).update();
        jdbc.sql("""
                insert into album_artists (album_id, position, artist_id)
                select m.album_id, 0, am.id from staged_albums a join album_map m using (album_key)
                join artist_map am on am.artist = a.artist
                on conflict do nothing""").update();
        return new Merged(inserted, updated);
    }

    Merged mergeTracks(Instant at) {
        Timestamp now = Timestamp.from(at);
        jdbc.sql("""
                create temp table track_map on commit drop as
                select s.track_key, coalesce(src.track_id, nextval(pg_get_serial_sequence('tracks', 'id'))) as track_id,
                       src.track_id is null as is_new
                from staged_tracks s
                left join track_sources src on src.provider = 'spotify' and src.external_id = s.track_key""").update();
        jdbc.sql("create index on track_map (track_key)").update();
        long inserted = jdbc.sql("""
                insert into tracks (id, title, album_id, duration_ms, popularity, artist_names, origin, created_at, updated_at)
                select m.track_id, s.title, am.album_id, s.duration_ms, s.popularity,
                       s.artist, 'import', cast(:now as timestamptz), cast(:now as timestamptz)
                from staged_tracks s join track_map m using (track_key)
                left join album_map am on am.album_key = s.album_key
                where m.is_new""").param("now", now).update();
        jdbc.sql(
                        "insert into track_sources (provider, external_id, track_id) select 'spotify', track_key, track_id from track_map where is_new")
                .update();
        long updated = jdbc.sql("""
                update tracks t set title = s.title, album_id = am.album_id, duration_ms = s.duration_ms,
                       popularity = s.popularity, artist_names = s.artist,
                       updated_at = :now
                from staged_tracks s join track_map m using (track_key)
                left join album_map am on am.album_key = s.album_key
                where t.id = m.track_id and not m.is_new
                  and (t.title, t.album_id, t.duration_ms, t.popularity, t.artist_names)
                      is distinct from (s.title, am.album_id, s.duration_ms, s.popularity, s.artist)""").param("now", now).update();
        return new Merged(inserted, updated);
    }

    void mergeCredits() {
        jdbc.sql("""
                insert into track_artists (track_id, position, artist_id, role)
                select m.track_id, 0, a.id, 'main' from staged_tracks s join track_map m using (track_key)
                join artist_map a on a.artist = s.artist
                on conflict (track_id, position) do update set artist_id = excluded.artist_id, role = excluded.role
                where (track_artists.artist_id, track_artists.role) is distinct from (excluded.artist_id, excluded.role)""").update();
    }

    void mergeTrackGenres() {
        // a track gets its playlist genre and sub-genre; popularity is copied for genre pages
        jdbc.sql("""
                insert into track_genres (genre_id, track_id, popularity)
                select g.id, m.track_id, max(coalesce(s.popularity, 0))
                from catalog_staging c join track_map m using (track_key) join staged_tracks s using (track_key)
                join genres g on g.name = c.genre or g.name = c.subgenre
                group by g.id, m.track_id
                on conflict (genre_id, track_id) do update set popularity = excluded.popularity
                where track_genres.popularity <> excluded.popularity""").update();
        jdbc.sql("""
                insert into artist_genres (artist_id, genre_id)
                select distinct a.id, g.id from catalog_staging c join artist_map a on a.artist = c.artist
                join genres g on g.name = c.genre
                on conflict do nothing""").update();
    }

    long mergeFeatures(Instant at) {
        return jdbc.sql("""
                insert into audio_features as f (track_id, danceability, energy, key, loudness, mode, speechiness,
                    acousticness, instrumentalness, liveness, valence, tempo, duration_ms, features_source,
                    features_confidence, mellow, unpretentious, sophisticated, intense, contemporary, tempo_normalized,
                    music_source, music_confidence, analysis_version, updated_at)
                select m.track_id, s.danceability, s.energy, s.key, s.loudness, s.mode, s.speechiness, s.acousticness,
                       s.instrumentalness, s.liveness, s.valence, s.tempo, s.duration_ms, 'spotify-dataset', 1.0,
                       s.mellow, s.unpretentious, s.sophisticated, s.intense, s.contemporary, s.tempo_normalized,
                       :musicSource, :musicConfidence, :version, :now
                from staged_tracks s join track_map m using (track_key)
                on conflict (track_id) do update set
                    danceability = excluded.danceability, energy = excluded.energy, key = excluded.key,
                    loudness = excluded.loudness, mode = excluded.mode, speechiness = excluded.speechiness,
                    acousticness = excluded.acousticness, instrumentalness = excluded.instrumentalness,
                    liveness = excluded.liveness, valence = excluded.valence, tempo = excluded.tempo,
                    duration_ms = excluded.duration_ms, features_source = excluded.features_source,
                    features_confidence = excluded.features_confidence, mellow = excluded.mellow,
                    unpretentious = excluded.unpretentious, sophisticated = excluded.sophisticated,
                    intense = excluded.intense, contemporary = excluded.contemporary,
                    tempo_normalized = excluded.tempo_normalized, music_source = excluded.music_source,
                    music_confidence = excluded.music_confidence, analysis_version = excluded.analysis_version,
                    updated_at = excluded.updated_at
                where (f.danceability, f.energy, f.key, f.loudness, f.mode, f.speechiness, f.acousticness,
                       f.instrumentalness, f.liveness, f.valence, f.tempo, f.duration_ms, f.mellow, f.unpretentious,
                       f.sophisticated, f.intense, f.contemporary, f.tempo_normalized, f.analysis_version)
                      is distinct from
                      (excluded.danceability, excluded.energy, excluded.key, excluded.loudness, excluded.mode,
                       excluded.speechiness, excluded.acousticness, excluded.instrumentalness, excluded.liveness,
                       excluded.valence, excluded.tempo, excluded.duration_ms, excluded.mellow, excluded.unpretentious,
                       excluded.sophisticated, excluded.intense, excluded.contemporary, excluded.tempo_normalized,
                       excluded.analysis_version)""")
                .param("musicSource", MusicDimensions.SOURCE)
                .param("musicConfidence", MusicDimensions.CONFIDENCE)
                .param("version", MusicDimensions.VERSION)
                .param("now", Timestamp.from(at))
                .update();
    }

    void refreshArtistPopularity() {
        jdbc.sql("""
                update artists a set popularity = x.popularity
                from (select ta.artist_id, max(t.popularity) as popularity
                      from track_artists ta join tracks t on t.id = ta.track_id
                      where ta.artist_id in (select id from artist_map) group by ta.artist_id) x
                where a.id = x.artist_id and a.popularity is distinct from x.popularity""").update();
    }
}
