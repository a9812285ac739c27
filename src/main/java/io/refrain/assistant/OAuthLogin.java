package io.refrain.assistant;

import io.refrain.accounts.Credentials;
import io.refrain.platform.errors.RateLimitedException;
import io.refrain.platform.web.ClientAddress;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Signs a Refrain user in on the authorization server's login form (e-mail address as the user
 * name). The principal is the user's id, so authorizations name the user by id.
 */
@Component
class OAuthLogin implements AuthenticationProvider {

    private final Credentials credentials;

    OAuthLogin(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress()
                : "unknown";
        try {
            return credentials
                    .check(
                            authentication.getName(),
                            String.valueOf(authentication.getCredentials()),
                            new ClientAddress(address))
                    .map(user -> UsernamePasswordAuthenticationToken.authenticated(
                            user.toString(), null, List.of(new SimpleGrantedAuthority("ROLE_user"))))
                    .orElseThrow(() -> new BadCredentialsException("The e-mail address or the password is wrong."));
        } catch (RateLimitedException e) {
            throw new LockedException("Too many attempts: wait a minute and try again.");
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
