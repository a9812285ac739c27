package io.refrain.catalog.identity;

import io.refrain.catalog.identity.CatalogIdentity.AlbumName;
import io.refrain.catalog.identity.CatalogIdentity.Found;
import io.refrain.catalog.identity.CatalogIdentity.NameMatch;
import io.refrain.catalog.identity.CatalogIdentity.Origin;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of {@link CatalogIdentity}: find-or-create of artists and albums, one statement
 * each for a whole batch. The key column is the name itself or its stored search form; both are
 * indexed ({@code artists_name}, {@code artists_name_key}; albums are reached from their first
 * artist through {@code album_artists_artist}, or by {@code albums_title_key}).
 */
@Repository
class ArtistAlbumRepository {

    private final JdbcClient jdbc;

    ArtistAlbumRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Found artists(List<String> names, Origin origin, Instant now) {
        String column = column(origin.match(), "name");
        String sql = """
                with input as (select name, ord, %2$s as key from unnest(:names::text[]) with ordinality as u(name, ord)),
                     wanted as (select distinct on (key) key, name from input order by key, ord),
                     found as (select distinct on (a.%1$s) a.%1$s as key, a.id from artists a
                               where a.%1$s in (select key from wanted)
                               order by a.%1$s, a.popularity desc nulls last, a.id),
                     created as (insert into artists (name, origin, created_at, updated_at)
                                 select w.name, :origin, cast(:now as timestamptz), cast(:now as timestamptz) from wanted w
                                 where not exists (select 1 from found f where f.key = w.key)
                                 returning %1$s as key, id)
                select coalesce(f.id, c.id) as id, c.id is not null as created from input i
                left join found f on f.key = i.key left join created c on c.key = i.key
                order by i.ord""".formatted(column, key(origin.match(), "u.name"));
        return found(jdbc.sql(sql)
                .param("names", names.toArray(String[]::new))
                .param("origin", origin.column())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Row((Long) rs.getObject(1), rs.getBoolean(2)))
                .list());
    }

    Found albums(List<AlbumName> albums, Origin origin, Instant now) {
        String column = column(origin.match(), "title");
        String sql = """
                with input as (select title, artist_id, release_date::date as release_date, release_precision, ord,
                                      %2$s as key
                               from unnest(:titles::text[], :artists::bigint[], :dates::text[], :precisions::text[])
                                    with ordinality as u(title, artist_id, release_date, release_precision, ord)),
                     wanted as (select distinct on (key, artist_id) key, artist_id, title, release_date, release_precision
                                from input where title is not null order by key, artist_id, ord),
                     found as (select distinct on (w.key, w.artist_id) w.key, w.artist_id, al.id
                               from wanted w join albums al on al.%1$s = w.key
                               join album_artists aa on aa.album_id = al.id and aa.position = 0 and aa.artist_id = w.artist_id
                               order by w.key, w.artist_id, al.popularity desc nulls last, al.id),
                     to_create as (select w.*, nextval(pg_get_serial_sequence('albums', 'id')) as id from wanted w
                                   where not exists (select 1 from found f where f.key = w.key and f.artist_id = w.artist_id)),
                     created as (insert into albums (id, title, release_date, release_date_precision, origin, created_at, updated_at)
                                 select id, title, release_date, release_precision, :origin, cast(:now as timestamptz),
                                        cast(:now as timestamptz) from to_create),
                     credits as (insert into album_artists (album_id, position, artist_id)
                                 select id, 0, artist_id from to_create)
                select coalesce(f.id, c.id) as id, c.id is not null as created from input i
                left join found f on f.key = i.key and f.artist_id = i.artist_id
                left join to_create c on c.key = i.key and c.artist_id = i.artist_id
                order by i.ord""".formatted(column, key(origin.match(), "u.title"));
        return found(jdbc.sql(sql)
                .param("titles", albums.stream().map(AlbumName::title).toArray(String[]::new))
                .param("artists", albums.stream().map(AlbumName::firstArtist).toArray(Long[]::new))
                .param(
                        "dates",
                        albums.stream()
                                .map(a -> Objects.toString(a.releaseDate(), null))
                                .toArray(String[]::new))
                .param(
                        "precisions",
                        albums.stream().map(AlbumName::releasePrecision).toArray(String[]::new))
                .param("origin", origin.column())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Row((Long) rs.getObject(1), rs.getBoolean(2)))
                .list());
    }

    private record Row(Long id, boolean created) {}

    private static Found found(List<Row> rows) {
        List<Long> ids = new ArrayList<>(rows.size());
        Set<Long> created = new HashSet<>();
        for (Row row : rows) {
            ids.add(row.id());
            if (row.created()) {
                created.add(row.id());
            }
        }
        return new Found(Collections.unmodifiableList(ids), created.size());
    }

    /** The stored column a name is compared with. */
    private static String column(NameMatch match, String nameColumn) {
        return switch (match) {
            case EXACT -> nameColumn;
            case SEARCH_FORM -> "search_text";
        };
    }

    /** The key of a given name, comparable with {@link #column}. */
    private static String key(NameMatch match, String name) {
        return switch (match) {
            case EXACT -> name;
            case SEARCH_FORM -> "refrain_search_normalize(" + name + ")";
        };
    }
}
