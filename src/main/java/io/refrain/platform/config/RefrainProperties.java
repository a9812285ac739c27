package io.refrain.platform.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** All of Refrain's own settings; {@code application.yml} maps each {@code REFRAIN_*} variable here. */
@ConfigurationProperties("refrain")
public record RefrainProperties(
        Path dataDir,
        boolean production,
        Database database,
        Auth auth,
        RateLimit rateLimit,
        Http http,
        Smtp smtp) {

    /**
     * @param embeddedSharedBuffers {@code shared_buffers} of the embedded PostgreSQL: a size ("2GB",
     *                              "512MB") or "auto" (a quarter of the machine's memory, 128 MB to 4 GB)
     * @param connectionTimeout     longest wait for a free pooled connection; a request that waits longer
     *                              is answered 503 with Retry-After
     * @param allowUnsafeDurability start even when the database runs with {@code fsync},
     *                              {@code synchronous_commit} or {@code full_page_writes} off (warned)
     */
    public record Database(String url, String user, String password, int poolSize, Duration connectionTimeout,
                           Duration statementTimeout, Duration slowStatementThreshold, String embeddedSharedBuffers,
                           boolean allowUnsafeDurability) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record Auth(String jwtSecret, Duration accessTokenTtl, Duration refreshTokenTtl, Duration codeTtl,
                       Duration codeResendInterval, int codeMaxAttempts, int passwordHashCost, String adminEmails) {
        /** The configured admin addresses, lower-cased. */
        public List<String> adminEmailList() {
            if (adminEmails == null || adminEmails.isBlank()) {
                return List.of();
            }
            return Arrays.stream(adminEmails.split(","))
                    .map(s -> s.trim().toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }

    /**
     * @param listenbrainzPerToken requests per {@code listenbrainzWindow} on the ListenBrainz API (/1/…), per
     *                             token (per client address without one)
     */
    public record RateLimit(int authPerAddressPerMinute, int authPerAccountPerMinute, int listenbrainzPerToken,
                            Duration listenbrainzWindow) {
    }

    /**
     * @param maxBodySize        any request body
     * @param maxListenBatchSize a batch of listens (POST /api/v1/me/listens, /1/submit-listens)
     * @param maxUploadSize      an uploaded export file (POST /api/v1/me/listens/imports)
     * @param maxInFlight        requests worked on at once (health and metrics probes not counted)
     * @param inFlightWait       longest wait of a request beyond that bound before it is refused with 503
     */
    public record Http(DataSize maxBodySize, DataSize maxListenBatchSize, DataSize maxUploadSize, int maxInFlight,
                       Duration inFlightWait) {
    }

    public record Smtp(String host, int port, String username, String password, String from, boolean starttls) {
        public boolean configured() {
            return host != null && !host.isBlank();
        }
    }
}
