package io.refrain.accounts;

import io.refrain.platform.ratelimit.RateLimiter;
import io.refrain.platform.web.ClientAddress;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The limits on authentication endpoints: per client address (slows down spraying many
 * accounts) and per account (slows down guessing one account's password or code).
 */
@Component
class AuthRateLimits {

    private final RateLimiter limiter;
    private final RateLimiter.Rule perAddress;
    private final RateLimiter.Rule perAccount;

    AuthRateLimits(RateLimiter limiter, AccountsProperties settings) {
        this.limiter = limiter;
        var config = settings.rateLimit();
        this.perAddress = new RateLimiter.Rule("auth-address", config.perAddressPerMinute(), Duration.ofMinutes(1));
        this.perAccount = new RateLimiter.Rule("auth-account", config.perAccountPerMinute(), Duration.ofMinutes(1));
    }

    void perAddress(ClientAddress client) {
        limiter.consume(perAddress, client.value());
    }

    void perAddressAndAccount(ClientAddress client, String normalisedEmail) {
        limiter.consume(perAddress, client.value());
        limiter.consume(perAccount, normalisedEmail);
    }
}
