package io.refrain.playlists;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The entries of playlists. Every statement names the owner and the playlist, so it walks the
 * {@code (user_id, playlist_id, position)} index. Indexes into the list ("position 5000") are
 * resolved on that index; positions themselves are gapped keys (see {@link Positions}).
 */
@Repository
class EntryRepository {

    /** An entry's id and position key. */
    record Slot(long id, long position) {}

    /** An entry of a page: its index in the playlist, who added it, its votes. */
    record PageRow(
            long id,
            long index,
            long position,
            long trackId,
            UUID addedBy,
            Instant addedAt,
            int score,
            Integer myVote) {}

    private static final Long[] NONE = new Long[0];

    private final JdbcClient jdbc;

    EntryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entries from index {@code offset}, at most {@code limit}, leaving out the {@code excluded} ids. */
    List<Slot> slots(UUID owner, UUID playlist, int offset, int limit, List<Long> excluded) {
        return jdbc.sql("""
                        select id, position from playlist_entries
                        where user_id = :owner and playlist_id = :pl and id <> all(:excluded)
                        order by position offset :offset limit :limit""")
                .param("owner", owner)
                .param("pl", playlist)
                .param("excluded", excluded.toArray(NONE))
                .param("offset", offset)
                .param("limit", limit)
                .query(Slot.class)
                .list();
    }

    /** Inserts the tracks at the given positions; returns the new entries' ids in position order. */
    List<Long> insert(UUID owner, UUID playlist, List<Long> positions, List<Long> trackIds, UUID addedBy, Instant now) {
        return jdbc
                .sql("""
                        insert into playlist_entries (user_id, playlist_id, position, track_id, added_by, added_at)
                        select :owner, :pl, u.position, u.track_id, :by, :now
                        from unnest(:positions::bigint[], :tracks::bigint[]) as u(position, track_id)
                        order by u.position
                        returning id, position""")
                .param("owner", owner)
                .param("pl", playlist)
                .param("positions", positions.toArray(NONE))
                .param("tracks", trackIds.toArray(NONE))
                .param("by", addedBy)
                .param("now", Timestamp.from(now))
                .query(Slot.class)
                .list()
                .stream()
                .sorted(java.util.Comparator.comparingLong(Slot::position))
                .map(Slot::id)
                .toList();
    }

    /** Gives entries new positions in one statement (the unique key is checked at its end); rows changed. */
    int reposition(UUID owner, UUID playlist, List<Slot> slots) {
        if (slots.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update playlist_entries e set position = u.position
                        from unnest(:ids::bigint[], :positions::bigint[]) as u(id, position)
                        where e.user_id = :owner and e.playlist_id = :pl and e.id = u.id and e.position <> u.position""")
                .param("owner", owner)
                .param("pl", playlist)
                .param("ids", slots.stream().map(Slot::id).toArray(Long[]::new))
                .param("positions", slots.stream().map(Slot::position).toArray(Long[]::new))
                .update();
    }

    /** Removes these entries of the playlist; returns the track ids of those removed. */
    List<Long> deleteIds(UUID owner, UUID playlist, List<Long> entryIds) {
        return jdbc.sql("""
                        delete from playlist_entries where user_id = :owner and playlist_id = :pl and id = any(:ids)
                        returning track_id""")
                .param("owner", owner)
                .param("pl", playlist)
                .param("ids", entryIds.toArray(NONE))
                .query(Long.class)
                .list();
    }

    /** Removes the entries at indexes [start, start + count); returns their track ids. */
    List<Long> deleteRange(UUID owner, UUID playlist, int start, int count) {
        return jdbc.sql("""
                        delete from playlist_entries where user_id = :owner and playlist_id = :pl and id in (
                            select id from playlist_entries where user_id = :owner and playlist_id = :pl
                            order by position offset :start limit :count)
                        returning track_id""")
                .param("owner", owner)
                .param("pl", playlist)
                .param("start", start)
                .param("count", count)
                .query(Long.class)
                .list();
    }

    /** Those of the ids that are entries of this playlist. */
    List<Long> existing(UUID owner, UUID playlist, List<Long> entryIds) {
        return jdbc.sql(
                        "select id from playlist_entries where user_id = :owner and playlist_id = :pl and id = any(:ids)")
                .param("owner", owner)
                .param("pl", playlist)
                .param("ids", entryIds.toArray(NONE))
                .query(Long.class)
                .list();
    }

    /** The track ids of the entries at indexes [start, start + count), in order. */
    List<Slot> range(UUID owner, UUID playlist, int start, int count) {
        return slots(owner, playlist, start, count, List.of());
    }

    /**
     * Reads of a playlist's contents test access again in the statement that reads them (the
     * caller checked it first, for the 404): access revoked in between gives an empty page, never
     * the entries.
     */
    private static final String READABLE = PlaylistReadRule.readable(":pl", ":reader");

    /**
     * One page in playlist order after position key {@code after}. Each row's index is
     * {@code firstIndex} plus its place in the page; when the index of the page's first entry is not
     * known (null), it is the count of entries before it, found on the index in the same statement.
     */
    List<PageRow> page(UUID owner, UUID playlist, UUID reader, long after, Long firstIndex, int limit) {
        String base = firstIndex != null ? ":first" : """
                (select count(*) from playlist_entries x
                 where x.user_id = :owner and x.playlist_id = :pl and x.position <= :after)""";
        var statement = jdbc.sql("""
                        select e.id, %s + row_number() over (order by e.position) - 1 as index,
                               e.position, e.track_id, e.added_by, e.added_at,
                               coalesce(v.score, 0)::int as score, v.my_vote
                        from playlist_entries e
                        left join lateral (
                            select sum(vote) as score, max(vote) filter (where user_id = :reader) as my_vote
                            from playlist_votes where playlist_id = :pl and entry_id = e.id) v on true
                        where e.user_id = :owner and e.playlist_id = :pl and e.position > :after and %s
                        order by e.position limit :limit""".formatted(base, READABLE))
                .param("owner", owner)
                .param("pl", playlist)
                .param("reader", reader)
                .param("after", after)
                .param("limit", limit);
        if (firstIndex != null) {
            statement = statement.param("first", firstIndex);
        }
        return statement.query(PageRow.class).list();
    }

    /** One page sorted by vote score (highest first), ties in playlist order, after (score, position). */
    List<PageRow> pageByVotes(UUID owner, UUID playlist, UUID reader, int afterScore, long afterPosition, int limit) {
        return jdbc.sql("""
                        with scores as (
                            select entry_id, sum(vote)::int as score, max(vote) filter (where user_id = :reader) as my_vote
                            from playlist_votes where playlist_id = :pl group by entry_id),
                        ranked as (
                            select e.id, row_number() over (order by e.position) - 1 as index, e.position, e.track_id,
                                   e.added_by, e.added_at, coalesce(s.score, 0) as score, s.my_vote
                            from playlist_entries e left join scores s on s.entry_id = e.id
                            where e.user_id = :owner and e.playlist_id = :pl and %s)
                        select r.id, r.index, r.position, r.track_id, r.added_by, r.added_at, r.score, r.my_vote
                        from ranked r
                        where r.score < :score or (r.score = :score and r.position > :position)
                        order by r.score desc, r.position limit :limit""".formatted(READABLE))
                .param("owner", owner)
                .param("pl", playlist)
                .param("reader", reader)
                .param("score", afterScore)
                .param("position", afterPosition)
                .param("limit", limit)
                .query(PageRow.class)
                .list();
    }

    /** Those of the track ids that some playlist holds. */
    List<Long> used(List<Long> trackIds) {
        return jdbc.sql("select distinct track_id from playlist_entries where track_id = any(:ids)")
                .param("ids", trackIds.toArray(NONE))
                .query(Long.class)
                .list();
    }
}
