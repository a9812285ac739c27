package io.refrain.recommend;

import io.refrain.platform.errors.ApiException;
import java.util.Arrays;

/** The generated playlists a user gets: a daily mix of familiar music and a weekly discovery of tracks never played. */
enum GeneratedKind {
    DAILY_MIX(
            "daily_mix",
            "daily-mix",
            "Daily mix",
            "Your own music: what you play, love and save, mixed anew each day."),
    WEEKLY_DISCOVERY(
            "weekly_discovery",
            "weekly-discovery",
            "Weekly discovery",
            "Tracks you never played, chosen for your profile, new each week.");

    final String column;
    final String path;
    final String title;
    final String description;

    GeneratedKind(String column, String path, String title, String description) {
        this.column = column;
        this.path = path;
        this.title = title;
        this.description = description;
    }

    static GeneratedKind parse(String path) {
        return Arrays.stream(values())
                .filter(k -> k.path.equals(path))
                .findFirst()
                .orElseThrow(() -> ApiException.invalidField("kind", "must be daily-mix or weekly-discovery"));
    }
}
