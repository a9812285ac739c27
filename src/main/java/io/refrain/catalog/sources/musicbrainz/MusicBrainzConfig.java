package io.refrain.catalog.sources.musicbrainz;

import io.refrain.catalog.CatalogProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The MusicBrainz connector, unless {@code REFRAIN_MUSICBRAINZ_ENABLED=false} (e.g. offline installs). */
@Configuration(proxyBeanMethods = false)
class MusicBrainzConfig {

    // The connector is AutoCloseable: Spring closes its HTTP client on shutdown.
    @Bean
    @ConditionalOnProperty(
            prefix = "refrain.catalog.musicbrainz",
            name = "enabled",
            havingValue = "true",
            matchIfMissing = true)
    MusicBrainzConnector musicBrainzConnector(CatalogProperties settings, JsonMapper json) {
        return new MusicBrainzConnector(settings.musicbrainz(), json);
    }
}
