package io.refrain.platform.security;

import io.refrain.platform.config.RefrainProperties;
import io.refrain.platform.config.StartupException;
import io.refrain.platform.db.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's secret: signs access tokens (HS256) and keys the HMAC of one-time codes.
 * From {@code REFRAIN_JWT_SECRET} when set; in production mode a missing secret stops start-up;
 * otherwise generated once and kept in {@code <data-dir>/secrets/jwt.key}.
 */
public final class SigningKey {

    private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
    private static final int MIN_BYTES = 32;

    private final byte[] key;

    private SigningKey(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new StartupException(
                    "REFRAIN_JWT_SECRET is shorter than " + MIN_BYTES + " bytes.",
                    "Set a longer secret, for example: export REFRAIN_JWT_SECRET=$(openssl rand -base64 48)");
        }
        this.key = key.clone();
    }

    static SigningKey load(RefrainProperties properties, DataDirectory dataDirectory) {
        String configured = properties.security().jwtSecret();
        if (configured != null && !configured.isBlank()) {
            return new SigningKey(configured.getBytes(StandardCharsets.UTF_8));
        }
        if (properties.production()) {
            throw new StartupException(
                    "REFRAIN_JWT_SECRET is not set. In production mode (REFRAIN_PRODUCTION=true) "
                            + "the token signing secret must come from the environment.",
                    "Set it, for example: export REFRAIN_JWT_SECRET=$(openssl rand -base64 48)");
        }
        return new SigningKey(readOrCreate(dataDirectory.resolve("secrets/jwt.key")));
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[64];
            new SecureRandom().nextBytes(key);
            Path tmp = file.resolveSibling("jwt.key.tmp");
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.move(tmp, file);
            log.info("Generated a new token signing key in {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the signing key " + file, e);
        }
    }

    SecretKey jwtKey() {
        return new SecretKeySpec(key, "HmacSHA256");
    }

    /** HMAC-SHA256 of the input under a key derived for {@code purpose}, so uses never share a key. */
    public byte[] hmac(String purpose, byte[] input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] derived = mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
            mac.init(new SecretKeySpec(derived, "HmacSHA256"));
            return mac.doFinal(input);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
