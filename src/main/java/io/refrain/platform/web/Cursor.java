package io.refrain.platform.web;

import io.refrain.platform.errors.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opaque, URL-safe keyset cursors: the sort key of the last item plus its unique tie-breaker,
 * as a base64url JSON array. Clients must treat them as opaque; a cursor that does not decode
 * to the expected shape is a 400.
 */
public final class Cursor {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Cursor() {}

    public static String encode(Object... values) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(List.of(values)));
    }

    /** Decodes a cursor into {@code size} values; null for a null or empty cursor. */
    public static JsonNode[] decode(String cursor, int size) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)));
            if (node == null || !node.isArray() || node.size() != size) {
                throw invalid();
            }
            JsonNode[] values = new JsonNode[size];
            for (int i = 0; i < size; i++) {
                values[i] = node.get(i);
            }
            return values;
        } catch (IllegalArgumentException | JacksonException e) {
            throw invalid();
        }
    }

    public static ApiException invalid() {
        return ApiException.invalidField("cursor", "is not a cursor this list gave out");
    }
}
