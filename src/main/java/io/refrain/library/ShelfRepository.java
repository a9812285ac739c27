package io.refrain.library;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the {@link Shelf} lists, plus the compact album and artist rows they show. */
@Repository
class ShelfRepository {

    record Entry(long id, Instant at) {}

    private final JdbcClient jdbc;

    ShelfRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of the ids that the catalog does not have, in the order given. */
    List<Long> unknown(Shelf shelf, List<Long> ids) {
        return jdbc.sql(shelf.sql("""
                        select u.id from unnest(:ids::bigint[]) with ordinality u(id, n)
                        where not exists (select 1 from {catalog} c where c.id = u.id)
                        order by u.n"""))
                .param("ids", Batch.array(ids))
                .query(Long.class)
                .list();
    }

    /** Adds the entries not there yet; those already there keep their original time. */
    int add(Shelf shelf, UUID userId, List<Long> ids, Instant at) {
        return jdbc.sql(shelf.sql("""
                        insert into {table} (user_id, {column}, {time})
                        select :user, u.id, :at from unnest(:ids::bigint[]) u(id)
                        on conflict (user_id, {column}) do nothing"""))
                .param("user", userId)
                .param("ids", Batch.array(ids))
                .param("at", Timestamp.from(at))
                .update();
    }

    int remove(Shelf shelf, UUID userId, List<Long> ids) {
        return jdbc.sql(shelf.sql("delete from {table} where user_id = :user and {column} = any(:ids::bigint[])"))
                .param("user", userId)
                .param("ids", Batch.array(ids))
                .update();
    }

    /** Those of the ids on the user's shelf. */
    Set<Long> contained(Shelf shelf, UUID userId, List<Long> ids) {
        return new HashSet<>(jdbc.sql(shelf.sql(
                        "select {column} from {table} where user_id = :user and {column} = any(:ids::bigint[])"))
                .param("user", userId)
                .param("ids", Batch.array(ids))
                .query(Long.class)
                .list());
    }

    /** Up to {@code limit} entries older than (afterAt, afterId) in (time, id) descending order. */
    List<Entry> page(Shelf shelf, UUID userId, Instant afterAt, long afterId, int limit) {
        return jdbc.sql(shelf.sql("""
                        select {column} as id, {time} as at from {table}
                        where user_id = :user and ({time}, {column}) < (:afterAt, :afterId)
                        order by {time} desc, {column} desc limit :limit"""))
                .param("user", userId)
                .param("afterAt", Timestamp.from(afterAt))
                .param("afterId", afterId)
                .param("limit", limit)
                .query((rs, row) ->
                        new Entry(rs.getLong("id"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Compact views of these albums (any order; unknown ids left out). */
    List<LibraryService.AlbumSummary> albums(List<Long> ids) {
        return jdbc.sql("""
                        select al.id, al.title, refrain_partial_date(al.release_date, al.release_date_precision) as release_date,
                               al.popularity,
                               array(select a.id from catalog_album_artists aa join catalog_artists a on a.id = aa.artist_id
                                     where aa.album_id = al.id order by aa.position) as artist_ids,
                               array(select a.name from catalog_album_artists aa join catalog_artists a on a.id = aa.artist_id
                                     where aa.album_id = al.id order by aa.position) as artist_names
                        from catalog_albums al where al.id = any(:ids::bigint[])""")
                .param("ids", Batch.array(ids))
                .query((rs, row) -> new LibraryService.AlbumSummary(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("release_date"),
                        rs.getObject("popularity", Integer.class),
                        artists(rs.getArray("artist_ids"), rs.getArray("artist_names"))))
                .list();
    }

    /** Compact views of these artists (any order; unknown ids left out). */
    List<LibraryService.ArtistSummary> artists(List<Long> ids) {
        return jdbc.sql("select id, name, popularity from catalog_artists where id = any(:ids::bigint[])")
                .param("ids", Batch.array(ids))
                .query(LibraryService.ArtistSummary.class)
                .list();
    }

    private static List<LibraryService.ArtistRef> artists(Array ids, Array names) throws SQLException {
        Long[] idValues = (Long[]) ids.getArray();
        String[] nameValues = (String[]) names.getArray();
        return java.util.stream.IntStream.range(0, idValues.length)
                .mapToObj(i -> new LibraryService.ArtistRef(idValues[i], nameValues[i]))
                .toList();
    }
}
