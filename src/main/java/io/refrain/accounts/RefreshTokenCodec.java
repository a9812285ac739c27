package io.refrain.accounts;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens are 48 opaque bytes, URL-safe base64: the user id (so the lookup is by the
 * user_id-led key) followed by 32 random bytes. Only their SHA-256 is stored.
 */
final class RefreshTokenCodec {

    private static final int RANDOM_BYTES = 32;
    private static final int LENGTH = 16 + RANDOM_BYTES;

    record Decoded(UUID userId, byte[] hash) {}

    private RefreshTokenCodec() {}

    static String newToken(UUID userId, SecureRandom random) {
        byte[] secret = new byte[RANDOM_BYTES];
        random.nextBytes(secret);
        ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
        buffer.putLong(userId.getMostSignificantBits())
                .putLong(userId.getLeastSignificantBits())
                .put(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    static Optional<Decoded> decode(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != LENGTH) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        return Optional.of(new Decoded(new UUID(buffer.getLong(), buffer.getLong()), sha256(raw)));
    }

    static byte[] hash(String token) {
        return decode(token).orElseThrow().hash();
    }

    private static byte[] sha256(byte[] raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
