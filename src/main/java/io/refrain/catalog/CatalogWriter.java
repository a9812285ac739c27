package io.refrain.catalog;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.ProblemTypes;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes single catalog entries (admin edits, connector lookups). Every step is one set-based
 * statement, so saving a track costs the same number of statements whatever its number of
 * artists, genres or external ids. Callers run it in a transaction.
 */
@Repository
class CatalogWriter {

    private final JdbcClient jdbc;

    CatalogWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The track holding this external id, if any. */
    Optional<Long> trackBySource(String provider, String externalId) {
        return jdbc.sql("select track_id from track_sources where provider = :p and external_id = :id")
                .param("p", provider).param("id", externalId).query(Long.class).optional();
    }

    /** The first track holding one of these external ids of one provider (ISRCs of a recording). */
    Optional<Long> trackBySources(String provider, List<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select min(track_id) from track_sources where provider = :p and external_id = any(:ids)")
                .param("p", provider).param("ids", externalIds.toArray(String[]::new))
                .query(Long.class).optional();
    }

    /**
     * Serialises concurrent saves of the same external id across server instances, until the
     * transaction ends.
     */
    void lockSource(String provider, String externalId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "track_source:" + provider + ":" + externalId).query().listOfRows();
    }

    long insert(TrackDraft draft, String origin, Instant now) {
        List<Long> artistIds = artists(draft.artists(), origin, now);
        Long albumId = draft.album() == null ? null : album(draft.album(), artistIds.getFirst(), origin, now);
        long id = jdbc.sql("""
                        insert into tracks (title, album_id, track_number, disc_number, duration_ms, explicit, popularity,
                                            artist_names, origin, created_at, updated_at)
                        values (:title, :album, :trackNumber, :discNumber, :duration, :explicit, :popularity,
                                :artistNames, :origin, :now, :now)
                        returning id""")
                .param("title", draft.title().strip()).param("album", albumId)
                .param("trackNumber", draft.trackNumber()).param("discNumber", draft.discNumber())
                .param("duration", draft.durationMs()).param("explicit", Boolean.TRUE.equals(draft.explicit()))
                .param("popularity", draft.popularity()).param("artistNames", artistNames(draft))
                .param("origin", origin).param("now", Timestamp.from(now))
                .query(Long.class).single();
        writeParts(id, draft, artistIds, now);
        return id;
    }

    /** Replaces everything about the track; false when it does not exist. */
    boolean replace(long id, TrackDraft draft, Instant now) {
        List<Long> artistIds = artists(draft.artists(), "admin", now);
        Long albumId = draft.album() == null ? null : album(draft.album(), artistIds.getFirst(), "admin", now);
        int updated = jdbc.sql("""
                        update tracks set title = :title, album_id = :album, track_number = :trackNumber,
                               disc_number = :discNumber, duration_ms = :duration, explicit = :explicit,
                               popularity = :popularity, artist_names = :artistNames, updated_at = :now
                        where id = :id""")
                .param("id", id).param("title", draft.title().strip()).param("album", albumId)
                .param("trackNumber", draft.trackNumber()).param("discNumber", draft.discNumber())
                .param("duration", draft.durationMs()).param("explicit", Boolean.TRUE.equals(draft.explicit()))
                .param("popularity", draft.popularity()).param("artistNames", artistNames(draft))
                .param("now", Timestamp.from(now)).update();
        if (updated == 0) {
            return false;
        }
        // one statement clears the old credits, genres, ids and features before they are rewritten
        jdbc.sql("""
                        with a as (delete from track_artists where track_id = :id),
                             g as (delete from track_genres where track_id = :id),
                             s as (delete from track_sources where track_id = :id)
                        delete from audio_features where track_id = :id""")
                .param("id", id).update();
        writeParts(id, draft, artistIds, now);
        return true;
    }

    boolean delete(long id) {
        return jdbc.sql("delete from tracks where id = :id").param("id", id).update() > 0;
    }

    /** Adds an external id to an existing track (a second source for the same song). */
    void addSource(long trackId, String provider, String externalId) {
        jdbc.sql("insert into track_sources (provider, external_id, track_id) values (:p, :id, :t) on conflict do nothing")
                .param("p", provider).param("id", externalId).param("t", trackId).update();
    }

    private void writeParts(long id, TrackDraft draft, List<Long> artistIds, Instant now) {
        jdbc.sql("""
                        insert into track_artists (track_id, position, artist_id, role)
                        select :id, (u.ord - 1)::smallint, u.artist_id, u.role
                        from unnest(:artists::bigint[], :roles::text[]) with ordinality as u(artist_id, role, ord)""")
                .param("id", id).param("artists", artistIds.toArray(Long[]::new))
                .param("roles", draft.artists().stream().map(TrackDraft.Credit::roleOrMain).toArray(String[]::new))
                .update();
        List<String> genres = draft.genresOrEmpty().stream().map(g -> g.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        if (!genres.isEmpty()) {
            jdbc.sql("""
                            with new_genres as (
                                insert into genres (name) select unnest(:names::text[]) on conflict (name) do nothing
                                returning id)
                            insert into track_genres (genre_id, track_id, popularity)
                            select id, :id, coalesce(:popularity, 0) from new_genres
                            union
                            select id, :id, coalesce(:popularity, 0) from genres where name = any(:names::text[])""")
                    .param("names", genres.toArray(String[]::new)).param("id", id)
                    .param("popularity", draft.popularity()).update();
        }
        List<TrackDraft.Source> sources = draft.sourcesOrEmpty().stream().distinct().toList();
        if (!sources.isEmpty()) {
            int added = jdbc.sql("""
                            insert into track_sources (provider, external_id, track_id)
                            select p, x, :id from unnest(:providers::text[], :ids::text[]) as u(p, x)
                            on conflict (provider, external_id) do nothing""")
                    .param("id", id)
                    .param("providers", sources.stream().map(TrackDraft.Source::provider).toArray(String[]::new))
                    .param("ids", sources.stream().map(s -> s.id().strip()).toArray(String[]::new))
                    .update();
            if (added < sources.size()) {
                // the transaction rolls back: nothing of this save stays
                throw ApiException.conflict(ProblemTypes.CONFLICT,
                        "One of these external ids already belongs to another track: " + sources + ".");
            }
        }
        if (draft.features() != null) {
            writeFeatures(id, draft.features(), draft.durationMs(), genres, now);
        }
    }

    private void writeFeatures(long id, TrackDraft.Features f, Integer durationMs, List<String> genres, Instant now) {
        var music = MusicDimensions.derive(new MusicDimensions.Features(f.danceability(), f.energy(), f.loudness(),
                f.speechiness(), f.acousticness(), f.instrumentalness(), f.valence(), f.tempo()), genres);
        jdbc.sql("""
                        insert into audio_features (track_id, danceability, energy, key, loudness, mode, speechiness,
                            acousticness, instrumentalness, liveness, valence, tempo, time_signature, duration_ms,
                            features_source, features_confidence, mellow, unpretentious, sophisticated, intense,
                            contemporary, tempo_normalized, music_source, music_confidence, analysis_version, updated_at)
                        values (:id, :danceability, :energy, :key, :loudness, :mode, :speechiness, :acousticness,
                            :instrumentalness, :liveness, :valence, :tempo, :timeSignature, :duration, 'admin', 1.0,
                            :mellow, :unpretentious, :sophisticated, :intense, :contemporary, :tempoNormalized,
                            :musicSource, :musicConfidence, :version, :now)""")
                .param("id", id).param("danceability", f.danceability()).param("energy", f.energy())
                .param("key", f.key()).param("loudness", f.loudness()).param("mode", f.mode())
                .param("speechiness", f.speechiness()).param("acousticness", f.acousticness())
                .param("instrumentalness", f.instrumentalness()).param("liveness", f.liveness())
                .param("valence", f.valence()).param("tempo", f.tempo()).param("timeSignature", f.timeSignature())
                .param("duration", durationMs)
                .param("mellow", music.mellow()).param("unpretentious", music.unpretentious())
                .param("sophisticated", music.sophisticated()).param("intense", music.intense())
                .param("contemporary", music.contemporary()).param("tempoNormalized", music.tempoNormalized())
                .param("musicSource", MusicDimensions.SOURCE).param("musicConfidence", MusicDimensions.CONFIDENCE)
                .param("version", MusicDimensions.VERSION).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * The ids of the named artists in credit order: an existing artist with exactly the name
     * (the most popular, when several share it) or a new one. One statement.
     */
    private List<Long> artists(List<TrackDraft.Credit> credits, String origin, Instant now) {
        String[] names = credits.stream().map(c -> c.name().strip()).toArray(String[]::new);
        return jdbc.sql("""
                        with wanted as (select name, min(ord) as ord from unnest(:names::text[]) with ordinality as u(name, ord)
                                        group by name),
                             found as (select distinct on (a.name) a.name, a.id from artists a
                                       where a.name in (select name from wanted)
                                       order by a.name, a.popularity desc nulls last, a.id),
                             created as (insert into artists (name, origin, created_at, updated_at)
                                         select w.name, :origin, :now, :now from wanted w
                                         where not exists (select 1 from found f where f.name = w.name)
                                         returning id, name)
                        select coalesce(f.id, c.id)
                        from unnest(:names::text[]) with ordinality as u(name, ord)
                        left join found f on f.name = u.name left join created c on c.name = u.name
                        order by u.ord""")
                .param("names", names).param("origin", origin).param("now", Timestamp.from(now))
                .query(Long.class).list();
    }

    /** An album with this title whose first artist is the track's first artist, else a new one. */
    private long album(TrackDraft.Album album, long firstArtist, String origin, Instant now) {
        PartialDate date = PartialDate.parse(album.releaseDate());
        return jdbc.sql("""
                        with found as (select al.id from albums al join album_artists aa on aa.album_id = al.id and aa.position = 0
                                       where al.title = :title and aa.artist_id = :artist order by al.id limit 1),
                             created as (insert into albums (title, release_date, release_date_precision, origin, created_at, updated_at)
                                         select :title, :date, :precision, :origin, :now, :now
                                         where not exists (select 1 from found) returning id),
                             credit as (insert into album_artists (album_id, position, artist_id)
                                        select id, 0, :artist from created)
                        select id from found union all select id from created""")
                .param("title", album.title().strip()).param("artist", firstArtist)
                .param("date", date == null ? null : date.date()).param("precision", date == null ? null : date.precision())
                .param("origin", origin).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    private static String artistNames(TrackDraft draft) {
        return String.join(", ", draft.artists().stream().map(c -> c.name().strip()).toList());
    }

    /** "YYYY", "YYYY-MM" or "YYYY-MM-DD" as a date plus its precision. */
    record PartialDate(LocalDate date, String precision) {
        static PartialDate parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return switch (text.length()) {
                    case 4 -> new PartialDate(LocalDate.of(Integer.parseInt(text), 1, 1), "year");
                    case 7 -> new PartialDate(LocalDate.parse(text + "-01"), "month");
                    default -> new PartialDate(LocalDate.parse(text), "day");
                };
            } catch (RuntimeException e) {
                throw ApiException.invalidField("album.releaseDate", "must be YYYY, YYYY-MM or YYYY-MM-DD, got '" + text + "'");
            }
        }
    }
}
