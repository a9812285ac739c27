package io.refrain.history.archive;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Listening-history retention; {@code application.yml} maps {@code REFRAIN_HISTORY_RETENTION_MONTHS}.
 *
 * @param retentionMonths months of listens kept in the database; a month wholly older than this
 *                        is archived by the daily job. 0 keeps everything forever.
 */
@ConfigurationProperties("refrain.history")
public record ArchiveSettings(int retentionMonths) {

    public ArchiveSettings {
        if (retentionMonths < 0) {
            throw new IllegalArgumentException("refrain.history.retention-months must be 0 (keep forever) or more, got " + retentionMonths);
        }
    }
}
