package io.refrain.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A local stand-in for musicbrainz.org shared by the integration tests: the application's
 * MusicBrainz connector points at it, with a short request interval so tests stay quick.
 */
public final class MusicBrainzStub {

    public static final WireMockServer SERVER = start();

    private MusicBrainzStub() {}

    static void register(DynamicPropertyRegistry registry) {
        registry.add("refrain.catalog.musicbrainz.base-url", () -> SERVER.baseUrl() + "/ws/2");
        registry.add("refrain.catalog.musicbrainz.min-interval", () -> "20ms");
        registry.add("refrain.catalog.musicbrainz.timeout", () -> "2s");
    }

    private static WireMockServer start() {
        var server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
