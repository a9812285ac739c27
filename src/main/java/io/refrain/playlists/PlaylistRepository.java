package io.refrain.playlists;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Playlist rows, with the reader's role, and their collaborators and followers. */
@Repository
class PlaylistRepository {

    /** A playlist row and the reader's role: owner, editor, viewer, or null. */
    record Row(
            UUID userId,
            UUID id,
            String name,
            String description,
            String coverUrl,
            boolean isPublic,
            long version,
            int trackCount,
            String role,
            boolean following,
            Instant createdAt,
            Instant updatedAt) {

        PlaylistView view() {
            return new PlaylistView(
                    id,
                    userId,
                    name,
                    description,
                    coverUrl,
                    isPublic,
                    version,
                    trackCount,
                    role == null ? "none" : role,
                    createdAt,
                    updatedAt);
        }
    }

    private static final String SELECT = """
            select p.user_id, p.id, p.name, p.description, p.cover_url, p.public as is_public, p.version,
                   p.track_count,
                   case when p.user_id = :reader then 'owner' else c.role end as role,
                   exists (select 1 from playlist_follows f where f.user_id = :reader and f.playlist_id = p.id) as following,
                   p.created_at, p.updated_at
            from playlists p
            left join playlist_collaborators c on c.playlist_id = p.id and c.user_id = :reader
            """;

    private final JdbcClient jdbc;

    PlaylistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID id, UUID reader) {
        return jdbc.sql(SELECT + " where p.id = :id")
                .param("id", id)
                .param("reader", reader)
                .query(Row.class)
                .optional();
    }

    /** These playlists (those that exist), by id. */
    List<Row> byIds(List<UUID> ids, UUID reader) {
        return jdbc.sql(SELECT + " where p.id = any(:ids) order by p.id")
                .param("ids", ids.toArray(UUID[]::new))
                .param("reader", reader)
                .query(Row.class)
                .list();
    }

    /** The playlist, locked until the end of the transaction: edits of one playlist run one after another. */
    Optional<Row> lock(UUID id, UUID reader) {
        return jdbc.sql(SELECT + " where p.id = :id for update of p")
                .param("id", id)
                .param("reader", reader)
                .query(Row.class)
                .optional();
    }

    void insert(UUID owner, UUID id, PlaylistRequests.Create request, Instant now) {
        jdbc.sql("""
                        insert into playlists (user_id, id, name, description, cover_url, public, version, created_at, updated_at)
                        values (:owner, :id, :name, :description, :cover, :public, 1, :now, :now)""")
                .param("owner", owner)
                .param("id", id)
                .param("name", request.name().strip())
                .param("description", request.description() == null ? "" : request.description())
                .param("cover", request.coverUrl())
                .param("public", Boolean.TRUE.equals(request.isPublic()))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Applies the details and returns the new version (the playlist is locked). */
    long update(UUID owner, UUID id, String name, String description, String coverUrl, boolean isPublic, Instant now) {
        return jdbc.sql("""
                        update playlists set name = :name, description = :description, cover_url = :cover, public = :public,
                               version = version + 1, updated_at = :now
                        where user_id = :owner and id = :id returning version""")
                .param("owner", owner)
                .param("id", id)
                .param("name", name)
                .param("description", description)
                .param("cover", coverUrl)
                .param("public", isPublic)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /** Counts a change of the tracks: the new version. */
    long bump(UUID owner, UUID id, Instant now) {
        return jdbc.sql(
                        "update playlists set version = version + 1, updated_at = :now where user_id = :owner and id = :id returning version")
                .param("owner", owner)
                .param("id", id)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    void delete(UUID owner, UUID id) {
        jdbc.sql("delete from playlists where user_id = :owner and id = :id")
                .param("owner", owner)
                .param("id", id)
                .update();
    }

    /** Playlists the reader owns or collaborates on, newest first (keyset on created_at, id). */
    List<Row> mine(UUID reader, Instant afterCreated, UUID afterId, int limit) {
        return jdbc.sql(SELECT + """
                         where p.id in (select id from playlists where user_id = :reader
                                        union all select playlist_id from playlist_collaborators where user_id = :reader)
                           and (p.created_at, p.id) < (:afterCreated, :afterId)
                         order by p.created_at desc, p.id desc limit :limit""")
                .param("reader", reader)
                .param("afterCreated", Timestamp.from(afterCreated))
                .param("afterId", afterId)
                .param("limit", limit)
                .query(Row.class)
                .list();
    }

    /** A user's public playlists, newest first. */
    List<Row> publicOf(UUID owner, UUID reader, Instant afterCreated, UUID afterId, int limit) {
        return jdbc.sql(SELECT + """
                         where p.user_id = :owner and p.public
                           and (p.created_at, p.id) < (:afterCreated, :afterId)
                         order by p.created_at desc, p.id desc limit :limit""")
                .param("owner", owner)
                .param("reader", reader)
                .param("afterCreated", Timestamp.from(afterCreated))
                .param("afterId", afterId)
                .param("limit", limit)
                .query(Row.class)
                .list();
    }

    /** Playlists the reader follows that the reader may still read, most recently followed first. */
    List<Row> followed(UUID reader, Instant afterFollowed, UUID afterId, int limit) {
        return jdbc.sql("""
                        select p.user_id, p.id, p.name, p.description, p.cover_url, p.public as is_public, p.version,
                               p.track_count,
                               case when p.user_id = :reader then 'owner' else c.role end as role, true as following,
                               f.followed_at as created_at, p.updated_at
                        from playlist_follows f
                        join playlists p on p.id = f.playlist_id
                        left join playlist_collaborators c on c.playlist_id = p.id and c.user_id = :reader
                        where f.user_id = :reader and (p.public or p.user_id = :reader or c.user_id is not null)
                          and (f.followed_at, f.playlist_id) < (:after, :afterId)
                        order by f.followed_at desc, f.playlist_id desc limit :limit""")
                .param("reader", reader)
                .param("after", Timestamp.from(afterFollowed))
                .param("afterId", afterId)
                .param("limit", limit)
                .query(Row.class)
                .list();
    }

    // ---------------------------------------------------------------- collaborators and follows

    record CollaboratorRow(UUID userId, String role, Instant addedAt) {}

    /** A page of the collaborators; empty unless {@code reader} may read the playlist now (checked in this statement). */
    List<CollaboratorRow> collaborators(UUID playlistId, UUID reader, UUID afterUser, int limit) {
        return jdbc.sql("""
                        select user_id, role, added_at from playlist_collaborators
                        where playlist_id = :id and user_id > :after and %s order by user_id limit :limit""".formatted(PlaylistReadRule.readable(":id", ":reader")))
                .param("id", playlistId)
                .param("reader", reader)
                .param("after", afterUser)
                .param("limit", limit)
                .query(CollaboratorRow.class)
                .list();
    }

    int collaboratorCount(UUID playlistId) {
        return jdbc.sql("select count(*) from playlist_collaborators where playlist_id = :id")
                .param("id", playlistId)
                .query(Integer.class)
                .single();
    }

    void putCollaborator(UUID playlistId, UUID userId, String role, Instant now) {
        jdbc.sql("""
                        insert into playlist_collaborators (user_id, playlist_id, role, added_at) values (:user, :id, :role, :now)
                        on conflict (user_id, playlist_id) do update set role = excluded.role""")
                .param("user", userId)
                .param("id", playlistId)
                .param("role", role)
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean removeCollaborator(UUID playlistId, UUID userId) {
        return jdbc.sql("delete from playlist_collaborators where user_id = :user and playlist_id = :id")
                        .param("user", userId)
                        .param("id", playlistId)
                        .update()
                > 0;
    }

    void follow(UUID userId, UUID playlistId, Instant now) {
        jdbc.sql("""
                        insert into playlist_follows (user_id, playlist_id, followed_at) values (:user, :id, :now)
                        on conflict do nothing""")
                .param("user", userId)
                .param("id", playlistId)
                .param("now", Timestamp.from(now))
                .update();
    }

    void unfollow(UUID userId, UUID playlistId) {
        jdbc.sql("delete from playlist_follows where user_id = :user and playlist_id = :id")
                .param("user", userId)
                .param("id", playlistId)
                .update();
    }
}
