package io.refrain.playlists.smart;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A parsed, validated rule set: the condition tree, order, bounds and variety options. Pure data,
 * no SQL: {@link RuleTranslator} compiles it, {@link RuleJson} reads and writes it as JSON.
 *
 * @param maxPerArtist  at most this many tracks of the same first-credited artist (null: no cap)
 * @param spreadArtists no two tracks of the same first-credited artist back to back, where possible
 */
public record SmartRules(
        Rule root,
        List<SortKey> sort,
        Integer limit,
        Integer limitPercent,
        Integer maxPerArtist,
        boolean spreadArtists) {

    public SmartRules {
        sort = List.copyOf(sort);
    }

    /** A node of the condition tree. {@code path} is its JSON path, as shown in explanations and errors. */
    public sealed interface Rule permits Group, Condition {
        String path();
    }

    /** {@code all} (every child holds) or {@code any} (at least one does). */
    public record Group(boolean all, List<Rule> children, String path) implements Rule {
        public Group {
            children = List.copyOf(children);
        }
    }

    /** One test of one field. */
    public record Condition(SmartOperator operator, SmartField field, Value value, String path) implements Rule {}

    /** A condition's operand, typed by the field's kind and the operator. */
    public sealed interface Value permits Text, Number, Day, Flag, Range, Days, PlaylistRef {}

    public record Text(String text) implements Value {}

    public record Number(BigDecimal number) implements Value {}

    public record Day(LocalDate date) implements Value {}

    public record Flag(boolean flag) implements Value {}

    /** inTheRange: inclusive bounds, both numbers or both dates. */
    public record Range(Value from, Value to) implements Value {}

    /** inTheLast / notInTheLast: a number of days before now. */
    public record Days(int days) implements Value {}

    public record PlaylistRef(UUID id) implements Value {}

    public record SortKey(SmartField field, boolean descending) {}

    /** Every condition of the tree, depth first. */
    public List<Condition> conditions() {
        List<Condition> out = new java.util.ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Rule rule, List<Condition> out) {
        switch (rule) {
            case Condition c -> out.add(c);
            case Group g -> g.children().forEach(child -> collect(child, out));
        }
    }
}
