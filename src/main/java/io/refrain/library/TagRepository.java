package io.refrain.library;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A user's tags and the tracks under them. Every statement is bound to the user's own rows. */
@Repository
class TagRepository {

    private static final String TAG_COLUMNS = """
            t.id, t.name, t.created_at,
            (select count(*) from tagged_tracks tt where tt.user_id = t.user_id and tt.tag_id = t.id) as track_count""";

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a tag; throws DuplicateKeyException when the user has one of that name (any case). */
    long create(UUID userId, String name, Instant at) {
        return jdbc.sql("insert into tags (user_id, name, created_at) values (:user, :name, :at) returning id")
                .param("user", userId)
                .param("name", name)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    int count(UUID userId) {
        return jdbc.sql("select count(*) from tags where user_id = :user")
                .param("user", userId)
                .query(Integer.class)
                .single();
    }

    /** Renames a tag; false when the user has no such tag. DuplicateKeyException on a name taken. */
    boolean rename(UUID userId, long tagId, String name) {
        return jdbc.sql("update tags set name = :name where user_id = :user and id = :id")
                        .param("user", userId)
                        .param("id", tagId)
                        .param("name", name)
                        .update()
                > 0;
    }

    boolean delete(UUID userId, long tagId) {
        return jdbc.sql("delete from tags where user_id = :user and id = :id")
                        .param("user", userId)
                        .param("id", tagId)
                        .update()
                > 0;
    }

    Optional<TagService.TagView> find(UUID userId, long tagId) {
        return jdbc.sql("select " + TAG_COLUMNS + " from tags t where t.user_id = :user and t.id = :id")
                .param("user", userId)
                .param("id", tagId)
                .query(TagService.TagView.class)
                .optional();
    }

    /** Locks the user's tag for the rest of the transaction (so it cannot go mid-change); false when none. */
    boolean lock(UUID userId, long tagId) {
        return jdbc.sql("select 1 from tags where user_id = :user and id = :id for key share")
                .param("user", userId)
                .param("id", tagId)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    boolean exists(UUID userId, long tagId) {
        return jdbc.sql("select exists (select 1 from tags where user_id = :user and id = :id)")
                .param("user", userId)
                .param("id", tagId)
                .query(Boolean.class)
                .single();
    }

    /** Tags ordered by lower-cased name, after the given name ("" for the first page). */
    List<TagService.TagView> page(UUID userId, String afterName, int limit) {
        return jdbc.sql("select " + TAG_COLUMNS + """
                         from tags t where t.user_id = :user and lower(t.name) > lower(:after)
                        order by lower(t.name) limit :limit""")
                .param("user", userId)
                .param("after", afterName)
                .param("limit", limit)
                .query(TagService.TagView.class)
                .list();
    }

    List<Long> unknownTracks(List<Long> ids) {
        return jdbc.sql("""
                        select u.id from unnest(:ids::bigint[]) with ordinality u(id, n)
                        where not exists (select 1 from catalog_tracks t where t.id = u.id) order by u.n""").param("ids", Batch.array(ids)).query(Long.class).list();
    }

    /** Tags those of the tracks not tagged yet; returns how many. */
    int tag(UUID userId, long tagId, List<Long> trackIds, Instant at) {
        return jdbc.sql("""
                        insert into tagged_tracks (user_id, tag_id, track_id, tagged_at)
                        select :user, :tag, u.id, :at from unnest(:ids::bigint[]) u(id)
                        on conflict (user_id, tag_id, track_id) do nothing""")
                .param("user", userId)
                .param("tag", tagId)
                .param("ids", Batch.array(trackIds))
                .param("at", Timestamp.from(at))
                .update();
    }

    int untag(UUID userId, long tagId, List<Long> trackIds) {
        return jdbc.sql(
                        "delete from tagged_tracks where user_id = :user and tag_id = :tag and track_id = any(:ids::bigint[])")
                .param("user", userId)
                .param("tag", tagId)
                .param("ids", Batch.array(trackIds))
                .update();
    }

    /** A tag's tracks, newest tagged first, after (afterAt, afterId). */
    List<ShelfRepository.Entry> tracks(UUID userId, long tagId, Instant afterAt, long afterId, int limit) {
        return jdbc.sql("""
                        select track_id, tagged_at from tagged_tracks
                        where user_id = :user and tag_id = :tag and (tagged_at, track_id) < (:afterAt, :afterId)
                        order by tagged_at desc, track_id desc limit :limit""")
                .param("user", userId)
                .param("tag", tagId)
                .param("afterAt", Timestamp.from(afterAt))
                .param("afterId", afterId)
                .param("limit", limit)
                .query((rs, row) -> new ShelfRepository.Entry(
                        rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
    }
}
