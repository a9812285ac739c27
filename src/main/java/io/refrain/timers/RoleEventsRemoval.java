package io.refrain.timers;

import io.refrain.accounts.AccountDeleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's audit trail goes with it, in the deleting transaction ({@code role_events}
 * has no foreign key; its timers go by the key's cascade). A sweep that held the account's timers
 * has committed before the account's delete could take them, so its events are seen and removed.
 */
@Component
class RoleEventsRemoval {

    private final EventRepository events;

    RoleEventsRemoval(EventRepository events) {
        this.events = events;
    }

    @EventListener
    void onAccountDeleted(AccountDeleted deleted) {
        events.deleteAll(deleted.userId());
    }
}
