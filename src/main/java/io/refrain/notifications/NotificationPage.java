package io.refrain.notifications;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of a user's notifications, with how many are unread in all. */
record NotificationPage(
        List<NotificationView> items,

        @Schema(description = "pass as `cursor` to get the next page; null when this is the last")
        String next,

        @Schema(description = "how many of your notifications are unread")
        long unread) {}
