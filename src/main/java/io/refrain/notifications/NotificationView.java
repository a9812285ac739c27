package io.refrain.notifications;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/** A notification as its user sees it. */
record NotificationView(
        long id,

        @Schema(description = "what it is about: `role.expiring`, `role.expired`, …")
        String kind,

        String title,
        String body,

        @JsonRawValue @Schema(type = "object", description = "the facts as fields (for `role.*`: role, scope, endsAt)")
        String data,

        Instant createdAt,
        @Schema(description = "null while unread") Instant readAt) {}
