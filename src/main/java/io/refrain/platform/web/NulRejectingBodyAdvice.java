package io.refrain.platform.web;

import io.refrain.platform.errors.ApiException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.databind.JsonNode;

/**
 * Refuses a request body holding a NUL character (U+0000, {@code "\u0000"} in JSON) anywhere in a
 * text, with a 400 that names the field: PostgreSQL cannot store NUL in {@code text} or
 * {@code jsonb}, so letting it through ends in a 500 at the first INSERT. One rule for every
 * endpoint, applied to what the body was read into (records, lists, maps, JSON trees), instead
 * of a check per field. Query parameters get the same rule in {@link QueryStringFilter}. An
 * endpoint whose own validation already refuses NUL among all its other checks says so with
 * {@link ChecksNulItself}.
 */
@ControllerAdvice
class NulRejectingBodyAdvice extends RequestBodyAdviceAdapter {

    static final String MESSAGE = "must not contain NUL characters (U+0000)";
    private static final int MAX_DEPTH = 64;

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return !parameter.hasParameterAnnotation(ChecksNulItself.class);
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage message,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        String field = nulAt(body, "", 0);
        if (field != null) {
            throw ApiException.invalidField(field.isEmpty() ? "body" : field, MESSAGE);
        }
        return body;
    }

    /** The JSON path of the first text holding NUL, or null. */
    static String nulAt(Object value, String path, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return null;
        }
        switch (value) {
            case CharSequence text -> {
                return text.toString().indexOf('\0') >= 0 ? path : null;
            }
            case JsonNode node -> {
                return nulInTree(node, path, depth);
            }
            case Optional<?> optional -> {
                return nulAt(optional.orElse(null), path, depth);
            }
            case Collection<?> items -> {
                int i = 0;
                for (Object item : items) {
                    String found = nulAt(item, path + "[" + i++ + "]", depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            case Map<?, ?> map -> {
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    String at = join(path, key);
                    if (key.indexOf('\0') >= 0) {
                        return at;
                    }
                    String found = nulAt(entry.getValue(), at, depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    String found = nulAt(read(component, record), join(path, component.getName()), depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String nulInTree(JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (node.isString()) {
            return node.asString().indexOf('\0') >= 0 ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulInTree(node.get(i), path + "[" + i + "]", depth + 1);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                String at = join(path, property.getKey());
                if (property.getKey().indexOf('\0') >= 0) {
                    return at;
                }
                String found = nulInTree(property.getValue(), at, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static String join(String path, String name) {
        String printable = name.replace("\0", "\\u0000");
        return path.isEmpty() ? printable : path + "." + printable;
    }
}
