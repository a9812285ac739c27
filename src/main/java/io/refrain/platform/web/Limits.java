package io.refrain.platform.web;

import io.refrain.platform.errors.ApiException;

/** Checks a requested page size against a list's documented bounds. */
public final class Limits {

    private Limits() {}

    public static int pageSize(Integer requested, int defaultSize, int max) {
        if (requested == null) {
            return defaultSize;
        }
        if (requested < 1 || requested > max) {
            throw ApiException.invalidField("limit", "must be between 1 and " + max);
        }
        return requested;
    }
}
