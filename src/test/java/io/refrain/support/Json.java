package io.refrain.support;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Small helpers to write request bodies in tests. */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    /** {@code of("a", 1, "b", "x")} → {@code {"a":1,"b":"x"}}. */
    public static String of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return MAPPER.writeValueAsString(map);
    }
}
