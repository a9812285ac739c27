package io.refrain.playlists;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A user's folders and where the user files playlists. Every statement names the user. */
@Repository
class FolderRepository {

    private final JdbcClient jdbc;

    FolderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises the folder changes of one user (moves check for cycles under it). */
    void lockUser(UUID user) {
        jdbc.sql(
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended('playlist_folders:' || :user, 0))) locked")
                .param("user", user.toString())
                .query(Integer.class)
                .single();
    }

    Optional<FolderView> find(UUID user, UUID id) {
        return jdbc.sql(
                        "select id, name, parent_id, created_at from playlist_folders where user_id = :user and id = :id")
                .param("user", user)
                .param("id", id)
                .query(FolderView.class)
                .optional();
    }

    int count(UUID user) {
        return jdbc.sql("select count(*) from playlist_folders where user_id = :user")
                .param("user", user)
                .query(Integer.class)
                .single();
    }

    void insert(UUID user, UUID id, UUID parent, String name, Instant now) {
        jdbc.sql(
                        "insert into playlist_folders (user_id, id, parent_id, name, created_at) values (:user, :id, :parent, :name, :now)")
                .param("user", user)
                .param("id", id)
                .param("parent", parent)
                .param("name", name)
                .param("now", Timestamp.from(now))
                .update();
    }

    void rename(UUID user, UUID id, String name) {
        jdbc.sql("update playlist_folders set name = :name where user_id = :user and id = :id")
                .param("user", user)
                .param("id", id)
                .param("name", name)
                .update();
    }

    void move(UUID user, UUID id, UUID parent) {
        jdbc.sql("update playlist_folders set parent_id = :parent where user_id = :user and id = :id")
                .param("user", user)
                .param("id", id)
                .param("parent", parent)
                .update();
    }

    /** Whether {@code candidate} is {@code folder} or lies inside it (walking up from the candidate). */
    boolean isWithin(UUID user, UUID candidate, UUID folder) {
        return jdbc.sql("""
                        with recursive up (id, parent_id) as (
                            select id, parent_id from playlist_folders where user_id = :user and id = :candidate
                            union
                            select f.id, f.parent_id from playlist_folders f join up on f.id = up.parent_id
                            where f.user_id = :user)
                        select exists (select 1 from up where id = :folder)""")
                .param("user", user)
                .param("candidate", candidate)
                .param("folder", folder)
                .query(Boolean.class)
                .single();
    }

    /** Sub-folders of a folder (or the top level), by name. */
    List<FolderView> children(UUID user, UUID parent, String afterName, UUID afterId, int limit) {
        return jdbc.sql("""
                        select id, name, parent_id, created_at from playlist_folders
                        where user_id = :user and parent_id is not distinct from :parent and (name, id) > (:name, :after)
                        order by name, id limit :limit""")
                .param("user", user)
                .param("parent", parent)
                .param("name", afterName)
                .param("after", afterId)
                .param("limit", limit)
                .query(FolderView.class)
                .list();
    }

    boolean isEmpty(UUID user, UUID id) {
        return jdbc.sql("""
                        select not exists (select 1 from playlist_folders where user_id = :user and parent_id = :id)
                           and not exists (select 1 from playlist_placements where user_id = :user and folder_id = :id)""")
                .param("user", user)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** Hands a folder's sub-folders and playlists to its parent (a null parent: top level, unfiled). */
    void moveContentsUp(UUID user, UUID id, UUID parent) {
        jdbc.sql("update playlist_folders set parent_id = :parent where user_id = :user and parent_id = :id")
                .param("user", user)
                .param("id", id)
                .param("parent", parent)
                .update();
        if (parent == null) {
            jdbc.sql("delete from playlist_placements where user_id = :user and folder_id = :id")
                    .param("user", user)
                    .param("id", id)
                    .update();
        } else {
            jdbc.sql("update playlist_placements set folder_id = :parent where user_id = :user and folder_id = :id")
                    .param("user", user)
                    .param("id", id)
                    .param("parent", parent)
                    .update();
        }
    }

    /** Deletes the playlists the user owns that are filed in the folder or any folder inside it. */
    int deleteOwnedPlaylistsWithin(UUID user, UUID id) {
        return jdbc.sql("""
                        with recursive down (id) as (
                            select :id::uuid
                            union
                            select f.id from playlist_folders f join down on f.parent_id = down.id where f.user_id = :user)
                        delete from playlists p using playlist_placements pp
                        where pp.user_id = :user and pp.folder_id in (select id from down)
                          and p.id = pp.playlist_id and p.user_id = :user""").param("user", user).param("id", id).update();
    }

    /** Deletes the folder; its sub-folders and filings go with it (foreign keys cascade). */
    void delete(UUID user, UUID id) {
        jdbc.sql("delete from playlist_folders where user_id = :user and id = :id")
                .param("user", user)
                .param("id", id)
                .update();
    }

    void file(UUID user, UUID playlist, UUID folder) {
        jdbc.sql("""
                        insert into playlist_placements (user_id, playlist_id, folder_id) values (:user, :playlist, :folder)
                        on conflict (user_id, playlist_id) do update set folder_id = excluded.folder_id""")
                .param("user", user)
                .param("playlist", playlist)
                .param("folder", folder)
                .update();
    }

    void unfile(UUID user, UUID playlist) {
        jdbc.sql("delete from playlist_placements where user_id = :user and playlist_id = :playlist")
                .param("user", user)
                .param("playlist", playlist)
                .update();
    }

    /** The ids of the playlists filed in a folder, after {@code afterId}. */
    List<UUID> filed(UUID user, UUID folder, UUID afterId, int limit) {
        return jdbc.sql("""
                        select playlist_id from playlist_placements where user_id = :user and folder_id = :folder
                          and playlist_id > :after order by playlist_id limit :limit""")
                .param("user", user)
                .param("folder", folder)
                .param("after", afterId)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }
}
