package io.refrain.catalog;

import io.refrain.catalog.identity.CatalogIdentity.Origin;
import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.ProblemTypes;
import io.refrain.platform.security.AuthenticatedUser;
import io.refrain.timers.Role;
import io.refrain.timers.Roles;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Admin-only create, update and delete of catalog tracks; cached views are dropped on commit. */
@Service
class CatalogEditor {

    private final CatalogWriter writer;
    private final TrackWriteRepository tracks;
    private final CatalogService catalog;
    private final Roles roles;
    private final Clock clock;

    CatalogEditor(CatalogWriter writer, TrackWriteRepository tracks, CatalogService catalog, Roles roles, Clock clock) {
        this.writer = writer;
        this.tracks = tracks;
        this.catalog = catalog;
        this.roles = roles;
        this.clock = clock;
    }

    @Transactional
    public long create(AuthenticatedUser user, TrackDraft draft) {
        requireCurator(user);
        long id = writer.insert(draft, Origin.ADMIN, clock.instant());
        invalidateOnCommit(id);
        return id;
    }

    @Transactional
    public void update(AuthenticatedUser user, long id, TrackDraft draft) {
        requireCurator(user);
        if (!writer.replace(id, draft, clock.instant())) {
            throw ApiException.notFound("There is no track " + id + ".");
        }
        invalidateOnCommit(id);
    }

    @Transactional
    public void delete(AuthenticatedUser user, long id) {
        requireCurator(user);
        boolean deleted;
        try {
            deleted = tracks.delete(id);
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // listening statistics refer to the track without cascading: history is never deleted by a catalog edit
            throw ApiException.conflict(
                    "track-in-use",
                    "Track " + id + " has been listened to; listening histories keep it. "
                            + "Correct it with PUT instead.");
        }
        if (!deleted) {
            throw ApiException.notFound("There is no track " + id + ".");
        }
        invalidateOnCommit(id);
    }

    /** Administrators and curators (a timed role, checked now: one that ran out no longer counts). */
    private void requireCurator(AuthenticatedUser user) {
        if (!user.isAdmin() && !roles.holds(user.id(), Role.CURATOR)) {
            throw ApiException.forbidden(
                    ProblemTypes.FORBIDDEN, "Only curators and administrators change the catalog.");
        }
    }

    /**
     * After commit, not before: a read between the invalidation and the commit would otherwise
     * put the old version back into the cache.
     */
    private void invalidateOnCommit(long trackId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                catalog.invalidate(trackId);
            }
        });
    }
}
