package io.refrain.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebhookAddressesTest {

    private final WebhookAddresses strict = new WebhookAddresses(false);

    @Test
    void theServersOwnMachineAndNetworksAreRefused() {
        for (String url : new String[] {
            "http://127.0.0.1:8080/hook",
            "http://10.1.2.3/hook",
            "http://192.168.0.10/hook",
            "http://172.16.5.5/hook",
            "http://169.254.169.254/latest/meta-data",
            "http://0.0.0.0/hook",
            "http://[::1]/hook",
            "http://[fd12:3456::1]/hook",
            "http://[fe80::1]/hook"
        }) {
            assertThat(strict.refusal(URI.create(url))).as(url).isPresent();
        }
    }

    @Test
    void publicAddressesAreAllowedAndEverythingIsWhenConfigured() {
        assertThat(strict.refusal(URI.create("https://93.184.216.34/hook"))).isEmpty();
        assertThat(strict.refusal(URI.create("https://[2606:2800:220:1::1]/hook")))
                .isEmpty();
        assertThat(new WebhookAddresses(true).refusal(URI.create("http://127.0.0.1:8080/hook")))
                .isEmpty();
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        assertThat(strict.refusal(URI.create("https://no-such-host.invalid/hook")))
                .get()
                .asString()
                .contains("does not resolve");
    }
}
