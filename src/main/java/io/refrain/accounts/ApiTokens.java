package io.refrain.accounts;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.ProblemTypes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-user API tokens: for scrobblers (the ListenBrainz-compatible API, scope {@code listenbrainz})
 * and for AI assistants (the MCP endpoint, scopes {@code mcp:read} and {@code mcp:write}). A token
 * is a random UUID, the shape ListenBrainz user tokens have (some clients check it); only its
 * SHA-256 hash is stored, so it is shown once, when created.
 */
@Service
public class ApiTokens {

    /** Tokens a user may hold at once: enough for every device and player, few enough to review. */
    public static final int MAX_PER_USER = 20;

    static final int PREFIX_LENGTH = 8;

    private final ApiTokenRepository repository;
    private final SecureRandom random;
    private final Clock clock;

    ApiTokens(ApiTokenRepository repository, SecureRandom random, Clock clock) {
        this.repository = repository;
        this.random = random;
        this.clock = clock;
    }

    /** What a token may be used for. */
    public static final String LISTENBRAINZ = "listenbrainz";

    public static final String MCP_READ = "mcp:read";
    public static final String MCP_WRITE = "mcp:write";

    /** A live token: whose it is, which one, its name and what it may be used for. */
    public record Holder(UUID userId, UUID tokenId, String name, Set<String> scopes) {}

    /** A scrobbler token when no scopes are asked for, as before scopes existed. */
    public CreatedApiToken create(UUID userId, String name) {
        return create(userId, name, null);
    }

    @Transactional
    public CreatedApiToken create(UUID userId, String name, List<String> requestedScopes) {
        List<String> scopes = scopes(requestedScopes);
        repository.lockUser(userId);
        if (repository.count(userId) >= MAX_PER_USER) {
            throw ApiException.conflict(
                    ProblemTypes.CONFLICT,
                    "You already have " + MAX_PER_USER + " API tokens, the most allowed; revoke one first.");
        }
        String token = newToken();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String prefix = token.substring(0, PREFIX_LENGTH);
        repository.insert(userId, id, hash(token), name.strip(), prefix, scopes, now);
        return new CreatedApiToken(id, name.strip(), token, prefix, scopes, now);
    }

    /**
     * The scopes of a new token, checked: known ones only, and a token is either a scrobbler's or an
     * assistant's (one that leaks then gives away one kind of access), and writing implies reading.
     */
    private static List<String> scopes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of(LISTENBRAINZ);
        }
        Set<String> scopes = new java.util.TreeSet<>();
        for (String scope : requested) {
            if (!List.of(LISTENBRAINZ, MCP_READ, MCP_WRITE).contains(scope)) {
                throw ApiException.invalidField(
                        "scopes", "Unknown scope '" + scope + "': use listenbrainz, mcp:read or mcp:write.");
            }
            scopes.add(scope);
        }
        if (scopes.contains(LISTENBRAINZ) && scopes.size() > 1) {
            throw ApiException.invalidField(
                    "scopes", "A token is for a scrobbler (listenbrainz) or for an assistant (mcp:…), not both.");
        }
        if (scopes.contains(MCP_WRITE)) {
            scopes.add(MCP_READ);
        }
        return List.copyOf(scopes);
    }

    public List<ApiTokenView> list(UUID userId) {
        return repository.list(userId);
    }

    public void revoke(UUID userId, UUID tokenId) {
        if (!repository.delete(userId, tokenId)) {
            throw ApiException.notFound("You have no API token " + tokenId + ".");
        }
    }

    /** The user a presented scrobbler token belongs to; empty for anything else. */
    public Optional<UUID> authenticate(String token) {
        return identify(token)
                .filter(holder -> holder.scopes().contains(LISTENBRAINZ))
                .map(Holder::userId);
    }

    /** The live token presented, whatever its scopes; empty for anything that is not one. */
    public Optional<Holder> identify(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return repository.use(hash(token.strip().toLowerCase(Locale.ROOT)), clock.instant());
    }

    /** A version-4 UUID from the injected source of randomness (tests may replace it). */
    private String newToken() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
