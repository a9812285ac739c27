package io.refrain.timers;

import io.refrain.notifications.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** What the holder of a timed role is told, in words and as fields. */
final class RoleNotices {

    private RoleNotices() {}

    static Notice expiring(SweepRepository.Due due, Instant now) {
        String left = words(Duration.between(now, due.endsAt()));
        return new Notice(
                due.userId(),
                "role.expiring",
                "Your " + name(due) + " role ends in " + left,
                "Your " + name(due) + " role ends at " + due.endsAt() + " (in " + left + "). "
                        + "An administrator can extend it.",
                fields(due));
    }

    static Notice expired(SweepRepository.Due due) {
        return new Notice(
                due.userId(),
                "role.expired",
                "Your " + name(due) + " role has ended",
                "Your " + name(due) + " role ended at " + due.endsAt() + ".",
                fields(due));
    }

    private static String name(SweepRepository.Due due) {
        return due.scope().isEmpty() ? due.role() : due.role() + " (" + due.scope() + ")";
    }

    private static Map<String, Object> fields(SweepRepository.Due due) {
        return Map.of(
                "role", due.role(), "scope", due.scope(), "endsAt", due.endsAt().toString());
    }

    /** "23 hours 59 minutes", "5 minutes", "40 seconds": the two largest units. */
    static String words(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        if (days > 0) {
            return unit(days, "day") + (hours > 0 ? " " + unit(hours, "hour") : "");
        }
        if (hours > 0) {
            return unit(hours, "hour") + (minutes > 0 ? " " + unit(minutes, "minute") : "");
        }
        if (minutes > 0) {
            return unit(minutes, "minute");
        }
        return unit(seconds, "second");
    }

    private static String unit(long n, String name) {
        return n + " " + name + (n == 1 ? "" : "s");
    }
}
