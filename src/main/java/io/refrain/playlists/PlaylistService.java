package io.refrain.playlists;

import io.refrain.accounts.AccountService;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.ProblemTypes;
import io.refrain.platform.web.CursorCodec;
import io.refrain.platform.web.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Playlists' details, the lists of them, collaborators and follows. */
@Service
public class PlaylistService {

    private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");
    private static final UUID MAX_UUID = UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff");
    private static final UUID MIN_UUID = new UUID(0, 0);

    private final PlaylistRepository playlists;
    private final PlaylistAccess access;
    private final ActivityRepository activity;
    private final AccountService accounts;
    private final Clock clock;

    PlaylistService(
            PlaylistRepository playlists,
            PlaylistAccess access,
            ActivityRepository activity,
            AccountService accounts,
            Clock clock) {
        this.playlists = playlists;
        this.access = access;
        this.activity = activity;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public PlaylistView create(UUID owner, PlaylistRequests.Create request) {
        PlaylistLimits.noNul("name", request.name());
        PlaylistLimits.noNul("description", request.description());
        PlaylistLimits.noNul("coverUrl", request.coverUrl());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        playlists.insert(owner, id, request, now);
        activity.record(owner, id, owner, "created", 1, Map.of(), now);
        return access.read(id, owner).view();
    }

    @Transactional(readOnly = true)
    public PlaylistView get(UUID id, UUID reader) {
        return access.read(id, reader).view();
    }

    /** Those of the playlists that exist and that the reader may read (one statement, whatever their number). */
    @Transactional(readOnly = true)
    public Set<UUID> readable(Collection<UUID> ids, UUID reader) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return playlists.byIds(List.copyOf(ids), reader).stream()
                .filter(PlaylistAccess::mayRead)
                .map(PlaylistRepository.Row::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The playlist's version if the reader may read it (for conditional requests). */
    @Transactional(readOnly = true)
    public long version(UUID id, UUID reader) {
        return access.read(id, reader).version();
    }

    @Transactional
    public PlaylistView update(UUID id, UUID reader, PlaylistRequests.Update request, Long expectedVersion) {
        PlaylistLimits.noNul("name", request.name());
        PlaylistLimits.noNul("description", request.description());
        PlaylistLimits.noNul("coverUrl", request.coverUrl());
        var row = access.lockForOwner(id, reader, expectedVersion);
        Instant now = clock.instant();
        String name = request.name() == null ? row.name() : request.name().strip();
        String description = request.description() == null ? row.description() : request.description();
        String cover = request.coverUrl() == null
                ? row.coverUrl()
                : (request.coverUrl().isEmpty() ? null : request.coverUrl());
        boolean isPublic = request.isPublic() == null ? row.isPublic() : request.isPublic();
        long version = playlists.update(row.userId(), id, name, description, cover, isPublic, now);
        activity.record(row.userId(), id, reader, "updated", version, Map.of(), now);
        return access.read(id, reader).view();
    }

    @Transactional
    public void delete(UUID id, UUID reader, Long expectedVersion) {
        var row = access.lockForOwner(id, reader, expectedVersion);
        playlists.delete(row.userId(), id);
    }

    /** Playlists the reader owns or collaborates on, newest first. */
    @Transactional(readOnly = true)
    public Page<PlaylistView> mine(UUID reader, int limit, String cursor) {
        return keyset(
                cursor,
                limit,
                (after) -> playlists.mine(reader, after.at, after.id, limit + 1),
                PlaylistRepository.Row::createdAt);
    }

    /** A user's public playlists, newest first. */
    @Transactional(readOnly = true)
    public Page<PlaylistView> publicOf(UUID owner, UUID reader, int limit, String cursor) {
        return keyset(
                cursor,
                limit,
                (after) -> playlists.publicOf(owner, reader, after.at, after.id, limit + 1),
                PlaylistRepository.Row::createdAt);
    }

    /** Playlists the reader follows (and may still read), most recently followed first. */
    @Transactional(readOnly = true)
    public Page<PlaylistView> followed(UUID reader, int limit, String cursor) {
        return keyset(
                cursor,
                limit,
                (after) -> playlists.followed(reader, after.at, after.id, limit + 1),
                PlaylistRepository.Row::createdAt);
    }

    /** Follows a playlist the reader may read (public, or one they collaborate on). Idempotent. */
    @Transactional
    public void follow(UUID id, UUID reader) {
        access.read(id, reader);
        playlists.follow(reader, id, clock.instant());
    }

    @Transactional
    public void unfollow(UUID id, UUID reader) {
        access.read(id, reader);
        playlists.unfollow(reader, id);
    }

    @Transactional(readOnly = true)
    public Page<CollaboratorView> collaborators(UUID id, UUID reader, int limit, String cursor) {
        access.read(id, reader);
        UUID afterUser = COLLABORATOR_CURSOR.decodeOr(cursor, AfterUser.FIRST).userId();
        var rows = playlists.collaborators(id, reader, afterUser, limit + 1);
        boolean more = rows.size() > limit;
        var shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(
                shown.stream()
                        .map(r -> new CollaboratorView(r.userId(), r.role(), r.addedAt()))
                        .toList(),
                more ? COLLABORATOR_CURSOR.encode(new AfterUser(shown.getLast().userId())) : null);
    }

    /** Invites a collaborator or changes their role (owner only). */
    @Transactional
    public CollaboratorView putCollaborator(UUID id, UUID reader, UUID collaborator, String role) {
        var row = access.lockForOwner(id, reader, null);
        if (collaborator.equals(row.userId())) {
            throw ApiException.invalidField("userId", "the owner cannot be a collaborator of their own playlist");
        }
        accounts.profile(collaborator); // 404 for an unknown user
        if (playlists.collaboratorCount(id) >= PlaylistLimits.MAX_COLLABORATORS) {
            throw ApiException.conflict(
                    ProblemTypes.CONFLICT,
                    "A playlist has at most " + PlaylistLimits.MAX_COLLABORATORS + " collaborators.");
        }
        Instant now = clock.instant();
        playlists.putCollaborator(id, collaborator, role, now);
        return new CollaboratorView(collaborator, role, now);
    }

    /** Removes a collaborator: the owner removes anyone, a collaborator may leave. */
    @Transactional
    public void removeCollaborator(UUID id, UUID reader, UUID collaborator) {
        var row = access.read(id, reader);
        if (!"owner".equals(row.role()) && !reader.equals(collaborator)) {
            throw ApiException.forbidden(ProblemTypes.FORBIDDEN, "Only the owner manages collaborators.");
        }
        if (!playlists.removeCollaborator(id, collaborator)) {
            throw ApiException.notFound("User " + collaborator + " is not a collaborator of this playlist.");
        }
    }

    /** A list of playlists continues after this one, by a time (created, followed …) and then id, descending. */
    private record After(Instant at, UUID id) {
        static final After FIRST = new After(FAR_FUTURE, MAX_UUID);
    }

    /** The collaborators continue after this user id. */
    private record AfterUser(UUID userId) {
        static final AfterUser FIRST = new AfterUser(MIN_UUID);
    }

    private static final CursorCodec<After> CURSOR = CursorCodec.of(After.class);
    private static final CursorCodec<AfterUser> COLLABORATOR_CURSOR = CursorCodec.of(AfterUser.class);

    private static Page<PlaylistView> keyset(
            String cursor,
            int limit,
            Function<After, List<PlaylistRepository.Row>> load,
            Function<PlaylistRepository.Row, Instant> key) {
        After from = CURSOR.decodeOr(cursor, After.FIRST);
        var rows = load.apply(from);
        boolean more = rows.size() > limit;
        var shown = more ? rows.subList(0, limit) : rows;
        String next = more
                ? CURSOR.encode(
                        new After(key.apply(shown.getLast()), shown.getLast().id()))
                : null;
        return new Page<>(shown.stream().map(PlaylistRepository.Row::view).toList(), next);
    }
}
