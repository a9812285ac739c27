package io.refrain.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;

/**
 * What every bearer-token API chain turns off: no browser features (CSRF protection, CORS, basic
 * and form login, logout, a saved request) and no HTTP session, since every request carries its
 * token. One definition, for the REST API's chain and the MCP endpoint's.
 */
public final class BearerOnly {

    private BearerOnly() {}

    public static HttpSecurity apply(HttpSecurity http) throws Exception {
        return http.csrf(csrf -> csrf.disable())
                .cors(cors -> cors.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }
}
