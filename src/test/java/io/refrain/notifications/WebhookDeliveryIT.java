package io.refrain.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.refrain.support.IntegrationTest;
import io.refrain.support.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A user's webhook receives their notifications, signed; failures are retried, then the webhook is switched off. */
class WebhookDeliveryIT extends IntegrationTest {

    /** One request the receiver got. */
    record Received(Map<String, String> headers, String body) {}

    @Autowired
    Notifications notifications;

    @Autowired
    WebhookSender sender;

    @Autowired
    TransactionTemplate transactions;

    private HttpServer receiver;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answer = new AtomicInteger(204);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    Map.of(
                            "signature", exchange.getRequestHeaders().getFirst("X-Refrain-Signature"),
                            "timestamp", exchange.getRequestHeaders().getFirst("X-Refrain-Timestamp"),
                            "delivery", exchange.getRequestHeaders().getFirst("X-Refrain-Delivery"),
                            "contentType", exchange.getRequestHeaders().getFirst("Content-Type")),
                    body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private void notify(UUID user, int count) {
        transactions.executeWithoutResult(s -> notifications.send(java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new Notice(user, "test.ping", "Ping " + i, "Number " + i, Map.of("n", i)))
                .toList()));
    }

    private void awaitReceived(int count) throws InterruptedException {
        for (int i = 0; i < 100 && received.size() < count; i++) {
            sender.run();
            Thread.sleep(50);
        }
        assertThat(received).hasSizeGreaterThanOrEqualTo(count);
    }

    private static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNotificationArrivesSignedWithTheSecret() throws Exception {
        var user = newAccount();
        api.get("/api/v1/me/notifications/webhook", user.accessToken()).assertProblem(404, "not-found");
        var set = api.put("/api/v1/me/notifications/webhook", Json.of("url", hookUrl()), user.accessToken())
                .assertStatus(200)
                .json();
        String secret = set.path("secret").asString();
        assertThat(secret).startsWith("whsec_");

        notify(user.id(), 1);
        awaitReceived(1);
        Received got = received.peek();
        assertThat(got.headers().get("contentType")).isEqualTo("application/json");
        assertThat(got.headers().get("signature"))
                .isEqualTo(hmac(secret, got.headers().get("timestamp") + "." + got.body()));
        var body = Json.MAPPER.readTree(got.body());
        assertThat(body.path("kind").asString()).isEqualTo("test.ping");
        assertThat(body.path("data").path("n").asInt()).isZero();
        assertThat(got.headers().get("delivery")).isEqualTo(body.path("id").asString());
        var inbox = api.get("/api/v1/me/notifications", user.accessToken()).json();
        assertThat(inbox.path("items").get(0).path("id").asLong())
                .isEqualTo(body.path("id").asLong());

        var shown = api.get("/api/v1/me/notifications/webhook", user.accessToken())
                .assertStatus(200)
                .json();
        assertThat(shown.path("enabled").asBoolean()).isTrue();
        assertThat(shown.path("secret").isNull())
                .as("the secret is shown only when set")
                .isTrue();
        api.delete("/api/v1/me/notifications/webhook", user.accessToken()).assertStatus(204);
        api.delete("/api/v1/me/notifications/webhook", user.accessToken()).assertProblem(404, "not-found");
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackoffUnderTheSameDeliveryId() throws Exception {
        var user = newAccount();
        api.put("/api/v1/me/notifications/webhook", Json.of("url", hookUrl()), user.accessToken())
                .assertStatus(200);
        answer.set(503);
        notify(user.id(), 1);
        awaitReceived(1);
        answer.set(200);
        sender.run();
        assertThat(received).as("not due again yet").hasSize(1);
        clock.advance(Duration.ofSeconds(31));
        awaitReceived(2);
        List<Received> both = List.copyOf(received);
        assertThat(both.get(1).headers().get("delivery"))
                .isEqualTo(both.get(0).headers().get("delivery"));
        var row = jdbc.sql("""
                        select attempts, delivered_at is not null, last_status from webhook_deliveries
                        where user_id = ?""")
                .param(user.id())
                .query((rs, n) -> List.of(rs.getInt(1), rs.getBoolean(2), rs.getInt(3)))
                .single();
        assertThat(row).containsExactly(2, true, 200);
        assertThat(api.get("/api/v1/me/notifications/webhook", user.accessToken())
                        .json()
                        .path("consecutiveFailures")
                        .asInt())
                .isZero();
    }

    @Test
    void aWebhookThatKeepsFailingIsSwitchedOffAndSettingItAgainSwitchesItOn() throws Exception {
        var user = newAccount();
        api.put("/api/v1/me/notifications/webhook", Json.of("url", hookUrl()), user.accessToken())
                .assertStatus(200);
        answer.set(500);
        notify(user.id(), 12);
        awaitReceived(10);
        Thread.sleep(200);
        assertThat(received).as("switched off after 10 failures in a row").hasSize(10);
        var shown =
                api.get("/api/v1/me/notifications/webhook", user.accessToken()).json();
        assertThat(shown.path("enabled").asBoolean()).isFalse();
        assertThat(shown.path("lastError").asString()).contains("500");
        assertThat(jdbc.sql("select count(*) from webhook_deliveries where user_id = ? and next_attempt_at is not null")
                        .param(user.id())
                        .query(Long.class)
                        .single())
                .as("what was queued is given up")
                .isZero();
        notify(user.id(), 1);
        assertThat(jdbc.sql("select count(*) from webhook_deliveries where user_id = ?")
                        .param(user.id())
                        .query(Long.class)
                        .single())
                .as("nothing is queued for a webhook that is off")
                .isEqualTo(12);

        api.put("/api/v1/me/notifications/webhook", Json.of("url", hookUrl()), user.accessToken())
                .assertStatus(200);
        assertThat(api.get("/api/v1/me/notifications/webhook", user.accessToken())
                        .json()
                        .path("enabled")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void badWebhookUrlsAreRefused() {
        var user = newAccount();
        for (String url :
                new String[] {"ftp://example.org/x", "not a url", "http:///nohost", "http://user:pw@example.org/"}) {
            api.put("/api/v1/me/notifications/webhook", Json.of("url", url), user.accessToken())
                    .assertProblem(400, "validation");
        }
        api.put("/api/v1/me/notifications/webhook", Json.of(), user.accessToken())
                .assertProblem(400, "validation");
        api.get("/api/v1/me/notifications?cursor=zzz", user.accessToken()).assertProblem(400, "validation");
        api.get("/api/v1/me/notifications?limit=0", user.accessToken()).assertProblem(400, "validation");
    }
}
