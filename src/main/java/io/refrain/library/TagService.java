package io.refrain.library;

import io.refrain.catalog.CatalogService;
import io.refrain.catalog.TrackView;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.ProblemTypes;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's own tags on tracks. Names are 1–{@value #NAME_MAX} characters (spaces around them
 * dropped), unique per user whatever their case; a user has at most {@value #MAX_TAGS} tags. A tag
 * of another user is answered as if it did not exist.
 */
@Service
public class TagService {

    public static final int NAME_MAX = 50;
    public static final int MAX_TAGS = 1000;

    public record TagView(long id, String name, Instant createdAt, long trackCount) {}

    public record TaggedTrack(Instant taggedAt, TrackView track) {}

    private final TagRepository tags;
    private final LibraryVersionRepository versions;
    private final CatalogService catalog;
    private final Clock clock;

    TagService(TagRepository tags, LibraryVersionRepository versions, CatalogService catalog, Clock clock) {
        this.tags = tags;
        this.versions = versions;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional
    public TagView create(UUID userId, String name) {
        String valid = validName(name);
        if (tags.count(userId) >= MAX_TAGS) {
            throw ApiException.conflict(
                    ProblemTypes.CONFLICT,
                    "You have " + MAX_TAGS + " tags, the most there can be; " + "delete one first.");
        }
        try {
            long id = tags.create(userId, valid, Cursors.now(clock));
            versions.bump(userId);
            return tags.find(userId, id).orElseThrow();
        } catch (DuplicateKeyException e) {
            throw nameTaken(valid);
        }
    }

    @Transactional(readOnly = true)
    public TagView tag(UUID userId, long tagId) {
        return tags.find(userId, tagId).orElseThrow(() -> noSuchTag(tagId));
    }

    @Transactional
    public TagView rename(UUID userId, long tagId, String name) {
        String valid = validName(name);
        try {
            if (!tags.rename(userId, tagId, valid)) {
                throw noSuchTag(tagId);
            }
        } catch (DuplicateKeyException e) {
            throw nameTaken(valid);
        }
        versions.bump(userId);
        return tags.find(userId, tagId).orElseThrow();
    }

    /** Deletes a tag; its tracks stay in the catalog and the library, only the tagging goes. */
    @Transactional
    public void delete(UUID userId, long tagId) {
        if (!tags.delete(userId, tagId)) {
            throw noSuchTag(tagId);
        }
        versions.bump(userId);
    }

    /** The tags page continues after this tag name. */
    private record AfterTag(String name) {
        static final AfterTag START = new AfterTag("");
    }

    private static final CursorCodec<AfterTag> TAG_CURSOR = CursorCodec.of(AfterTag.class);

    /**
     * The user's tags in alphabetical order (case-insensitive), with how many tracks each has. The
     * cursor is the last tag's name; the database lower-cases it the same way as the names it compares.
     */
    @Transactional(readOnly = true)
    public Page<TagView> tags(UUID userId, int limit, String cursor) {
        List<TagView> rows =
                tags.page(userId, TAG_CURSOR.decodeOr(cursor, AfterTag.START).name(), limit + 1);
        boolean more = rows.size() > limit;
        List<TagView> page = more ? rows.subList(0, limit) : rows;
        return new Page<>(
                List.copyOf(page),
                more ? TAG_CURSOR.encode(new AfterTag(page.getLast().name())) : null);
    }

    /** Puts tracks under a tag (all or nothing: unknown track ids are a 404 naming them). */
    @Transactional
    public void tagTracks(UUID userId, long tagId, List<Long> requested) {
        List<Long> ids = Batch.ids(requested);
        if (!tags.lock(userId, tagId)) {
            throw noSuchTag(tagId);
        }
        List<Long> unknown = tags.unknownTracks(ids);
        if (!unknown.isEmpty()) {
            throw ApiException.notFound("The catalog has no track "
                            + unknown.stream().map(String::valueOf).collect(Collectors.joining(", "))
                            + "; nothing was changed.")
                    .with("unknownIds", unknown);
        }
        int tagged;
        try {
            tagged = tags.tag(userId, tagId, ids, Cursors.now(clock));
        } catch (DataIntegrityViolationException e) { // a track was deleted from the catalog meanwhile
            throw ApiException.notFound(
                    "Some of these tracks were just removed from the catalog; nothing was changed.");
        }
        if (tagged > 0) {
            versions.bump(userId);
        }
    }

    @Transactional
    public void untagTracks(UUID userId, long tagId, List<Long> requested) {
        List<Long> ids = Batch.ids(requested);
        if (!tags.lock(userId, tagId)) {
            throw noSuchTag(tagId);
        }
        if (tags.untag(userId, tagId, ids) > 0) {
            versions.bump(userId);
        }
    }

    /** A tag's tracks, most recently tagged first, with the reader's state of each. */
    @Transactional(readOnly = true)
    public Page<TaggedTrack> tracks(UUID userId, long tagId, int limit, String cursor) {
        ShelfRepository.Entry after = Cursors.decode(cursor);
        if (!tags.exists(userId, tagId)) {
            throw noSuchTag(tagId);
        }
        var rows = tags.tracks(userId, tagId, after.at(), after.id(), limit + 1);
        return LibraryPages.of(
                rows,
                limit,
                ids -> catalog.tracks(userId, ids).stream()
                        .collect(Collectors.toMap(TrackView::id, Function.identity())),
                TaggedTrack::new);
    }

    static String validName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw ApiException.invalidField("name", "must not be blank");
        }
        if (stripped.codePointCount(0, stripped.length()) > NAME_MAX) {
            throw ApiException.invalidField("name", "must be at most " + NAME_MAX + " characters");
        }
        if (stripped.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField("name", "must not contain control characters");
        }
        return stripped;
    }

    private static ApiException noSuchTag(long tagId) {
        return ApiException.notFound("You have no tag " + tagId + ".");
    }

    private static ApiException nameTaken(String name) {
        return ApiException.conflict(ProblemTypes.CONFLICT, "You already have a tag named '" + name + "'.");
    }
}
