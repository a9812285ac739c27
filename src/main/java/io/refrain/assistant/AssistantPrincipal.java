package io.refrain.assistant;

import java.util.Collection;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;

/** The authenticated caller of /mcp as Spring Security holds it: its scopes are its authorities. */
record AssistantPrincipal(McpCaller caller) implements OAuth2AuthenticatedPrincipal {

    @Override
    public Map<String, Object> getAttributes() {
        return Map.of(
                "sub", caller.userId().toString(),
                "client_id", caller.clientId(),
                "scope", String.join(" ", caller.scopes()));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return caller.scopes().stream()
                .map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope))
                .toList();
    }

    @Override
    public String getName() {
        return caller.userId().toString();
    }
}
