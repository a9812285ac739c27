package io.refrain.platform.fuzz;

import io.refrain.platform.fuzz.JsonText.Raw;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Builds requests for one operation of the OpenAPI document from its parameters and request
 * body schema. Every choice comes from the {@link Random} it is given, so a seed gives the same
 * requests again. Three kinds: {@code valid} (values the schema allows), {@code boundary}
 * (edges of the schema's ranges and lengths) and {@code junk} (wrong types, NUL, lone surrogates,
 * huge strings, deep nesting, malformed JSON, wrong media types, unknown fields, bad path and
 * query parameters).
 */
final class RequestGenerator {

    /** An operation of the document: {@code GET /api/v1/playlists/{id}} and its OpenAPI object. */
    record Operation(String method, String path, JsonNode spec) {
        String name() {
            return method + " " + path;
        }
    }

    private static final String LONE_HIGH = "\uD800";
    private static final String LONE_LOW = "\uDFFF";
    private static final List<String> STRANGE_STRINGS = List.of(
            "",
            " ",
            "\u0000",
            "a\u0000b",
            LONE_HIGH,
            "x" + LONE_LOW + "y",
            "😀🎵",
            "\u202eevil",
            "\uFEFFbom",
            "\n\r\t",
            "' OR '1'='1",
            "%",
            "_",
            "\\",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "null",
            "-1",
            "0",
            "1e400",
            "NaN",
            "true",
            "[]",
            "{}",
            "ü",
            "Ω≈ç√",
            "\u0007\u001b");
    private static final List<String> BAD_PATH_VALUES = List.of(
            "not-a-uuid",
            "%00",
            "a%00b",
            "%ED%A0%80",
            "%FF",
            "-1",
            "0",
            "00000000-0000-0000-0000-000000000000",
            "%20",
            "..",
            "%2e%2e",
            "x".repeat(300),
            "123e4567-e89b-12d3-a456-42661417400",
            "%C3%28",
            "%25",
            "null",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "%F0%9F%98%80",
            "%0A");
    private static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data",
            "application/json; charset=bogus",
            "application/octet-stream",
            "garbage",
            "application/json;;",
            "text/html; charset=utf-8",
            "application/problem+json");
    private static final List<String> MALFORMED = List.of(
            "{",
            "}",
            "{\"a\":",
            "[1,2",
            "nul",
            "{'a':1}",
            "{\"a\":1}}",
            "\u0000",
            "{\"a\" 1}",
            "{,}",
            "[,]",
            "{\"a\":tru}",
            "\"unterminated",
            "{\"a\":01}",
            "{\"a\":+1}",
            "{\"a\":.5}",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "{\"a\":1,}",
            "/* comment */ {}",
            "{\"\\uD800\":\"\\uZZZZ\"}",
            "\uFEFF{}");

    private final JsonNode doc;
    private final Map<String, List<String>> hints;
    private final List<String> knownIds;
    private final Map<String, Object> corpus;

    /**
     * @param hints    values that exist for this run, by parameter name (the user's name, ids of
     *                 things it owns), so some requests go past the "not found" answers
     * @param knownIds ids seen in earlier responses, used now and then for {@code uuid} values
     */
    RequestGenerator(JsonNode doc, Map<String, List<String>> hints, List<String> knownIds) {
        this(doc, hints, knownIds, Map.of());
    }

    /**
     * @param corpus a valid body for operations whose schema says little (a free-form JSON tree,
     *               such as smart-playlist rules), by operation name; used for half their bodies
     *               and then mutated like any other
     */
    RequestGenerator(JsonNode doc, Map<String, List<String>> hints, List<String> knownIds, Map<String, Object> corpus) {
        this.doc = doc;
        this.hints = hints;
        this.knownIds = knownIds;
        this.corpus = corpus;
    }

    static List<Operation> operations(JsonNode doc) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (List.of("get", "put", "post", "delete", "patch", "head", "options")
                        .contains(op.getKey())) {
                    operations.add(new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue()));
                }
            }
        }
        operations.sort(java.util.Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return operations;
    }

    FuzzRequest generate(Operation op, Random r) {
        double roll = r.nextDouble();
        String kind = roll < 0.25 ? "valid" : roll < 0.4 ? "boundary" : roll < 0.65 ? "one-fault" : "junk";
        Level level =
                switch (kind) {
                    case "valid" -> new Level(0, 0);
                    case "boundary" -> new Level(0, 0.5);
                    default -> new Level(0.25, 0.1);
                };
        List<JsonNode> parameters = parameters(op);
        // one-fault: everything valid but one value, so the fault gets past the checks of the others
        boolean oneFault = kind.equals("one-fault");
        int faultyParameter = oneFault && r.nextBoolean() && !parameters.isEmpty() ? r.nextInt(parameters.size()) : -1;
        int index = -1;
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : parameters) {
            index++;
            Level parameterLevel = index == faultyParameter ? new Level(1, 0) : level;
            String name = parameter.path("name").asString();
            JsonNode schema = resolve(parameter.path("schema"));
            switch (parameter.path("in").asString()) {
                case "path" -> path = path.replace("{" + name + "}", pathValue(name, schema, parameterLevel, r));
                case "query" -> {
                    if (parameter.path("required").asBoolean(false)
                            || index == faultyParameter
                            || r.nextDouble() < 0.6) {
                        for (String value : queryValues(name, schema, parameterLevel, r)) {
                            query.append(query.isEmpty() ? '?' : '&')
                                    .append(encode(name))
                                    .append('=')
                                    .append(value);
                        }
                    }
                }
                default -> {
                    // headers and cookies are left to the client
                }
            }
        }
        if (kind.equals("junk") && r.nextDouble() < 0.2) {
            query.append(query.isEmpty() ? '?' : '&').append(junkQueryParameter(r));
        }
        FuzzRequest.Auth auth = r.nextDouble() < 0.85
                ? FuzzRequest.Auth.USER
                : r.nextBoolean() ? FuzzRequest.Auth.ANONYMOUS : FuzzRequest.Auth.BAD_TOKEN;

        JsonNode content = op.spec().path("requestBody").path("content");
        String contentType = null;
        byte[] body = null;
        if (content.has("multipart/form-data") && !content.has("application/json")) {
            String boundary = "fuzz" + Long.toHexString(r.nextLong());
            contentType = kind.equals("junk") && r.nextBoolean()
                    ? pick(r, CONTENT_TYPES)
                    : "multipart/form-data; boundary=" + boundary;
            body = multipart(resolve(content.path("multipart/form-data").path("schema")), boundary, level, r);
        } else if (content.has("application/json") || (kind.equals("junk") && r.nextDouble() < 0.1)) {
            contentType = "application/json";
            JsonNode schema = resolve(content.path("application/json").path("schema"));
            Object value = corpus.containsKey(op.name()) && r.nextBoolean()
                    ? corpus.get(op.name())
                    : value(schema, level, r, 0);
            if (oneFault && faultyParameter < 0) {
                value = withOneFault(value, r);
            }
            String text;
            if (kind.equals("junk") && r.nextDouble() < 0.5) {
                double junk = r.nextDouble();
                if (junk < 0.2) {
                    text = pick(r, MALFORMED);
                } else if (junk < 0.3) {
                    String valid = JsonText.write(value);
                    text = valid.substring(0, r.nextInt(Math.max(1, valid.length())));
                } else if (junk < 0.45) {
                    text = deepNesting(r);
                } else if (junk < 0.6) {
                    contentType = pick(r, CONTENT_TYPES);
                    text = JsonText.write(value);
                } else if (junk < 0.7) {
                    text = pick(r, List.of("", "null", "[]", "{}", "\"x\"", "42", "true", "[{}]", "[null]"));
                } else if (junk < 0.85 && value instanceof Map<?, ?> map) {
                    Map<Object, Object> more = new LinkedHashMap<>(map);
                    more.put("zzUnknown" + r.nextInt(100), junkValue(r));
                    more.put(pick(r, List.of("id", "userId", "ownerId", "role", "createdAt", "admin")), junkValue(r));
                    text = JsonText.write(more);
                } else {
                    return new FuzzRequest(
                            op.name(),
                            kind + "/invalid-utf8",
                            op.method(),
                            path + query,
                            contentType,
                            invalidUtf8(JsonText.write(value), r),
                            auth);
                }
            } else {
                text = JsonText.write(value);
            }
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        return new FuzzRequest(op.name(), kind, op.method(), path + query, contentType, body, auth);
    }

    private record Level(double junk, double boundary) {}

    /** The value with one leaf (a text, by preference) replaced: by a text holding NUL half the time. */
    private static Object withOneFault(Object value, Random r) {
        List<List<Object>> leaves = new ArrayList<>();
        collectLeaves(value, new ArrayList<>(), leaves);
        if (leaves.isEmpty()) {
            return junkValue(r);
        }
        List<List<Object>> texts =
                leaves.stream().filter(p -> leafAt(value, p) instanceof String).toList();
        List<Object> at = pick(r, !texts.isEmpty() && r.nextDouble() < 0.8 ? texts : leaves);
        Object fault =
                r.nextBoolean() ? pick(r, List.of("\u0000", "fuzz\u0000nul", "\u0000" + "x".repeat(20))) : junkValue(r);
        return replaced(value, at, 0, fault);
    }

    private static void collectLeaves(Object value, List<Object> path, List<List<Object>> leaves) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectLeaves(v, append(path, k), leaves));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size() && i < 20; i++) {
                collectLeaves(list.get(i), append(path, i), leaves);
            }
        } else {
            leaves.add(path);
        }
    }

    private static List<Object> append(List<Object> path, Object step) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    private static Object leafAt(Object value, List<Object> path) {
        for (Object step : path) {
            value = value instanceof Map<?, ?> map ? map.get(step) : ((List<?>) value).get((Integer) step);
        }
        return value;
    }

    private static Object replaced(Object value, List<Object> path, int i, Object fault) {
        if (i == path.size()) {
            return fault;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>(map);
            copy.put(path.get(i), replaced(map.get(path.get(i)), path, i + 1, fault));
            return copy;
        }
        List<Object> copy = new ArrayList<>((List<?>) value);
        int index = (Integer) path.get(i);
        copy.set(index, replaced(copy.get(index), path, i + 1, fault));
        return copy;
    }

    private List<JsonNode> parameters(Operation op) {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode p : op.spec().path("parameters")) {
            result.add(resolve(p));
        }
        return result;
    }

    private JsonNode resolve(JsonNode node) {
        for (int i = 0; i < 10 && node.has("$ref"); i++) {
            String ref = node.path("$ref").asString();
            JsonNode target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    // ---------------------------------------------------------------- path and query parameters

    private String pathValue(String name, JsonNode schema, Level level, Random r) {
        if (r.nextDouble() < level.junk() * 2) {
            return pick(r, BAD_PATH_VALUES);
        }
        if (hints.containsKey(name) && r.nextDouble() < 0.6) {
            return encode(pick(r, hints.get(name)));
        }
        Object value = value(schema, level, r, 0);
        return value == null ? "null" : encode(String.valueOf(value instanceof Raw raw ? raw.text() : value));
    }

    private List<String> queryValues(String name, JsonNode schema, Level level, Random r) {
        if (r.nextDouble() < level.junk()) {
            return List.of(pick(r, BAD_PATH_VALUES), encode(pick(r, STRANGE_STRINGS)))
                    .subList(0, 1 + r.nextInt(2));
        }
        if (hints.containsKey(name) && r.nextDouble() < 0.5) {
            return List.of(encode(pick(r, hints.get(name))));
        }
        Object value = value(schema, level, r, 0);
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> values.add(encode(scalarText(v))));
        } else {
            values.add(encode(scalarText(value)));
        }
        return values;
    }

    private static String scalarText(Object value) {
        return switch (value) {
            case null -> "";
            case Raw raw -> raw.text();
            case Map<?, ?> map -> JsonText.write(map);
            case List<?> list -> JsonText.write(list);
            default -> value.toString();
        };
    }

    private String junkQueryParameter(Random r) {
        return pick(
                r,
                List.of(
                        "zzUnknown=1",
                        "%00=%00",
                        "a%ED%A0%80=b",
                        "=",
                        "&&",
                        "limit=1&limit=2",
                        "cursor=%00",
                        "q=" + "x".repeat(5000),
                        "sort=%00",
                        "a%5Bb%5D=c",
                        "limit=-1",
                        "limit=99999999999"));
    }

    /** Percent-encodes UTF-8, except that a lone surrogate becomes its CESU-8 bytes (invalid UTF-8). */
    static String encode(String value) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                s.append(c);
            } else if (Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c)
                            && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1)))) {
                s.append(String.format(
                        "%%%02X%%%02X%%%02X", 0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)));
            } else {
                int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
                for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    s.append(String.format("%%%02X", b & 0xFF));
                }
                i = end - 1;
            }
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- values from schemas

    private Object value(JsonNode schema, Level level, Random r, int depth) {
        schema = resolve(schema);
        if (r.nextDouble() < level.junk()) {
            return junkValue(r);
        }
        for (String combinator : List.of("oneOf", "anyOf")) {
            if (schema.path(combinator).isArray() && !schema.path(combinator).isEmpty()) {
                JsonNode options = schema.path(combinator);
                return value(options.get(r.nextInt(options.size())), level, r, depth);
            }
        }
        if (schema.path("allOf").isArray() && !schema.path("allOf").isEmpty()) {
            Map<Object, Object> merged = new LinkedHashMap<>();
            for (JsonNode part : schema.path("allOf")) {
                if (value(part, level, r, depth) instanceof Map<?, ?> map) {
                    merged.putAll(map);
                }
            }
            return merged;
        }
        if (schema.has("enum")
                && schema.path("enum").isArray()
                && !schema.path("enum").isEmpty()) {
            if (r.nextDouble() < level.boundary()) {
                return pick(
                        r,
                        List.of(
                                "",
                                "UNKNOWN",
                                "zz",
                                schema.path("enum").get(0).asString().toLowerCase()));
            }
            JsonNode e = schema.path("enum").get(r.nextInt(schema.path("enum").size()));
            return e.isNumber() ? e.numberValue() : e.isBoolean() ? e.asBoolean() : e.asString();
        }
        boolean boundary = r.nextDouble() < level.boundary();
        return switch (type(schema)) {
            case "object" -> object(schema, level, r, depth);
            case "array" -> array(schema, level, r, depth, boundary);
            case "integer" -> integer(schema, r, boundary);
            case "number" ->
                boundary
                        ? pick(r, List.<Object>of(0, -0.0, 1e308, -1e308, new Raw("1e400"), 0.5, -1))
                        : Math.round(r.nextDouble() * 1000) / 10.0;
            case "boolean" -> r.nextBoolean();
            case "string" -> string(schema, r, boundary);
            default -> depth > 2 ? "x" : pick(r, List.<Object>of("any", 1, true));
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "";
    }

    private Object object(JsonNode schema, Level level, Random r, int depth) {
        Map<Object, Object> object = new LinkedHashMap<>();
        if (depth > 6) {
            return object;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(n -> required.add(n.asString()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            if (property.getValue().path("readOnly").asBoolean(false) && r.nextDouble() < 0.8) {
                continue;
            }
            boolean isRequired = required.contains(property.getKey());
            if (isRequired ? r.nextDouble() >= level.boundary() * 0.2 : r.nextDouble() < 0.6) {
                object.put(property.getKey(), value(property.getValue(), level, r, depth + 1));
            }
        }
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject()) {
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                object.put(randomWord(r, 1 + r.nextInt(10)), value(additional, level, r, depth + 1));
            }
        }
        return object;
    }

    private Object array(JsonNode schema, Level level, Random r, int depth, boolean boundary) {
        int min = schema.path("minItems").asInt(0);
        int max = schema.path("maxItems").asInt(Math.max(min, 3));
        int n;
        if (boundary) {
            n = pick(r, List.of(0, min, max, max + 1, Math.min(max + 1, 2000), Math.max(0, min - 1)));
        } else {
            n = min + r.nextInt(Math.max(1, Math.min(max, min + 3) - min + 1));
        }
        n = Math.min(n, depth > 1 ? 5 : 2000);
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(value(schema.path("items"), level, r, depth + 1));
        }
        return list;
    }

    private static Object integer(JsonNode schema, Random r, boolean boundary) {
        long min = schema.has("minimum") ? schema.path("minimum").asLong() : 0;
        long max = schema.has("maximum") ? schema.path("maximum").asLong() : Math.max(min, 0) + 100;
        if (boundary) {
            return pick(
                    r,
                    List.<Object>of(
                            min,
                            max,
                            min - 1,
                            max + 1,
                            0,
                            -1,
                            Integer.MAX_VALUE,
                            (long) Integer.MAX_VALUE + 1,
                            Long.MAX_VALUE,
                            Long.MIN_VALUE,
                            new Raw("92233720368547758070"),
                            1.5));
        }
        return min + (long) (r.nextDouble() * (Math.min(max, min + 1000) - min + 1));
    }

    private String string(JsonNode schema, Random r, boolean boundary) {
        String format = schema.path("format").asString("");
        int minLength = schema.path("minLength").asInt(0);
        int maxLength = schema.path("maxLength").asInt(-1);
        if (boundary) {
            List<Supplier<String>> edges = new ArrayList<>(List.of(
                    () -> "",
                    () -> "   ",
                    () -> randomWord(r, Math.max(0, minLength - 1)),
                    () -> "x".repeat(10_000),
                    () -> pick(r, STRANGE_STRINGS)));
            if (maxLength >= 0) {
                edges.add(() -> "y".repeat(maxLength));
                edges.add(() -> "y".repeat(maxLength + 1));
                edges.add(() -> "😀".repeat(maxLength));
            }
            return pick(r, edges).get();
        }
        switch (format) {
            case "uuid" -> {
                return !knownIds.isEmpty() && r.nextDouble() < 0.5
                        ? pick(r, knownIds)
                        : new UUID(r.nextLong(), r.nextLong()).toString();
            }
            case "date-time" -> {
                return Instant.parse("2026-01-01T00:00:00Z")
                        .plusSeconds(r.nextInt(30_000_000) - 15_000_000L)
                        .toString();
            }
            case "date" -> {
                return LocalDate.ofInstant(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC)
                        .plusDays(r.nextInt(400) - 200)
                        .toString();
            }
            case "email" -> {
                return "fuzz-" + Long.toHexString(r.nextLong()) + "@refrain.test";
            }
            case "uri", "url" -> {
                return "https://example.org/" + randomWord(r, 8);
            }
            case "binary", "byte" -> {
                return randomWord(r, 16);
            }
            default -> {
                if (schema.has("example") && r.nextBoolean()) {
                    return schema.path("example").asString();
                }
                int length = Math.max(minLength, 1 + r.nextInt(maxLength > 0 ? Math.min(maxLength, 24) : 24));
                return randomWord(r, maxLength >= 0 ? Math.min(length, maxLength) : length);
            }
        }
    }

    static Object junkValue(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> "\u0000";
            case 1 -> "fuzz\u0000nul";
            case 2 -> LONE_HIGH;
            case 3 -> "a" + LONE_LOW;
            case 4 -> "z".repeat(200_000);
            case 5 -> new Raw(deepArray(r.nextBoolean() ? 600 : 3000));
            case 6 ->
                pick(
                        r,
                        List.<Object>of(
                                12345,
                                -1,
                                true,
                                false,
                                1.5,
                                new Raw("1e400"),
                                new Raw("-0"),
                                new Raw("123456789012345678901234567890")));
            case 7 -> pick(r, List.of(List.of(), List.of(1, "a", List.of()), Map.of(), Map.of("a", Map.of("b", 1))));
            case 8 -> null;
            default -> pick(r, STRANGE_STRINGS);
        };
    }

    private static String deepNesting(Random r) {
        int depth = pick(r, List.of(100, 999, 1001, 5000, 100_000));
        return r.nextBoolean() ? deepArray(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String deepArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private byte[] multipart(JsonNode schema, String boundary, Level level, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            boolean file =
                    resolve(property.getValue()).path("format").asString("").equals("binary");
            String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + property.getKey() + "\""
                    + (file ? "; filename=\"fuzz.json\"\r\nContent-Type: application/json" : "") + "\r\n\r\n";
            out.writeBytes(header.getBytes(StandardCharsets.UTF_8));
            String content = file
                    ? pick(
                            r,
                            List.of(
                                    "[]",
                                    "{}",
                                    "[{\"a\":1}]",
                                    "\u0000",
                                    "not json",
                                    deepArray(5000),
                                    JsonText.write(List.of(Map.of("track", "x", "ts", "2026-01-01T00:00:00Z")))))
                    : scalarText(value(property.getValue(), level, r, 1));
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (file && r.nextDouble() < level.junk()) {
                bytes = invalidUtf8(content, r);
            }
            out.writeBytes(bytes);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (!(r.nextDouble() < level.junk())) {
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The text's UTF-8 with a byte sequence that is not UTF-8 put in the middle of it. */
    private static byte[] invalidUtf8(String text, Random r) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = bytes.length == 0 ? 0 : r.nextInt(bytes.length);
        byte[] bad = pick(
                r,
                List.of(
                        new byte[] {(byte) 0xC3, 0x28},
                        new byte[] {(byte) 0xFF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xE2, (byte) 0x82}));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(bad);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static String randomWord(Random r, int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_éüß";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static <T> T pick(Random r, List<T> options) {
        return options.get(r.nextInt(options.size()));
    }
}
