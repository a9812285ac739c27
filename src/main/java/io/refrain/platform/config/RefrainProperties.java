package io.refrain.platform.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The platform's own settings ({@code refrain.*} outside the modules' prefixes). Each feature
 * module binds its settings to a record of its own ({@code AccountsProperties},
 * {@code CatalogProperties}, {@code HistoryProperties}, {@code PlaylistsProperties});
 * {@code application.yml} declares every key with its default and maps the {@code REFRAIN_*}
 * variables to them.
 *
 * @param cli true in a CLI command's context (set by {@code CliRunner}): no background jobs, and the
 *            data directory may be attached to a running server's
 */
@ConfigurationProperties("refrain")
@Validated
public record RefrainProperties(
        @NotNull Path dataDir,
        boolean production,
        boolean cli,
        @NotNull @Valid Database database,
        @NotNull @Valid Security security,
        @NotNull @Valid Http http,
        @NotNull @Valid Smtp smtp,
        @NotNull @Valid Jobs jobs) {

    /**
     * @param embeddedSharedBuffers {@code shared_buffers} of the embedded PostgreSQL: a size ("2GB",
     *                              "512MB") or "auto" (a quarter of the machine's memory, 128 MB to 4 GB)
     * @param connectionTimeout     longest wait for a free pooled connection; a request that waits longer
     *                              is answered 503 with Retry-After
     * @param allowUnsafeDurability start even when the database runs with {@code fsync},
     *                              {@code synchronous_commit} or {@code full_page_writes} off (warned)
     */
    public record Database(
            String url,
            String user,
            String password,
            @Min(1) int poolSize,
            @NotNull @DurationMin(millis = 1) Duration connectionTimeout,
            @NotNull Duration statementTimeout,
            @NotNull Duration slowStatementThreshold,
            @NotBlank String embeddedSharedBuffers,
            boolean allowUnsafeDurability) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * Signing and issuing access tokens ({@code platform/security}); the accounts module's token and
     * code settings are in its own record.
     *
     * @param jwtSecret      the HS256 secret; empty means a key generated into the data directory
     * @param accessTokenTtl lifetime of an access token
     */
    public record Security(
            String jwtSecret,
            @NotNull @DurationMin(seconds = 1) Duration accessTokenTtl) {}

    /**
     * @param maxBodySize        any request body
     * @param maxListenBatchSize a batch of listens (POST /api/v1/me/listens, /1/submit-listens)
     * @param maxUploadSize      an uploaded export file (POST /api/v1/me/listens/imports)
     * @param maxInFlight        requests worked on at once (health and metrics probes not counted)
     * @param inFlightWait       longest wait of a request beyond that bound before it is refused with 503
     */
    public record Http(
            @NotNull DataSize maxBodySize,
            @NotNull DataSize maxListenBatchSize,
            @NotNull DataSize maxUploadSize,
            @Min(1) int maxInFlight,
            @NotNull Duration inFlightWait) {}

    public record Smtp(
            String host,
            @Min(1) @Max(65535) int port,
            String username,
            String password,
            String from,
            boolean starttls) {
        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }

    /**
     * Cluster-wide background jobs (ShedLock).
     *
     * @param lockAtLeastFor a job's lock stays held at least this long after a tick, so a server that
     *                       fires a little later skips the tick; keep it below the shortest schedule
     */
    public record Jobs(@NotNull Duration lockAtLeastFor) {}
}
