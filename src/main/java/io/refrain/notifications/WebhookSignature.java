package io.refrain.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: {@code sha256=} and the hex HMAC-SHA256, keyed with the
 * webhook's secret, of {@code <timestamp>.<body>} (the timestamp header's value, a dot, the raw
 * body). Signing the timestamp lets a receiver refuse old deliveries replayed later.
 */
final class WebhookSignature {

    static final String SIGNATURE_HEADER = "X-Refrain-Signature";
    static final String TIMESTAMP_HEADER = "X-Refrain-Timestamp";
    static final String DELIVERY_HEADER = "X-Refrain-Delivery";

    private WebhookSignature() {}

    static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
