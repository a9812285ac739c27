package io.refrain.playlists;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The playlists module's settings ({@code refrain.playlists.*}); {@code application.yml} declares
 * each key with its default.
 *
 * @param smart smart (rule-based) playlists
 */
@ConfigurationProperties("refrain.playlists")
@Validated
public record PlaylistsProperties(@NotNull @Valid Smart smart) {

    /**
     * @param minRefreshDelay a stale smart playlist is evaluated again at most once per this delay
     */
    public record Smart(@NotNull Duration minRefreshDelay) {}
}
