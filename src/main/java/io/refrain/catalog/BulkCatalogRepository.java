package io.refrain.catalog;

import io.refrain.platform.db.BulkSession;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@link BulkCatalog}. Synthetic tracks are derived from the real tracks: each new
 * track copies a real track's genres and explicitness and jitters its duration, popularity and
 * audio features within their valid ranges; titles, artists and albums are pairs of words taken
 * from real titles. Everything is set-based SQL in the caller's transaction (no row travels
 * through Java), and the "randomness" is a hash of the row number and the seed, so a seed gives
 * the same catalog.
 */
@Repository
class BulkCatalogRepository {

    /** Used when the catalog has too few words in its titles (a nearly empty database). */
    private static final String FALLBACK_WORDS =
            "'{Midnight,River,Golden,Echo,Summer,Velvet,Neon,Silver,Wild,Heart,Lonely,Electric,"
                    + "Paper,Ocean,Fire,Shadow,Morning,Broken,Sweet,Highway}'";

    private final JdbcClient jdbc;

    BulkCatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long trackCount() {
        return jdbc.sql("select count(*) from tracks").query(Long.class).single();
    }

    /** Every track, most popular first (index 0 is the global Zipf rank 0), with its duration (0 if unknown) and lowest genre id (-1 if none). */
    List<BulkCatalog.TrackSample> tracksByPopularity() {
        List<BulkCatalog.TrackSample> rows = new ArrayList<>();
        jdbc.sql("""
                select t.id, coalesce(t.duration_ms, 0), coalesce(g.genre_id, -1)
                from tracks t left join (select track_id, min(genre_id) as genre_id from track_genres group by track_id) g
                     on g.track_id = t.id
                order by t.popularity desc nulls last, t.id""").query(rs -> {
            rows.add(new BulkCatalog.TrackSample(rs.getLong(1), rs.getInt(2), rs.getInt(3)));
        });
        return rows;
    }

    void analyzeTracks() {
        jdbc.sql("analyze tracks, track_artists, track_genres, audio_features, artists, albums")
                .update();
    }

    /** Adds {@code count} synthetic tracks in the current transaction; returns {@code count}. */
    long expand(long count, long seed, int tracksPerAlbum, int tracksPerArtist, Instant at) {
        Timestamp now = Timestamp.from(at);
        BulkSession.apply(jdbc);
        functions(seed);
        long sources = sources();
        if (sources == 0) {
            throw new IllegalStateException(
                    "the catalog has no track with a genre to derive synthetic tracks from; import a catalog first");
        }
        words();
        long artists = Math.max(1, count / tracksPerArtist);
        long albums = Math.max(1, count / tracksPerAlbum);
        long maxArtist = maxId("artists");
        jdbc.sql("""
                insert into artists (name, popularity, origin, created_at, updated_at)
                select pg_temp.bench_words(g, 1), (pg_temp.bench_rnd(g, 2) * 80)::int, 'import', :now, :now
                from generate_series(0, :n - 1) g order by g""").param("n", artists).param("now", now).update();
        numbered("bench_artists", "artists", maxArtist, now);
        long maxAlbum = maxId("albums");
        jdbc.sql("""
                insert into albums (title, release_date, release_date_precision, popularity, origin, created_at, updated_at)
                select pg_temp.bench_words(g, 3), make_date(1960 + (pg_temp.bench_rnd(g, 4) * 65)::int, 1, 1), 'year',
                       (pg_temp.bench_rnd(g, 5) * 80)::int, 'import', :now, :now
                from generate_series(0, :n - 1) g order by g""").param("n", albums).param("now", now).update();
        numbered("bench_albums", "albums", maxAlbum, now);
        // album g's artist: consecutive albums share an artist, so an artist has about eight tracks
        jdbc.sql("""
                insert into album_artists (album_id, position, artist_id)
                select al.id, 0, ar.id from bench_albums al join bench_artists ar on ar.rn = (al.rn * :perAlbum / :perArtist) % :artists""")
                .param("perAlbum", tracksPerAlbum)
                .param("perArtist", tracksPerArtist)
                .param("artists", artists)
                .update();
        long maxTrack = maxId("tracks");
        jdbc.sql("""
                insert into tracks (title, album_id, track_number, disc_number, duration_ms, explicit, popularity, artist_names,
                                    origin, created_at, updated_at)
                select pg_temp.bench_words(g, 6), al.id, (g % :perAlbum) + 1, 1,
                       least(1800000, greatest(30000, (coalesce(s.duration_ms, 210000) * (0.85 + 0.3 * pg_temp.bench_rnd(g, 7)))::int)),
                       s.explicit, least(100, greatest(0, coalesce(s.popularity, 30) + (pg_temp.bench_rnd(g, 8) * 20 - 10)::int)),
                       ar.name, 'import', :now, :now
                from generate_series(0, :n - 1) g
                join bench_src s on s.rn = g % :sources
                join bench_albums al on al.rn = (g / :perAlbum) % :albums
                join album_artists aa on aa.album_id = al.id and aa.position = 0
                join artists ar on ar.id = aa.artist_id
                order by g""")
                .param("perAlbum", tracksPerAlbum)
                .param("n", count)
                .param("sources", sources)
                .param("albums", albums)
                .param("now", now)
                .update();
        numbered("bench_tracks", "tracks", maxTrack, now);
        jdbc.sql("""
                insert into track_artists (track_id, position, artist_id, role)
                select t.id, 0, aa.artist_id, 'main' from bench_tracks b join tracks t on t.id = b.id
                join album_artists aa on aa.album_id = t.album_id and aa.position = 0""").update();
        jdbc.sql("""
                insert into track_genres (genre_id, track_id, popularity)
                select tg.genre_id, b.id, t.popularity from bench_tracks b join tracks t on t.id = b.id
                join bench_src s on s.rn = b.rn % :sources join track_genres tg on tg.track_id = s.id""").param("sources", sources).update();
        jdbc.sql("""
                insert into artist_genres (artist_id, genre_id)
                select distinct ta.artist_id, tg.genre_id from bench_tracks b join track_artists ta on ta.track_id = b.id
                join track_genres tg on tg.track_id = b.id
                on conflict do nothing""").update();
        jdbc.sql("""
                insert into audio_features (track_id, danceability, energy, key, loudness, mode, speechiness, acousticness,
                    instrumentalness, liveness, valence, tempo, time_signature, duration_ms, features_source, features_confidence,
                    mellow, unpretentious, sophisticated, intense, contemporary, tempo_normalized, music_source, music_confidence,
                    analysis_version, updated_at)
                select b.id, pg_temp.bench_jitter(f.danceability, b.rn, 11, 0.1, 0, 1), pg_temp.bench_jitter(f.energy, b.rn, 12, 0.1, 0, 1),
                       f.key, pg_temp.bench_jitter(f.loudness, b.rn, 13, 2, -60, 10), f.mode,
                       pg_temp.bench_jitter(f.speechiness, b.rn, 14, 0.05, 0, 1), pg_temp.bench_jitter(f.acousticness, b.rn, 15, 0.1, 0, 1),
                       pg_temp.bench_jitter(f.instrumentalness, b.rn, 16, 0.1, 0, 1), pg_temp.bench_jitter(f.liveness, b.rn, 17, 0.1, 0, 1),
                       pg_temp.bench_jitter(f.valence, b.rn, 18, 0.1, 0, 1), pg_temp.bench_jitter(f.tempo, b.rn, 19, 8, 0, 300),
                       f.time_signature, t.duration_ms, f.features_source, f.features_confidence,
                       pg_temp.bench_jitter(f.mellow, b.rn, 20, 1, 0, 35), pg_temp.bench_jitter(f.unpretentious, b.rn, 21, 1, 0, 35),
                       pg_temp.bench_jitter(f.sophisticated, b.rn, 22, 1, 0, 35), pg_temp.bench_jitter(f.intense, b.rn, 23, 1, 0, 35),
                       pg_temp.bench_jitter(f.contemporary, b.rn, 24, 1, 0, 35), pg_temp.bench_jitter(f.tempo_normalized, b.rn, 25, 1, 0, 35),
                       f.music_source, f.music_confidence, f.analysis_version, :now
                from bench_tracks b join tracks t on t.id = b.id
                join bench_src s on s.rn = b.rn % :sources join audio_features f on f.track_id = s.id""").param("sources", sources).param("now", now).update();
        return count;
    }

    /** Session-local helpers: a uniform number in [0, 1) from a row number, a salt and the seed; a clamped jitter; two words. */
    private void functions(long seed) {
        jdbc.sql("""
                create or replace function pg_temp.bench_rnd(g bigint, salt int) returns float8 language sql immutable
                return (hashtextextended(g::text, %d * 64 + salt) & 2147483647)::float8 / 2147483648""".formatted(seed)).update();
        jdbc.sql("""
                create or replace function pg_temp.bench_jitter(x real, g bigint, salt int, width float8, lo float8, hi float8)
                returns real language sql immutable
                return case when x is null then null
                            else least(hi, greatest(lo, x + (pg_temp.bench_rnd(g, salt) - 0.5) * width)) end""").update();
    }

    /** Real tracks with a genre, numbered from 0: the models of the synthetic ones. */
    private long sources() {
        jdbc.sql("""
                create temporary table bench_src on commit drop as
                select row_number() over (order by t.id) - 1 as rn, t.id, t.duration_ms, t.explicit, t.popularity
                from tracks t where t.origin = 'import' and exists (select 1 from track_genres tg where tg.track_id = t.id)""").update();
        jdbc.sql("create index on bench_src (rn)").update();
        return jdbc.sql("select count(*) from bench_src").query(Long.class).single();
    }

    /**
     * Words of the real titles (capitalised), numbered from 0 and indexed: a name is two index
     * look-ups (an array of all words would be read whole for every row).
     */
    private void words() {
        jdbc.sql("""
                create temporary table bench_word_list on commit drop as
                select row_number() over (order by w) - 1 as i, w
                from (select distinct initcap(w) as w
                      from (select title from tracks where origin = 'import' limit 200000) t,
                           regexp_split_to_table(lower(t.title), '[^[:alpha:]]+') w
                      where length(w) between 3 and 12) d""").update();
        if (jdbc.sql("select count(*) from bench_word_list").query(Long.class).single() < 20) {
            jdbc.sql("delete from bench_word_list").update();
            jdbc.sql("insert into bench_word_list select i - 1, w from unnest(%s::text[]) with ordinality as u(w, i)"
                            .formatted(FALLBACK_WORDS))
                    .update();
        }
        jdbc.sql("create unique index on bench_word_list (i)").update();
        jdbc.sql("analyze bench_word_list").update();
        long count = jdbc.sql("select count(*) from bench_word_list")
                .query(Long.class)
                .single();
        jdbc.sql("""
                create or replace function pg_temp.bench_words(g bigint, salt int) returns text language sql stable as $$
                select (select w from pg_temp.bench_word_list where i = floor(pg_temp.bench_rnd(g, salt) * %1$d)::bigint) || ' '
                       || (select w from pg_temp.bench_word_list where i = floor(pg_temp.bench_rnd(g, salt + 100) * %1$d)::bigint) $$""".formatted(count)).update();
    }

    private long maxId(String table) {
        return jdbc.sql("select coalesce(max(id), 0) from " + table)
                .query(Long.class)
                .single();
    }

    /** The rows this run inserted into {@code table}, numbered from 0 in id order (the order they were generated in). */
    private void numbered(String name, String table, long afterId, Timestamp now) {
        jdbc.sql(
                        ("create temporary table %s on commit drop as select id, row_number() over (order by id) - 1 as rn from %s "
                                        + "where id > :after and created_at = :now")
                                .formatted(name, table))
                .param("after", afterId)
                .param("now", now)
                .update();
        jdbc.sql("create index on " + name + " (rn)").update();
        jdbc.sql("analyze " + name).update();
    }
}
