package io.refrain.notifications;

import java.util.Map;
import java.util.UUID;

/**
 * One thing to tell one user.
 *
 * @param kind  what it is about, dotted ({@code role.expiring}); clients switch on it
 * @param title one line (at most 200 characters)
 * @param body  the text (at most 2,000 characters)
 * @param data  the facts as fields, for clients and webhooks (strings, numbers, booleans)
 */
public record Notice(UUID userId, String kind, String title, String body, Map<String, Object> data) {

    public Notice {
        data = Map.copyOf(data);
    }
}
