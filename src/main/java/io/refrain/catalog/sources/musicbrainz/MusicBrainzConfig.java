package io.refrain.catalog.sources.musicbrainz;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The MusicBrainz connector, unless {@code REFRAIN_MUSICBRAINZ_ENABLED=false} (e.g. offline installs). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MusicBrainzSettings.class)
class MusicBrainzConfig {

    // The connector is AutoCloseable: Spring closes its HTTP client on shutdown.
    @Bean
    @ConditionalOnProperty(prefix = "refrain.musicbrainz", name = "enabled", havingValue = "true", matchIfMissing = true)
    MusicBrainzConnector musicBrainzConnector(MusicBrainzSettings settings, JsonMapper json) {
        return new MusicBrainzConnector(settings, json);
    }
}
