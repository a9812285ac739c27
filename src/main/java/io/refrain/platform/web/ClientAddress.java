package io.refrain.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's network address. Behind a proxy, set {@code REFRAIN_FORWARD_HEADERS=native} so
 * the container resolves it from {@code X-Forwarded-For}; never trust that header otherwise.
 */
public record ClientAddress(String value) {

    public static ClientAddress of(HttpServletRequest request) {
        return new ClientAddress(request.getRemoteAddr());
    }
}
