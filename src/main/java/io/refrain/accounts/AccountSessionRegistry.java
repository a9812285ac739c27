package io.refrain.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.refrain.platform.security.SessionRegistry;
import io.refrain.platform.time.ClockTicker;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Answers "is this session still live?" for every authenticated request, from a short-lived
 * cache in front of a primary-key lookup. Logout and deletion on this node take effect at once;
 * another node may accept the old access token for up to {@link #TTL}.
 */
@Component
class AccountSessionRegistry implements SessionRegistry {

    static final Duration TTL = Duration.ofSeconds(30);

    private record Key(UUID userId, UUID sessionId) {}

    private final SessionRepository sessions;
    private final Cache<Key, Boolean> cache;

    AccountSessionRegistry(SessionRepository sessions, Clock clock) {
        this.sessions = sessions;
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(TTL)
                .ticker(ClockTicker.of(clock))
                .build();
    }

    @Override
    public boolean isActive(UUID userId, UUID sessionId) {
        return cache.get(new Key(userId, sessionId), key -> sessions.isActive(key.userId(), key.sessionId()));
    }

    void forget(UUID userId, UUID sessionId) {
        cache.invalidate(new Key(userId, sessionId));
    }

    void forgetUser(UUID userId) {
        cache.asMap().keySet().removeIf(key -> key.userId().equals(userId));
    }
}
