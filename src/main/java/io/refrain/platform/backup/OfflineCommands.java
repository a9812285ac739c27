package io.refrain.platform.backup;

import io.refrain.platform.config.RefrainProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The application context of the tool commands that must not touch the data directory's
 * database ({@code restore} replaces it): Refrain's settings and those commands, no database, no
 * auto-configuration. Deliberately not a {@code @Configuration}, so the server's component scan
 * does not pick it up.
 */
@EnableConfigurationProperties(RefrainProperties.class)
@Import(RestoreCommand.class)
public class OfflineCommands {

    /** The commands that run in this context instead of the full one. */
    public static final java.util.Set<String> NAMES = java.util.Set.of("restore");
}
