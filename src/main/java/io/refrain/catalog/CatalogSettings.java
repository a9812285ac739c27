package io.refrain.catalog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Catalog housekeeping; {@code application.yml} maps the {@code REFRAIN_CATALOG_*} variables.
 *
 * @param staleAfter        a track fetched by a connector that nobody has requested for this long
 *                          is stale
 * @param staleMaxAccesses  … and only if it was requested fewer times than this in all
 * @param cleanupBatchSize  tracks removed per transaction
 */
@ConfigurationProperties("refrain.catalog")
public record CatalogSettings(Duration staleAfter, long staleMaxAccesses, int cleanupBatchSize) {
}
