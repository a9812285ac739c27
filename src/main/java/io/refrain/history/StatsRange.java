package io.refrain.history;

import io.refrain.platform.errors.ApiException;
import java.time.LocalDate;

/**
 * A statistics range in UTC days, ending today: the last 7, 30 or 365 days, or everything.
 * Rollups are per UTC day and month, so these are exact (not approximations).
 */
enum StatsRange {
    WEEK(7),
    MONTH(30),
    YEAR(365),
    ALL_TIME(0);

    private final int days;

    StatsRange(int days) {
        this.days = days;
    }

    static StatsRange parse(String value) {
        if (value == null || value.isBlank()) {
            return ALL_TIME;
        }
        return switch (value) {
            case "week" -> WEEK;
            case "month" -> MONTH;
            case "year" -> YEAR;
            case "all_time" -> ALL_TIME;
            default -> throw ApiException.invalidField("range", "must be week, month, year or all_time");
        };
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The first day in the range, or null for all time. */
    LocalDate from(LocalDate today) {
        return days == 0 ? null : today.minusDays(days - 1L);
    }
}
