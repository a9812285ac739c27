package io.refrain.playlists;

import io.refrain.catalog.CatalogService;
import io.refrain.catalog.TrackView;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.ProblemTypes;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tracks of playlists: pages in playlist or vote order, add, remove and move. Every edit
 * locks the playlist, checks the version it names, changes only the rows it must (see
 * {@link Positions}), raises the version by one and records itself in the activity feed.
 */
@Service
public class PlaylistTrackService {

    public enum Sort {
        POSITION,
        VOTES
    }

    static final String PLAYLIST_FULL = "playlist-full";

    private final PlaylistAccess access;
    private final PlaylistRepository playlists;
    private final EntryRepository entries;
    private final ActivityRepository activity;
    private final CatalogService catalog;
    private final Clock clock;

    PlaylistTrackService(
            PlaylistAccess access,
            PlaylistRepository playlists,
            EntryRepository entries,
            ActivityRepository activity,
            CatalogService catalog,
            Clock clock) {
        this.access = access;
        this.playlists = playlists;
        this.entries = entries;
        this.activity = activity;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A page of a playlist and the version it was read at. */
    public record TracksPage(long version, Page<PlaylistEntryView> page) {}

    /** Sorted by votes, a page continues after this score and position; the sort's name marks the cursor as such. */
    private record ByVotes(String sort, int score, long position) {
        static final String SORT = "votes";
        static final ByVotes FIRST = new ByVotes(SORT, Integer.MAX_VALUE, 0);

        ByVotes {
            if (!SORT.equals(sort)) {
                throw new IllegalArgumentException("a cursor of another sort");
            }
        }
    }

    /**
     * In playlist order, a page continues after this position; it also carries the next index and
     * the version it was counted at: while the playlist stays at that version, walking page by page
     * needs no counting.
     */
    private record ByPosition(String sort, long position, long version, long nextIndex) {
        static final String SORT = "position";

        ByPosition {
            if (!SORT.equals(sort)) {
                throw new IllegalArgumentException("a cursor of another sort");
            }
        }
    }

    /** The activity feed continues below this activity id. */
    private record BeforeActivity(long id) {
        static final BeforeActivity FIRST = new BeforeActivity(Long.MAX_VALUE);
    }

    private static final CursorCodec<ByVotes> BY_VOTES = CursorCodec.of(ByVotes.class);
    private static final CursorCodec<ByPosition> BY_POSITION = CursorCodec.of(ByPosition.class);
    private static final CursorCodec<BeforeActivity> ACTIVITY_CURSOR = CursorCodec.of(BeforeActivity.class);

    @Transactional(readOnly = true)
    public TracksPage page(UUID id, UUID reader, Sort sort, int limit, String cursor) {
        var row = access.read(id, reader);
        List<EntryRepository.PageRow> rows;
        if (sort == Sort.VOTES) {
            ByVotes after = BY_VOTES.decodeOr(cursor, ByVotes.FIRST);
            rows = entries.pageByVotes(row.userId(), id, reader, after.score(), after.position(), limit + 1);
        } else {
            ByPosition after = BY_POSITION.decode(cursor);
            Long firstIndex =
                    after == null ? Long.valueOf(0) : after.version() == row.version() ? after.nextIndex() : null;
            rows = entries.page(row.userId(), id, reader, after == null ? 0 : after.position(), firstIndex, limit + 1);
        }
        boolean more = rows.size() > limit;
        var shown = more ? rows.subList(0, limit) : rows;
        Map<Long, TrackView> tracks =
                catalog
                        .tracks(
                                reader,
                                shown.stream()
                                        .map(EntryRepository.PageRow::trackId)
                                        .distinct()
                                        .toList())
                        .stream()
                        .collect(Collectors.toMap(TrackView::id, Function.identity()));
        List<PlaylistEntryView> items = shown.stream()
                .filter(r -> tracks.containsKey(r.trackId()))
                .map(r -> new PlaylistEntryView(
                        r.id(), r.index(), r.addedBy(), r.addedAt(), r.score(), r.myVote(), tracks.get(r.trackId())))
                .toList();
        String next = !more
                ? null
                : sort == Sort.VOTES
                        ? BY_VOTES.encode(new ByVotes(
                                ByVotes.SORT,
                                shown.getLast().score(),
                                shown.getLast().position()))
                        : BY_POSITION.encode(new ByPosition(
                                ByPosition.SORT,
                                shown.getLast().position(),
                                row.version(),
                                shown.getLast().index() + 1));
        return new TracksPage(row.version(), new Page<>(items, next));
    }

    @Transactional
    public PlaylistChange add(UUID id, UUID reader, List<Long> trackIds, Integer position, Long expectedVersion) {
        var row = access.lockForEditor(id, reader, expectedVersion);
        List<Long> distinct = List.copyOf(new LinkedHashSet<>(trackIds));
        Set<Long> known =
                catalog.tracks(null, distinct).stream().map(TrackView::id).collect(Collectors.toSet());
        List<Long> unknown = distinct.stream().filter(t -> !known.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.invalidField("trackIds", "unknown track ids: " + unknown);
        }
        int size = row.trackCount(); // exact: the playlist is locked
        if (size + trackIds.size() > PlaylistLimits.MAX_TRACKS) {
            throw new ApiException(
                            HttpStatus.CONFLICT,
                            PLAYLIST_FULL,
                            "A playlist holds at most " + PlaylistLimits.MAX_TRACKS + " tracks; this one has " + size
                                    + ".")
                    .with("trackCount", size);
        }
        int before = position == null ? size : position;
        if (before < 0 || before > size) {
            throw ApiException.invalidField("position", "must be between 0 and the track count (" + size + ")");
        }
        var plan = Positions.place(
                before,
                trackIds.size(),
                size,
                (offset, limit) -> entries.slots(row.userId(), id, offset, limit, List.of()));
        entries.reposition(row.userId(), id, plan.rebalanced());
        Instant now = clock.instant();
        List<Long> added = entries.insert(row.userId(), id, plan.placed(), trackIds, reader, now);
        long version = playlists.bump(row.userId(), id, now);
        activity.record(
                row.userId(), id, reader, "added", version, detail("trackIds", trackIds, "position", before), now);
        return new PlaylistChange(version, added, added.size());
    }

    @Transactional
    public PlaylistChange remove(UUID id, UUID reader, PlaylistRequests.RemoveTracks request, Long expectedVersion) {
        boolean byIds = request.entryIds() != null;
        if (byIds == (request.start() != null || request.count() != null)) {
            throw ApiException.invalidField("entryIds", "give either entryIds or start and count");
        }
        var row = access.lockForEditor(id, reader, expectedVersion);
        List<Long> removedTracks;
        Map<String, Object> detail;
        if (byIds) {
            List<Long> ids = List.copyOf(new LinkedHashSet<>(request.entryIds()));
            List<Long> present = entries.existing(row.userId(), id, ids);
            if (present.size() != ids.size()) {
                List<Long> missing =
                        ids.stream().filter(e -> !present.contains(e)).toList();
                throw ApiException.conflict(
                                ProblemTypes.CONFLICT, "Entries " + missing + " are not in this playlist (any more).")
                        .with("missingEntryIds", missing);
            }
            removedTracks = entries.deleteIds(row.userId(), id, ids);
            detail = detail("entryIds", ids, "trackIds", removedTracks);
        } else {
            int size = row.trackCount(); // exact: the playlist is locked
            int start = request.start() == null ? -1 : request.start();
            int count = request.count() == null ? -1 : request.count();
            checkRange(start, count, size, "start", "count");
            removedTracks = entries.deleteRange(row.userId(), id, start, count);
            detail = detail("position", start, "count", count, "trackIds", removedTracks);
        }
        Instant now = clock.instant();
        long version = playlists.bump(row.userId(), id, now);
        activity.record(row.userId(), id, reader, "removed", version, detail, now);
        return new PlaylistChange(version, null, removedTracks.size());
    }

    @Transactional
    public PlaylistChange move(UUID id, UUID reader, PlaylistRequests.MoveTracks request, Long expectedVersion) {
        var row = access.lockForEditor(id, reader, expectedVersion);
        int size = row.trackCount(); // exact: the playlist is locked
        int start = request.rangeStart();
        int length = request.rangeLength() == null ? 1 : request.rangeLength();
        int insertBefore = request.insertBefore();
        checkRange(start, length, size, "rangeStart", "rangeLength");
        if (insertBefore < 0 || insertBefore > size) {
            throw ApiException.invalidField("insertBefore", "must be between 0 and the track count (" + size + ")");
        }
        if (insertBefore >= start && insertBefore <= (long) start + length) {
            return new PlaylistChange(row.version(), null, 0); // the range stays where it is: nothing changes
        }
        List<EntryRepository.Slot> moving = entries.range(row.userId(), id, start, length);
        List<Long> movingIds = moving.stream().map(EntryRepository.Slot::id).toList();
        int target = insertBefore < start ? insertBefore : insertBefore - length;
        var plan = Positions.place(
                target,
                length,
                size - length,
                (offset, limit) -> entries.slots(row.userId(), id, offset, limit, movingIds));
        List<EntryRepository.Slot> changes = new ArrayList<>(plan.rebalanced());
        for (int i = 0; i < moving.size(); i++) {
            changes.add(new EntryRepository.Slot(movingIds.get(i), plan.placed().get(i)));
        }
        entries.reposition(row.userId(), id, changes);
        Instant now = clock.instant();
        long version = playlists.bump(row.userId(), id, now);
        activity.record(
                row.userId(),
                id,
                reader,
                "moved",
                version,
                detail("from", start, "count", length, "to", insertBefore, "entryIds", movingIds),
                now);
        return new PlaylistChange(version, null, length);
    }

    /** The activity feed, newest first. Readers of the playlist may see it. */
    @Transactional(readOnly = true)
    public Page<ActivityView> activity(UUID id, UUID reader, int limit, String cursor) {
        var row = access.read(id, reader);
        long before = ACTIVITY_CURSOR.decodeOr(cursor, BeforeActivity.FIRST).id();
        var rows = activity.feed(row.userId(), id, reader, before, limit + 1);
        boolean more = rows.size() > limit;
        var shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(
                shown,
                more ? ACTIVITY_CURSOR.encode(new BeforeActivity(shown.getLast().id())) : null);
    }

    /** The score of an entry after the reader's vote. */
    public record VoteResult(long entryId, int votes, Integer myVote) {}

    /** Sets (1, -1) or clears (null) the reader's vote: owner, collaborators and followers vote. */
    @Transactional
    public VoteResult vote(UUID id, UUID reader, long entryId, Integer vote) {
        var row = access.read(id, reader);
        if (row.role() == null && !row.following()) {
            throw ApiException.forbidden(
                    ProblemTypes.FORBIDDEN, "Only collaborators and followers vote on a playlist's tracks.");
        }
        if (vote != null && vote != 1 && vote != -1) {
            throw ApiException.invalidField("vote", "must be 1 or -1");
        }
        if (!activity.hasEntry(row.userId(), id, entryId)) {
            throw ApiException.notFound("There is no entry " + entryId + " in this playlist.");
        }
        if (vote == null) {
            activity.unvote(reader, id, entryId);
        } else {
            activity.vote(reader, row.userId(), id, entryId, vote, clock.instant());
        }
        return new VoteResult(entryId, activity.score(id, entryId), vote);
    }

    private static void checkRange(int start, int count, int size, String startField, String countField) {
        if (start < 0 || start >= size) {
            throw ApiException.invalidField(
                    startField, "must be between 0 and the track count - 1 (" + (size - 1) + ")");
        }
        if (count < 1 || (long) start + count > size) {
            throw ApiException.invalidField(
                    countField, "must be at least 1 and stay within the playlist (" + size + " tracks)");
        }
    }

    private static Map<String, Object> detail(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
