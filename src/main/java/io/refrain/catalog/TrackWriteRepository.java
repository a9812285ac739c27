package io.refrain.catalog;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements that save one catalog track and its parts (credits, genres, external ids,
 * audio features) for {@link CatalogWriter}. Each part is one set-based statement, whatever its
 * number of artists, genres or ids.
 */
@Repository
class TrackWriteRepository {

    private final JdbcClient jdbc;

    TrackWriteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The parameters of a track's own columns, shared by insert and update (one source: JdbcClient does not mix it with param()). */
    private static MapSqlParameterSource draftColumns(TrackDraft draft, Long albumId, String artistNames, Instant now) {
        return new MapSqlParameterSource()
                .addValue("title", draft.title().strip())
                .addValue("album", albumId)
                .addValue("trackNumber", draft.trackNumber())
                .addValue("discNumber", draft.discNumber())
                .addValue("duration", draft.durationMs())
                .addValue("explicit", Boolean.TRUE.equals(draft.explicit()))
                .addValue("popularity", draft.popularity())
                .addValue("artistNames", artistNames)
                .addValue("now", Timestamp.from(now));
    }

    long insert(TrackDraft draft, Long albumId, String artistNames, String origin, Instant now) {
        return jdbc.sql("""
                        insert into tracks (title, album_id, track_number, disc_number, duration_ms, explicit, popularity,
                                            artist_names, origin, created_at, updated_at)
                        values (:title, :album, :trackNumber, :discNumber, :duration, :explicit, :popularity,
                                :artistNames, :origin, :now, :now)
                        returning id""")
                .paramSource(draftColumns(draft, albumId, artistNames, now).addValue("origin", origin))
                .query(Long.class)
                .single();
    }

    /** Overwrites the track's own columns; false when it does not exist. */
    boolean update(long id, TrackDraft draft, Long albumId, String artistNames, Instant now) {
        return jdbc.sql("""
                        update tracks set title = :title, album_id = :album, track_number = :trackNumber,
                               disc_number = :discNumber, duration_ms = :duration, explicit = :explicit,
                               popularity = :popularity, artist_names = :artistNames, updated_at = :now
                        where id = :id""")
                        .paramSource(
                                draftColumns(draft, albumId, artistNames, now).addValue("id", id))
                        .update()
                > 0;
    }

    /** Clears the track's credits, genres, external ids and features in one statement, before they are rewritten. */
    void clearParts(long id) {
        jdbc.sql("""
                        with a as (delete from track_artists where track_id = :id),
                             g as (delete from track_genres where track_id = :id),
                             s as (delete from track_sources where track_id = :id)
                        delete from audio_features where track_id = :id""").param("id", id).update();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from tracks where id = :id").param("id", id).update() > 0;
    }

    /** The track's artists in credit order, with their roles. */
    void writeCredits(long id, List<Long> artistIds, List<String> roles) {
        jdbc.sql("""
                        insert into track_artists (track_id, position, artist_id, role)
                        select :id, (u.ord - 1)::smallint, u.artist_id, u.role
                        from unnest(:artists::bigint[], :roles::text[]) with ordinality as u(artist_id, role, ord)""")
                .param("id", id)
                .param("artists", artistIds.toArray(Long[]::new))
                .param("roles", roles.toArray(String[]::new))
                .update();
    }

    /** The track's genres by name (lower case), creating names not yet known. */
    void writeGenres(long id, List<String> genres, Integer popularity) {
        jdbc.sql("""
                        with new_genres as (
                            insert into genres (name) select unnest(:names::text[]) on conflict (name) do nothing
                            returning id)
                        insert into track_genres (genre_id, track_id, popularity)
                        select id, :id, coalesce(:popularity, 0) from new_genres
                        union
                        select id, :id, coalesce(:popularity, 0) from genres where name = any(:names::text[])""")
                .param("names", genres.toArray(String[]::new))
                .param("id", id)
                .param("popularity", popularity)
                .update();
    }

    /** Adds the external ids; returns how many were added (fewer: some belong to another track). */
    int writeSources(long id, List<TrackDraft.Source> sources) {
        return jdbc.sql("""
                        insert into track_sources (provider, external_id, track_id)
                        select p, x, :id from unnest(:providers::text[], :ids::text[]) as u(p, x)
                        on conflict (provider, external_id) do nothing""")
                .param("id", id)
                .param(
                        "providers",
                        sources.stream().map(TrackDraft.Source::provider).toArray(String[]::new))
                .param("ids", sources.stream().map(s -> s.id().strip()).toArray(String[]::new))
                .update();
    }

    /** Audio features given by an admin or a connector, with the MUSIC dimensions derived from them. */
    void writeFeatures(long id, TrackDraft.Features f, Integer durationMs, MusicDimensions.Scores music, Instant now) {
        jdbc.sql("""
                        insert into audio_features (track_id, danceability, energy, key, loudness, mode, speechiness,
                            acousticness, instrumentalness, liveness, valence, tempo, time_signature, duration_ms,
                            features_source, features_confidence, mellow, unpretentious, sophisticated, intense,
                            contemporary, tempo_normalized, music_source, music_confidence, analysis_version, updated_at)
                        values (:id, :danceability, :energy, :key, :loudness, :mode, :speechiness, :acousticness,
                            :instrumentalness, :liveness, :valence, :tempo, :timeSignature, :duration, 'admin', 1.0,
                            :mellow, :unpretentious, :sophisticated, :intense, :contemporary, :tempoNormalized,
                            :musicSource, :musicConfidence, :version, :now)""")
                .param("id", id)
                .param("danceability", f.danceability())
                .param("energy", f.energy())
                .param("key", f.key())
                .param("loudness", f.loudness())
                .param("mode", f.mode())
                .param("speechiness", f.speechiness())
                .param("acousticness", f.acousticness())
                .param("instrumentalness", f.instrumentalness())
                .param("liveness", f.liveness())
                .param("valence", f.valence())
                .param("tempo", f.tempo())
                .param("timeSignature", f.timeSignature())
                .param("duration", durationMs)
                .param("mellow", music.mellow())
                .param("unpretentious", music.unpretentious())
                .param("sophisticated", music.sophisticated())
                .param("intense", music.intense())
                .param("contemporary", music.contemporary())
                .param("tempoNormalized", music.tempoNormalized())
                .param("musicSource", MusicDimensions.SOURCE)
                .param("musicConfidence", MusicDimensions.CONFIDENCE)
                .param("version", MusicDimensions.VERSION)
                .param("now", Timestamp.from(now))
                .update();
    }
}
