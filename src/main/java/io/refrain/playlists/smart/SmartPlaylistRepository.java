package io.refrain.playlists.smart;

import io.refrain.playlists.PlaylistReadRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Smart playlist rows, their materialised tracks, the owner's data versions, and running compiled rules. */
@Repository
class SmartPlaylistRepository {

    /**
     * A smart playlist row; {@code rules} is its canonical rule JSON; {@code built} the data
     * versions its membership was built at (null: never built, or the rules changed since).
     */
    record Row(
            UUID userId,
            UUID id,
            String name,
            String description,
            String rules,
            int trackCount,
            DataVersions built,
            Instant refreshedAt,
            Instant createdAt,
            Instant updatedAt) {}

    /**
     * The owner's data versions that smart rules depend on: this module's own playlist entries
     * ({@code smart_playlist_data}), the library's ({@code library_versions}) and the history's
     * ({@code history_versions}); 0 where the user has none yet. A membership built at other
     * versions than the current ones may be out of date. Each changes to a value it never had
     * before, so they are compared for equality only.
     */
    record DataVersions(long playlists, long library, long history) {}

    /** One track of an evaluation: its first credited artist and the number of tracks that matched in all. */
    record Match(long id, Long artist, long total) {}

    record Entry(int position, long trackId) {}

    private static final String SELECT = """
            select user_id, id, name, description, rules::text as rules, track_count, refreshed_version,
                   refreshed_library_version, refreshed_history_version, refreshed_at, created_at, updated_at
            from smart_playlists""";

    private static Row row(ResultSet rs, int n) throws SQLException {
        Long playlists = rs.getObject("refreshed_version", Long.class);
        Long library = rs.getObject("refreshed_library_version", Long.class);
        Long history = rs.getObject("refreshed_history_version", Long.class);
        DataVersions built = playlists == null || library == null || history == null
                ? null
                : new DataVersions(playlists, library, history);
        return new Row(
                rs.getObject("user_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("rules"),
                rs.getInt("track_count"),
                built,
                instant(rs, "refreshed_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private final JdbcClient jdbc;

    SmartPlaylistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    Optional<Row> find(UUID user, UUID id, boolean lock) {
        return jdbc.sql(SELECT + " where user_id = :user and id = :id" + (lock ? " for update" : ""))
                .param("user", user)
                .param("id", id)
                .query(SmartPlaylistRepository::row)
                .optional();
    }

    /** The owner's smart playlists (id and rules): the graph that cycle checks walk. */
    Map<UUID, String> rulesOf(UUID user) {
        Map<UUID, String> out = new HashMap<>();
        jdbc.sql("select id, rules::text from smart_playlists where user_id = :user")
                .param("user", user)
                .query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        return out;
    }

    List<Row> page(UUID user, Instant afterCreated, UUID afterId, int limit) {
        return jdbc.sql(SELECT + """
                         \swhere user_id = :user and (cast(:at as timestamptz) is null
                                 or (created_at, id) < (cast(:at as timestamptz), cast(:afterId as uuid)))
                         order by created_at desc, id desc limit :limit""")
                .param("user", user)
                .param("at", afterCreated == null ? null : at(afterCreated))
                .param("afterId", afterId)
                .param("limit", limit)
                .query(SmartPlaylistRepository::row)
                .list();
    }

    void insert(UUID user, UUID id, String name, String description, String rules, Instant now) {
        // the data-version row exists from the first smart playlist on, so the V011 playlist_entries triggers start
        // counting
        jdbc.sql("insert into smart_playlist_data (user_id) values (:user) on conflict do nothing")
                .param("user", user)
                .update();
        jdbc.sql("""
                        insert into smart_playlists (user_id, id, name, description, rules, created_at, updated_at)
                        values (:user, :id, :name, :description, cast(:rules as jsonb), :now, :now)""")
                .param("user", user)
                .param("id", id)
                .param("name", name)
                .param("description", description)
                .param("rules", rules)
                .param("now", at(now))
                .update();
    }

    /** New details and rules; the membership is stale from now on (refreshed_version null). */
    void update(UUID user, UUID id, String name, String description, String rules, Instant now) {
        jdbc.sql("""
                        update smart_playlists set name = :name, description = :description, rules = cast(:rules as jsonb),
                               refreshed_version = null, updated_at = :now
                        where user_id = :user and id = :id""")
                .param("user", user)
                .param("id", id)
                .param("name", name)
                .param("description", description)
                .param("rules", rules)
                .param("now", at(now))
                .update();
    }

    boolean delete(UUID user, UUID id) {
        return jdbc.sql("delete from smart_playlists where user_id = :user and id = :id")
                        .param("user", user)
                        .param("id", id)
                        .update()
                > 0;
    }

    /** Records the playlists the rules name (plain or smart): the smart playlists to rebuild when access to one ends. */
    void replaceReferences(UUID user, UUID id, Set<UUID> playlists) {
        jdbc.sql("delete from smart_playlist_references where user_id = :user and smart_playlist_id = :id")
                .param("user", user)
                .param("id", id)
                .update();
        if (!playlists.isEmpty()) {
            jdbc.sql("""
                            insert into smart_playlist_references (user_id, smart_playlist_id, playlist_id)
                            select :user, :id, p from unnest(:playlists::uuid[]) p""")
                    .param("user", user)
                    .param("id", id)
                    .param("playlists", playlists.toArray(UUID[]::new))
                    .update();
        }
    }

    /**
     * Per smart playlist, the playlists its rules name that the owner cannot read now (made
     * private, collaborator removed, deleted) and that are not one of the owner's smart playlists.
     */
    Map<UUID, List<UUID>> unavailable(UUID user, List<UUID> ids) {
        Map<UUID, List<UUID>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select r.smart_playlist_id, r.playlist_id from smart_playlist_references r
                        where r.user_id = :user and r.smart_playlist_id = any(:ids)
                          and not exists (select 1 from smart_playlists s where s.user_id = :user and s.id = r.playlist_id)
                          and not\s""" + PlaylistReadRule.readable("r.playlist_id", ":user") + """
                        \sorder by r.smart_playlist_id, r.playlist_id""")
                .param("user", user)
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, n) -> out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return out;
    }

    /** The owner's data versions now, in one statement (each a primary-key probe). */
    DataVersions dataVersions(UUID user) {
        return jdbc.sql("""
                        select coalesce((select version from smart_playlist_data where user_id = :user), 0) as playlists,
                               coalesce((select version from library_versions where user_id = :user), 0) as library,
                               coalesce((select version from history_versions where user_id = :user), 0) as history""").param("user", user).query(DataVersions.class).single();
    }

    /** Which of these ids are smart playlists of the user. */
    Set<UUID> smartIds(UUID user, Set<UUID> ids) {
        return Set.copyOf(jdbc.sql("select id from smart_playlists where user_id = :user and id = any(:ids)")
                .param("user", user)
                .param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    List<Match> evaluate(RuleTranslator.Compiled compiled) {
        return jdbc.sql(compiled.sql())
                .params(compiled.params())
                .query((rs, n) -> new Match(rs.getLong(1), rs.getObject(2, Long.class), rs.getLong(3)))
                .list();
    }

    /** Per track, whether it satisfies each condition (in the order of the compiled columns). */
    Map<Long, List<Boolean>> explain(RuleTranslator.Compiled compiled) {
        Map<Long, List<Boolean>> out = new HashMap<>();
        jdbc.sql(compiled.sql())
                .params(compiled.params())
                .query((rs, n) -> {
                    List<Boolean> flags = new ArrayList<>();
                    for (int i = 2; i <= rs.getMetaData().getColumnCount(); i++) {
                        flags.add(rs.getBoolean(i));
                    }
                    return out.put(rs.getLong(1), flags);
                })
                .list();
        return out;
    }

    /** Replaces the membership with these tracks in this order: two statements whatever their number. */
    void replaceTracks(UUID user, UUID id, List<Long> trackIds, DataVersions built, Instant now) {
        jdbc.sql("delete from smart_playlist_tracks where user_id = :user and playlist_id = :id")
                .param("user", user)
                .param("id", id)
                .update();
        jdbc.sql("""
                        insert into smart_playlist_tracks (user_id, playlist_id, position, track_id)
                        select :user, :id, (t.ord - 1)::int, t.track_id from unnest(:ids::bigint[]) with ordinality as t(track_id, ord)""")
                .param("user", user)
                .param("id", id)
                .param("ids", trackIds.toArray(Long[]::new))
                .update();
        jdbc.sql("""
                        update smart_playlists set track_count = :count, refreshed_version = :playlists,
                               refreshed_library_version = :library, refreshed_history_version = :history, refreshed_at = :now
                        where user_id = :user and id = :id""")
                .param("user", user)
                .param("id", id)
                .param("count", trackIds.size())
                .param("playlists", built.playlists())
                .param("library", built.library())
                .param("history", built.history())
                .param("now", at(now))
                .update();
    }

    List<Entry> entries(UUID user, UUID id, int fromPosition, int limit) {
        return jdbc.sql("""
                        select position, track_id from smart_playlist_tracks
                        where user_id = :user and playlist_id = :id and position >= :from order by position limit :limit""")
                .param("user", user)
                .param("id", id)
                .param("from", fromPosition)
                .param("limit", limit)
                .query(Entry.class)
                .list();
    }
}
