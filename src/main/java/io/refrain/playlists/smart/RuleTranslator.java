package io.refrain.playlists.smart;

import io.refrain.playlists.PlaylistReadRule;
import io.refrain.playlists.smart.RuleColumns.Join;
import io.refrain.playlists.smart.SmartRules.Condition;
import io.refrain.playlists.smart.SmartRules.Group;
import io.refrain.playlists.smart.SmartRules.Rule;
import io.refrain.playlists.smart.SmartRules.SortKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The one translator from rules to SQL: a rule tree becomes one parameterised statement over
 * {@code tracks t}. Values are only ever bound as parameters; the SQL text comes from {@link
 * RuleColumns} and the fixed fragments here. Same-field {@code is} conditions under {@code any}
 * and {@code isNot} under {@code all} collapse into one {@code = any(:array)} test, so 120
 * "not this artist" rules cost one anti-join per track, not 120.
 */
final class RuleTranslator {

    /** The owner, the evaluation time, the random seed, and which referenced playlists are smart ones. */
    record Context(UUID user, Instant now, String seed, Set<UUID> smartPlaylists) {}

    /** A statement and its parameters; the statement returns {@code id, artist, total} in playlist order. */
    record Compiled(String sql, Map<String, Object> params) {}

    private final Context context;
    private final Map<String, Object> params = new HashMap<>();
    private final Set<Join> joins = EnumSet.noneOf(Join.class);

    private RuleTranslator(Context context) {
        this.context = context;
        params.put("user", context.user());
    }

    /** The whole playlist: matching tracks, ordered, capped per artist and limited. */
    static Compiled compile(SmartRules rules, Context context, int maxTracks) {
        RuleTranslator t = new RuleTranslator(context);
        String where = t.rule(rules.root());
        List<String> sortExprs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (SortKey key : rules.sort()) {
            String name = "s" + sortExprs.size();
            sortExprs.add(t.sortExpr(key) + " as " + name);
            keys.add(name + (key.descending() ? " desc" : ""));
        }
        keys.add("id");
        String order = String.join(", ", keys);
        String matched = "select t.id, pa.artist_id as artist"
                + sortExprs.stream().map(s -> ", " + s).reduce("", String::concat) + " from catalog_tracks t "
                + t.joinSql() + " where " + where;
        String capped = "m";
        String cte = "with m as (" + matched + ")";
        if (rules.maxPerArtist() != null) {
            cte += ", c as (select m.*, row_number() over (partition by coalesce(artist, -id) order by " + order
                    + ") as artist_rank from m)";
            capped = "(select * from c where artist_rank <= :maxPerArtist) c";
            t.params.put("maxPerArtist", rules.maxPerArtist());
        }
        cte += ", r as (select id, artist, row_number() over (order by " + order
                + ") as pos, count(*) over () as total from " + capped + ")";
        int limit = rules.limit() == null ? maxTracks : Math.min(rules.limit(), maxTracks);
        t.params.put("limit", limit);
        String percent = "";
        if (rules.limitPercent() != null) {
            percent = " and pos <= ceil(total * :percent / 100.0)";
            t.params.put("percent", rules.limitPercent());
        }
        String sql = cte + " select id, artist, total from r where pos <= :limit" + percent + " order by pos";
        return new Compiled(sql, Map.copyOf(t.params));
    }

    /** For each given track, which conditions (by path) it satisfies: one boolean column per condition. */
    static Compiled explain(SmartRules rules, Context context, List<Long> trackIds) {
        RuleTranslator t = new RuleTranslator(context);
        StringBuilder columns = new StringBuilder("t.id");
        for (Condition condition : rules.conditions()) {
            columns.append(", coalesce(").append(t.condition(condition)).append(", false)");
        }
        t.params.put("ids", trackIds.toArray(Long[]::new));
        String sql =
                "select " + columns + " from catalog_tracks t " + t.joinSql() + " where t.id = any(:ids::bigint[])";
        return new Compiled(sql, Map.copyOf(t.params));
    }

    private String joinSql() {
        StringBuilder sql = new StringBuilder();
        for (Join join : joins) {
            sql.append(join.sql).append(' ');
        }
        return sql.append(RuleColumns.PRIMARY_ARTIST).toString();
    }

    private String bind(Object value) {
        String name = "p" + params.size();
        params.put(name, value);
        return ":" + name;
    }

    private String rule(Rule rule) {
        return switch (rule) {
            case Condition c -> condition(c);
            case Group g -> group(g);
        };
    }

    private String group(Group group) {
        if (group.children().isEmpty()) {
            return group.all() ? "true" : "false";
        }
        // the conditions that collapse: is under any, isNot under all, on the same text field
        SmartOperator collapsible = group.all() ? SmartOperator.IS_NOT : SmartOperator.IS;
        Map<SmartField, List<String>> sets = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        for (Rule child : group.children()) {
            if (child instanceof Condition c
                    && c.operator() == collapsible
                    && (c.field().kind() == SmartField.Kind.TEXT || c.field().kind() == SmartField.Kind.TEXTS)) {
                sets.computeIfAbsent(c.field(), f -> new ArrayList<>()).add(((SmartRules.Text) c.value()).text());
            } else {
                parts.add(rule(child));
            }
        }
        sets.forEach((field, values) -> parts.add(textSet(field, values, group.all())));
        return "(" + String.join(group.all() ? " and " : " or ", parts) + ")";
    }

    /** Any value of the field equal (case-insensitively) to one of the set; negated for isNot. */
    private String textSet(SmartField field, List<String> values, boolean negated) {
        String set = "array(select lower(v) from unnest(" + bind(values.toArray(String[]::new)) + "::text[]) v)";
        String positive;
        if (field.kind() == SmartField.Kind.TEXTS) {
            RuleColumns.Multi multi = RuleColumns.multi(field);
            String test = "lower(" + multi.value() + ") = any(" + set + ")";
            // names resolved to ids once (an init plan), then one index probe per track
            positive = multi.idExists() == null
                    ? multi.exists().formatted(test)
                    : multi.idExists().formatted("array(" + multi.ids().formatted(test) + ")");
        } else {
            positive = "lower(" + singleExpr(field) + ") = any(" + set + ")";
        }
        return negated ? "not coalesce(" + positive + ", false)" : positive;
    }

    private String singleExpr(SmartField field) {
        RuleColumns.Single column = RuleColumns.single(field);
        joins.addAll(column.joins());
        return column.expr();
    }

    private String condition(Condition c) {
        SmartOperator op = c.operator();
        if (op == SmartOperator.IN_PLAYLIST || op == SmartOperator.NOT_IN_PLAYLIST) {
            UUID id = ((SmartRules.PlaylistRef) c.value()).id();
            String ref = bind(id);
            // another user's playlist counts only while the owner may read it, checked in this very
            // statement (an uncorrelated test, run once): one that became unreadable is as if empty
            String in = context.smartPlaylists().contains(id)
                    ? "exists (select 1 from smart_playlist_tracks sp where sp.user_id = :user and sp.playlist_id = "
                            + ref + " and sp.track_id = t.id)"
                    : "(" + PlaylistReadRule.readable(ref, ":user")
                            + " and exists (select 1 from playlist_entries pe where pe.playlist_id = " + ref
                            + " and pe.track_id = t.id))";
            return op.negated() ? "not " + in : in;
        }
        if (op == SmartOperator.IS_MISSING || op == SmartOperator.IS_PRESENT) {
            boolean missing = (op == SmartOperator.IS_MISSING) == ((SmartRules.Flag) c.value()).flag();
            String present = c.field().kind() == SmartField.Kind.TEXTS
                    ? RuleColumns.multi(c.field()).exists().formatted("true")
                    : "(" + singleExpr(c.field()) + ") is not null";
            return missing ? "not " + present : present;
        }
        String positive = c.field().kind() == SmartField.Kind.TEXTS
                ? RuleColumns.multi(c.field())
                        .exists()
                        .formatted(test(op, RuleColumns.multi(c.field()).value(), c))
                : test(op, null, c);
        if (!op.negated()) {
            return positive;
        }
        // a negation holds when the positive test does not, also when the value is missing
        return c.field().kind() == SmartField.Kind.TEXTS ? "not " + positive : "not coalesce(" + positive + ", false)";
    }

    /** The positive form of a test; {@code value} is the column of a multi-valued field (else the field's expression). */
    private String test(SmartOperator op, String value, Condition c) {
        SmartField.Kind kind = c.field().kind();
        if (kind == SmartField.Kind.TEXT || kind == SmartField.Kind.TEXTS) {
            String v = "lower(" + (value != null ? value : singleExpr(c.field())) + ")";
            String p = bind(((SmartRules.Text) c.value()).text());
            return switch (op) {
                case IS, IS_NOT -> v + " = lower(" + p + ")";
                case CONTAINS, NOT_CONTAINS -> "strpos(" + v + ", lower(" + p + ")) > 0";
                case STARTS_WITH -> "starts_with(" + v + ", lower(" + p + "))";
                case ENDS_WITH -> "right(" + v + ", char_length(" + p + ")) = lower(" + p + ")";
                default -> throw new IllegalArgumentException(op + " on text");
            };
        }
        RuleColumns.Single column = RuleColumns.single(c.field());
        String raw = singleExpr(c.field());
        if (op == SmartOperator.IN_THE_LAST || op == SmartOperator.NOT_IN_THE_LAST) {
            Instant cutoff = context.now().minus(((SmartRules.Days) c.value()).days(), ChronoUnit.DAYS);
            return raw + " >= "
                    + (column.timestamp()
                            ? bind(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                            : bind(LocalDate.ofInstant(cutoff, ZoneOffset.UTC)));
        }
        String v = column.timestamp() ? "(" + raw + " at time zone 'UTC')::date" : raw;
        return switch (op) {
            case IS, IS_NOT -> v + " = " + bind(scalar(c.value()));
            case GT, AFTER -> v + " > " + bind(scalar(c.value()));
            case LT, BEFORE -> v + " < " + bind(scalar(c.value()));
            case IN_THE_RANGE -> {
                SmartRules.Range range = (SmartRules.Range) c.value();
                yield v + " between " + bind(scalar(range.from())) + " and " + bind(scalar(range.to()));
            }
            default -> throw new IllegalArgumentException(op + " on " + kind);
        };
    }

    private static Object scalar(SmartRules.Value value) {
        return switch (value) {
            case SmartRules.Number n -> n.number();
            case SmartRules.Day d -> d.date();
            case SmartRules.Flag f -> f.flag();
            default -> throw new IllegalArgumentException("not a scalar: " + value);
        };
    }

    private String sortExpr(SortKey key) {
        if (key.field() == SmartField.RANDOM) {
            // random at refresh time, but the same for one refresh: md5 of the id and a seed from the injected source
            return "md5(t.id::text || " + bind(context.seed()) + ")";
        }
        String expr = singleExpr(key.field());
        return key.field().kind() == SmartField.Kind.TEXT ? "lower(" + expr + ")" : expr;
    }
}
