package io.refrain.playlists.smart;

import io.refrain.platform.errors.ApiException;
import io.refrain.platform.errors.FieldProblem;
import io.refrain.playlists.smart.SmartRules.Condition;
import io.refrain.playlists.smart.SmartRules.Group;
import io.refrain.playlists.smart.SmartRules.Rule;
import io.refrain.playlists.smart.SmartRules.SortKey;
import io.refrain.playlists.smart.SmartRules.Value;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads rule JSON strictly (every mistake is reported with its JSON path, e.g. {@code
 * all[2].is.yeer}, as one 422) and writes the canonical form, which is valid {@code .nsp}.
 */
public final class RuleJson {

    public static final String INVALID_RULES = "invalid-rules";
    static final int MAX_DEPTH = 10;
    static final int MAX_CONDITIONS = 500;
    static final int MAX_TEXT = 500;
    static final int MAX_LIMIT = 10_000;
    private static final Set<String> TOP_LEVEL =
            Set.of("all", "any", "sort", "order", "limit", "limitPercent", "maxPerArtist", "spreadArtists");

    private final String prefix;
    private final List<FieldProblem> problems = new ArrayList<>();
    private int conditions;

    private RuleJson(String prefix) {
        this.prefix = prefix;
    }

    /** Parses a rule object; {@code prefix} is prepended to error paths ("" or "rules."); extra allowed top-level keys are skipped. */
    public static SmartRules parse(JsonNode node, String prefix, Set<String> alsoAllowed) {
        RuleJson parser = new RuleJson(prefix);
        SmartRules rules = parser.rules(node, alsoAllowed);
        if (!parser.problems.isEmpty()) {
            throw invalid(parser.problems);
        }
        return rules;
    }

    public static ApiException invalid(List<FieldProblem> problems) {
        return new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        INVALID_RULES,
                        "The rules are not valid: " + problems.getFirst().field() + " "
                                + problems.getFirst().message())
                .with("errors", List.copyOf(problems));
    }

    private void problem(String path, String message) {
        problems.add(new FieldProblem(prefix + path, message));
    }

    private SmartRules rules(JsonNode node, Set<String> alsoAllowed) {
        if (node == null || !node.isObject()) {
            problem("", "must be an object with `all` or `any`");
            return null;
        }
        for (String key : node.propertyNames()) {
            if (!TOP_LEVEL.contains(key) && !alsoAllowed.contains(key)) {
                problem(
                        key,
                        "is not a known key (expected all or any, sort, order, limit, limitPercent, maxPerArtist, spreadArtists)");
            }
        }
        Rule root = null;
        if (node.has("all") == node.has("any")) {
            problem(
                    node.has("all") ? "any" : "all",
                    node.has("all") ? "must not be given together with all" : "or any is required");
        } else {
            String key = node.has("all") ? "all" : "any";
            root = group(key.equals("all"), node.get(key), key, 1);
        }
        List<SortKey> sort = sort(node.get("sort"), node.get("order"));
        Integer limit = integer(node.get("limit"), "limit", 1, MAX_LIMIT);
        Integer percent = integer(node.get("limitPercent"), "limitPercent", 1, 100);
        Integer perArtist = integer(node.get("maxPerArtist"), "maxPerArtist", 1, MAX_LIMIT);
        JsonNode spread = node.get("spreadArtists");
        if (spread != null && !spread.isBoolean()) {
            problem("spreadArtists", "must be true or false");
        }
        return new SmartRules(root, sort, limit, percent, perArtist, spread != null && spread.asBoolean());
    }

    private Group group(boolean all, JsonNode node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            problem(path, "nests deeper than " + MAX_DEPTH + " levels");
            return new Group(all, List.of(), path);
        }
        if (node == null || !node.isArray()) {
            problem(path, "must be an array of conditions");
            return new Group(all, List.of(), path);
        }
        List<Rule> children = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Rule child = rule(node.get(i), path + "[" + i + "]", depth);
            if (child != null) {
                children.add(child);
            }
        }
        return new Group(all, children, path);
    }

    private Rule rule(JsonNode node, String path, int depth) {
        if (node == null || !node.isObject() || node.size() != 1) {
            problem(path, "must be an object with exactly one key: all, any or an operator");
            return null;
        }
        String key = node.propertyNames().iterator().next();
        JsonNode body = node.get(key);
        if (key.equals("all") || key.equals("any")) {
            return group(key.equals("all"), body, path + "." + key, depth + 1);
        }
        SmartOperator operator = SmartOperator.of(key);
        if (operator == null) {
            problem(path + "." + key, "is not a known operator");
            return null;
        }
        if (++conditions > MAX_CONDITIONS) {
            problem(path, "more than " + MAX_CONDITIONS + " conditions");
            return null;
        }
        String opPath = path + "." + key;
        if (body == null || !body.isObject() || body.size() != 1) {
            problem(opPath, "must be an object with exactly one field");
            return null;
        }
        String name = body.propertyNames().iterator().next();
        SmartField field = SmartField.of(name);
        String fieldPath = opPath + "." + name;
        if (field == null || field == SmartField.RANDOM) {
            problem(fieldPath, "is not a known field");
            return null;
        }
        if (!operator.appliesTo(field.kind())) {
            problem(fieldPath, "does not take the operator " + key);
            return null;
        }
        Value value = value(operator, field, body.get(name), fieldPath);
        return value == null ? null : new Condition(operator, field, value, path);
    }

    private Value value(SmartOperator operator, SmartField field, JsonNode node, String path) {
        return switch (operator) {
            case IS_MISSING, IS_PRESENT ->
                node.isBoolean() ? new SmartRules.Flag(node.asBoolean()) : wrong(path, "true or false");
            case IN_THE_LAST, NOT_IN_THE_LAST ->
                node.isIntegralNumber() && node.asLong() >= 0 && node.asLong() <= 36_500
                        ? new SmartRules.Days(node.asInt())
                        : wrong(path, "a number of days (0–36500)");
            case IN_PLAYLIST, NOT_IN_PLAYLIST -> uuid(node, path);
            case IN_THE_RANGE -> {
                if (!node.isArray() || node.size() != 2) {
                    yield wrong(path, "an array of two bounds [from, to]");
                }
                Value from = scalar(field, node.get(0), path + "[0]");
                Value to = scalar(field, node.get(1), path + "[1]");
                yield from == null || to == null ? null : new SmartRules.Range(from, to);
            }
            default -> scalar(field, node, path);
        };
    }

    private Value scalar(SmartField field, JsonNode node, String path) {
        return switch (field.kind()) {
            case TEXT, TEXTS ->
                node.isString() && node.asString().length() <= MAX_TEXT
                        ? new SmartRules.Text(node.asString())
                        : wrong(path, "a string of at most " + MAX_TEXT + " characters");
            case NUMBER -> node.isNumber() ? new SmartRules.Number(node.decimalValue()) : wrong(path, "a number");
            case BOOLEAN -> node.isBoolean() ? new SmartRules.Flag(node.asBoolean()) : wrong(path, "true or false");
            case DATE -> date(node, path);
            default -> wrong(path, "a value of this field");
        };
    }

    private Value date(JsonNode node, String path) {
        if (node.isString()) {
            try {
                return new SmartRules.Day(LocalDate.parse(node.asString()));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        return wrong(path, "a date YYYY-MM-DD");
    }

    private Value uuid(JsonNode node, String path) {
        if (node.isString()) {
            try {
                return new SmartRules.PlaylistRef(UUID.fromString(node.asString()));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        return wrong(path, "a playlist id");
    }

    private Value wrong(String path, String expected) {
        problem(path, "must be " + expected);
        return null;
    }

    private List<SortKey> sort(JsonNode sort, JsonNode order) {
        boolean reverse = false;
        if (order != null) {
            String text = order.isString() ? order.asString().toLowerCase(Locale.ROOT) : "";
            if (!text.equals("asc") && !text.equals("desc")) {
                problem("order", "must be asc or desc");
            }
            reverse = text.equals("desc");
        }
        if (sort == null) {
            return List.of();
        }
        if (!sort.isString()) {
            problem("sort", "must be a string like \"-year,title\"");
            return List.of();
        }
        List<SortKey> keys = new ArrayList<>();
        for (String part : sort.asString().split(",")) {
            String name = part.strip();
            boolean descending = name.startsWith("-");
            if (name.startsWith("-") || name.startsWith("+")) {
                name = name.substring(1).strip();
            }
            SmartField field = name.isEmpty() ? null : SmartField.of(name);
            if (field == null || !field.sortable()) {
                problem("sort", "`" + part.strip() + "` is not a field to sort by");
                continue;
            }
            keys.add(new SortKey(field, descending != reverse));
        }
        return keys;
    }

    private Integer integer(JsonNode node, String path, int min, int max) {
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            problem(path, "must be a whole number between " + min + " and " + max);
            return null;
        }
        return node.asInt();
    }

    /** The canonical JSON of rules: lower-case field names, explicit signs in sort; valid .nsp. */
    public static ObjectNode write(SmartRules rules) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        Group root = (Group) rules.root();
        out.set(root.all() ? "all" : "any", children(root));
        if (!rules.sort().isEmpty()) {
            out.put(
                    "sort",
                    String.join(
                            ",",
                            rules.sort().stream()
                                    .map(k -> (k.descending() ? "-" : "+")
                                            + k.field().jsonName())
                                    .toList()));
        }
        putIfSet(out, "limit", rules.limit());
        putIfSet(out, "limitPercent", rules.limitPercent());
        putIfSet(out, "maxPerArtist", rules.maxPerArtist());
        if (rules.spreadArtists()) {
            out.put("spreadArtists", true);
        }
        return out;
    }

    private static void putIfSet(ObjectNode out, String key, Integer value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private static ArrayNode children(Group group) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Rule child : group.children()) {
            ObjectNode node = array.addObject();
            switch (child) {
                case Group g -> node.set(g.all() ? "all" : "any", children(g));
                case Condition c ->
                    node.putObject(c.operator().jsonName()).set(c.field().jsonName(), valueNode(c.value()));
            }
        }
        return array;
    }

    private static JsonNode valueNode(Value value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (value) {
            case SmartRules.Text t -> f.stringNode(t.text());
            case SmartRules.Number n -> f.numberNode(n.number());
            case SmartRules.Day d -> f.stringNode(d.date().toString());
            case SmartRules.Flag b -> f.booleanNode(b.flag());
            case SmartRules.Days d -> f.numberNode(d.days());
            case SmartRules.PlaylistRef p -> f.stringNode(p.id().toString());
            case SmartRules.Range r -> f.arrayNode().add(valueNode(r.from())).add(valueNode(r.to()));
        };
    }
}
