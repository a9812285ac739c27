package io.refrain.playlists.smart;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The translator against a straightforward in-memory evaluation: a user's library and plays are
 * generated over the demo catalog once, then random rule trees (jqwik generators over a subset of
 * fields and operators) must select exactly the same tracks through SQL as in Java.
 */
class SmartRulesPropertyIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SAMPLES = 300;

    /** Everything a rule can test about one track, loaded with plain queries (not through the translator). */
    record Facts(
            String title,
            String album,
            Integer year,
            LocalDate released,
            Integer durationMs,
            Float energy,
            Float tempo,
            Set<String> artists,
            Set<String> genres,
            Set<String> tags,
            boolean saved,
            boolean loved,
            BigDecimal rating,
            int plays,
            Instant lastPlayed) {}

    @Test
    void sqlSelectsWhatTheRulesSayInMemory() {
        var user = newAccount().id();
        Instant now = clock.instant();
        generateLibrary(user, now);
        Map<Long, Facts> facts = load(user);
        assertThat(facts).hasSizeGreaterThan(500);
        Pools pools = pools(facts);
        SmartPlaylistRepository repository = new SmartPlaylistRepository(jdbc);
        int nonTrivial = 0;
        for (String json : rules(pools, 3).sampleStream().limit(SAMPLES).toList()) {
            SmartRules rules = RuleJson.parse(JSON.readTree("{\"all\": [" + json + "]}"), "", Set.of());
            var context = new RuleTranslator.Context(user, now, "seed", Set.of());
            var compiled = RuleTranslator.compile(rules, context, SmartPlaylistEvaluator.MAX_TRACKS);
            Set<Long> sql = new TreeSet<>(repository.evaluate(compiled).stream()
                    .map(SmartPlaylistRepository.Match::id)
                    .toList());
            Set<Long> expected = new TreeSet<>();
            facts.forEach((id, f) -> {
                if (holds(rules.root(), f, now)) {
                    expected.add(id);
                }
            });
            assertThat(sql).as("rules %s\nsql %s", json, compiled.sql()).isEqualTo(expected);
            if (!expected.isEmpty() && expected.size() < facts.size()) {
                nonTrivial++;
            }
        }
        // the generators must produce rules that actually discriminate, or the comparison proves little
        assertThat(nonTrivial).isGreaterThan(SAMPLES / 3);

        // order, per-artist cap, limit and limitPercent: the exact list, against the same steps in Java
        Map<Long, Long> primary = new HashMap<>();
        jdbc.sql("select distinct on (track_id) track_id, artist_id from track_artists order by track_id, position")
                .query((rs, n) -> primary.put(rs.getLong(1), rs.getLong(2)))
                .list();
        var shapes = Combinators.combine(
                        rules(pools, 1),
                        Arbitraries.of("year", "playcount", "rating", "energy"),
                        Arbitraries.of("", "-"),
                        Arbitraries.integers().between(1, 3).injectNull(0.4),
                        Arbitraries.integers().between(1, 400).injectNull(0.4),
                        Arbitraries.integers().between(1, 100).injectNull(0.5))
                .as((json, field, sign, cap, limit, percent) ->
                        "{\"any\": [" + json + "], \"sort\": \"" + sign + field + "\""
                                + (cap == null ? "" : ", \"maxPerArtist\": " + cap)
                                + (limit == null ? "" : ", \"limit\": " + limit)
                                + (percent == null ? "" : ", \"limitPercent\": " + percent) + "}");
        for (String json : shapes.sampleStream().limit(100).toList()) {
            SmartRules rules = RuleJson.parse(JSON.readTree(json), "", Set.of());
            var compiled = RuleTranslator.compile(
                    rules, new RuleTranslator.Context(user, now, "seed", Set.of()), SmartPlaylistEvaluator.MAX_TRACKS);
            List<Long> sql = repository.evaluate(compiled).stream()
                    .map(SmartPlaylistRepository.Match::id)
                    .toList();
            assertThat(sql).as("rules %s", json).isEqualTo(ordered(rules, facts, primary, now));
        }
    }

    /** The playlist in Java: matches sorted (nulls last ascending, first descending, ties by id), capped, limited. */
    private static List<Long> ordered(SmartRules rules, Map<Long, Facts> facts, Map<Long, Long> primary, Instant now) {
        SmartRules.SortKey key = rules.sort().getFirst();
        java.util.Comparator<Long> byValue = java.util.Comparator.comparing(
                id -> sortValue(key.field(), facts.get(id)),
                java.util.Comparator.nullsLast(java.util.Comparator.<Comparable<Object>>naturalOrder()));
        java.util.Comparator<Long> order = (key.descending() ? byValue.reversed() : byValue).thenComparing(id -> id);
        List<Long> matched = facts.keySet().stream()
                .filter(id -> holds(rules.root(), facts.get(id), now))
                .sorted(order)
                .toList();
        if (rules.maxPerArtist() != null) {
            Map<Long, Integer> seen = new HashMap<>();
            matched = matched.stream()
                    .filter(id -> primary.get(id) == null
                            || seen.merge(primary.get(id), 1, Integer::sum) <= rules.maxPerArtist())
                    .toList();
        }
        long keep = rules.limit() == null ? SmartPlaylistEvaluator.MAX_TRACKS : rules.limit();
        if (rules.limitPercent() != null) {
            keep = Math.min(keep, (long) Math.ceil(matched.size() * rules.limitPercent() / 100.0));
        }
        return matched.stream().limit(keep).toList();
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> sortValue(SmartField field, Facts f) {
        Object value =
                switch (field) {
                    case YEAR -> f.year();
                    case PLAYCOUNT -> f.plays();
                    case RATING -> f.rating();
                    case ENERGY -> f.energy();
                    default -> throw new IllegalStateException(field.name());
                };
        return (Comparable<Object>) value;
    }

    // ---- data ---------------------------------------------------------------------------------

    private void generateLibrary(UUID user, Instant now) {
        Random random = new Random(42);
        List<Long> ids =
                jdbc.sql("select id from tracks order by id").query(Long.class).list();
        long tagA = jdbc.sql("insert into tags (user_id, name, created_at) values (?, 'Chill', now()) returning id")
                .param(user)
                .query(Long.class)
                .single();
        long tagB = jdbc.sql("insert into tags (user_id, name, created_at) values (?, 'road', now()) returning id")
                .param(user)
                .query(Long.class)
                .single();
        for (Long id : ids) {
            if (random.nextInt(5) == 0) {
                jdbc.sql("insert into saved_tracks values (?, ?, ?)")
                        .params(user, id, ts(now.minusSeconds(random.nextInt(9_000_000))))
                        .update();
            }
            if (random.nextInt(8) == 0) {
                jdbc.sql("insert into loved_tracks values (?, ?, ?)")
                        .params(user, id, ts(now))
                        .update();
            }
            if (random.nextInt(6) == 0) {
                jdbc.sql("insert into track_ratings values (?, ?, ?, ?)")
                        .params(user, id, random.nextInt(11) / 2.0, ts(now))
                        .update();
            }
            if (random.nextInt(10) == 0) {
                jdbc.sql("insert into tagged_tracks values (?, ?, ?, ?)")
                        .params(user, random.nextBoolean() ? tagA : tagB, id, ts(now))
                        .update();
            }
            if (random.nextInt(4) == 0) {
                Instant last = now.minus(random.nextInt(700), ChronoUnit.DAYS).minusSeconds(random.nextInt(86_400));
                jdbc.sql("insert into listen_stats_tracks values (?, ?, ?, ?, ?, ?, ?)")
                        .params(
                                user,
                                id,
                                1 + random.nextInt(40),
                                random.nextInt(5),
                                1000L,
                                ts(last.minus(30, ChronoUnit.DAYS)),
                                ts(last))
                        .update();
            }
        }
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    private Map<Long, Facts> load(UUID user) {
        Map<Long, Set<String>> artists =
                multi("select ta.track_id, a.name from track_artists ta join artists a on a.id = ta.artist_id", null);
        Map<Long, Set<String>> genres =
                multi("select tg.track_id, g.name from track_genres tg join genres g on g.id = tg.genre_id", null);
        Map<Long, Set<String>> tags = multi(
                "select tt.track_id, t.name from tagged_tracks tt join tags t on t.user_id = tt.user_id "
                        + "and t.id = tt.tag_id where tt.user_id = ?",
                user);
        Map<Long, Facts> out = new HashMap<>();
        jdbc.sql("""
                        select t.id, t.title, al.title, extract(year from al.release_date)::int, al.release_date, t.duration_ms,
                               af.energy, af.tempo,
                               exists (select 1 from saved_tracks s where s.user_id = :u and s.track_id = t.id),
                               exists (select 1 from loved_tracks l where l.user_id = :u and l.track_id = t.id),
                               (select r.rating from track_ratings r where r.user_id = :u and r.track_id = t.id),
                               (select s.plays from listen_stats_tracks s where s.user_id = :u and s.track_id = t.id),
                               (select s.last_played_at from listen_stats_tracks s where s.user_id = :u and s.track_id = t.id)
                        from tracks t left join albums al on al.id = t.album_id left join audio_features af on af.track_id = t.id""")
                .param("u", user)
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    var last = rs.getTimestamp(13);
                    return out.put(
                            id,
                            new Facts(
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getObject(4, Integer.class),
                                    rs.getObject(5, LocalDate.class),
                                    rs.getObject(6, Integer.class),
                                    rs.getObject(7, Float.class),
                                    rs.getObject(8, Float.class),
                                    artists.getOrDefault(id, Set.of()),
                                    genres.getOrDefault(id, Set.of()),
                                    tags.getOrDefault(id, Set.of()),
                                    rs.getBoolean(9),
                                    rs.getBoolean(10),
                                    rs.getBigDecimal(11) == null ? BigDecimal.ZERO : rs.getBigDecimal(11),
                                    rs.getInt(12),
                                    last == null ? null : last.toInstant()));
                })
                .list();
        return out;
    }

    private Map<Long, Set<String>> multi(String sql, UUID user) {
        Map<Long, Set<String>> out = new HashMap<>();
        var spec = jdbc.sql(sql);
        if (user != null) {
            spec = spec.param(user);
        }
        spec.query((rs, n) ->
                        out.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getString(2)))
                .list();
        return out;
    }

    // ---- the in-memory evaluation ---------------------------------------------------------------

    private static boolean holds(SmartRules.Rule rule, Facts f, Instant now) {
        return switch (rule) {
            case SmartRules.Group g ->
                g.all()
                        ? g.children().stream().allMatch(c -> holds(c, f, now))
                        : g.children().stream().anyMatch(c -> holds(c, f, now));
            case SmartRules.Condition c -> holds(c, f, now);
        };
    }

    private static boolean holds(SmartRules.Condition c, Facts f, Instant now) {
        SmartOperator op = c.operator();
        Object value =
                switch (c.field()) {
                    case TITLE -> f.title();
                    case ALBUM -> f.album();
                    case ARTIST -> f.artists();
                    case GENRE -> f.genres();
                    case TAG -> f.tags();
                    case YEAR -> f.year() == null ? null : new BigDecimal(f.year());
                    case DURATION -> f.durationMs() == null ? null : BigDecimal.valueOf(f.durationMs(), 3);
                    case ENERGY -> f.energy() == null ? null : new BigDecimal((double) f.energy());
                    case TEMPO -> f.tempo() == null ? null : new BigDecimal((double) f.tempo());
                    case RATING -> f.rating();
                    case PLAYCOUNT -> new BigDecimal(f.plays());
                    case LOVED -> f.loved();
                    case SAVED -> f.saved();
                    case RELEASEDATE -> f.released();
                    case LASTPLAYED -> f.lastPlayed();
                    default -> throw new IllegalStateException("not generated: " + c.field());
                };
        if (op == SmartOperator.IS_MISSING || op == SmartOperator.IS_PRESENT) {
            boolean missing = value == null || value instanceof Set<?> s && s.isEmpty();
            boolean flag = ((SmartRules.Flag) c.value()).flag();
            return (op == SmartOperator.IS_MISSING) == flag ? missing : !missing;
        }
        if (op == SmartOperator.IN_THE_LAST || op == SmartOperator.NOT_IN_THE_LAST) {
            Instant cutoff = now.minus(((SmartRules.Days) c.value()).days(), ChronoUnit.DAYS);
            boolean within = value instanceof Instant i
                    ? !i.isBefore(cutoff)
                    : value instanceof LocalDate d && !d.isBefore(LocalDate.ofInstant(cutoff, ZoneOffset.UTC));
            return op == SmartOperator.IN_THE_LAST ? within : !within;
        }
        boolean positive;
        if (value instanceof Set<?> values) {
            positive = values.stream().anyMatch(v -> text(op, (String) v, c.value()));
        } else if (value == null) {
            positive = false;
        } else if (value instanceof String s) {
            positive = text(op, s, c.value());
        } else {
            positive = compare(op, value, c.value());
        }
        return op.negated() != positive;
    }

    private static boolean text(SmartOperator op, String actual, SmartRules.Value value) {
        String v = actual.toLowerCase(Locale.ROOT);
        String p = ((SmartRules.Text) value).text().toLowerCase(Locale.ROOT);
        return switch (op) {
            case IS, IS_NOT -> v.equals(p);
            case CONTAINS, NOT_CONTAINS -> v.contains(p);
            case STARTS_WITH -> v.startsWith(p);
            case ENDS_WITH -> v.endsWith(p);
            default -> throw new IllegalStateException(op.name());
        };
    }

    private static boolean compare(SmartOperator op, Object actual, SmartRules.Value value) {
        if (actual instanceof Boolean b) {
            return b == ((SmartRules.Flag) value).flag();
        }
        if (op == SmartOperator.IN_THE_RANGE) {
            var range = (SmartRules.Range) value;
            return order(actual, range.from()) >= 0 && order(actual, range.to()) <= 0;
        }
        int order = order(actual, value);
        return switch (op) {
            case IS, IS_NOT -> order == 0;
            case GT, AFTER -> order > 0;
            case LT, BEFORE -> order < 0;
            default -> throw new IllegalStateException(op.name());
        };
    }

    private static int order(Object actual, SmartRules.Value value) {
        return switch (value) {
            case SmartRules.Number n ->
                actual instanceof BigDecimal d && d.scale() > 10 // a float feature: compared as double
                        ? Double.compare(d.doubleValue(), n.number().doubleValue())
                        : ((BigDecimal) actual).compareTo(n.number());
            case SmartRules.Day day ->
                actual instanceof Instant i
                        ? LocalDate.ofInstant(i, ZoneOffset.UTC).compareTo(day.date())
                        : ((LocalDate) actual).compareTo(day.date());
            default -> throw new IllegalStateException(value.toString());
        };
    }

    // ---- generators ---------------------------------------------------------------------------

    record Pools(
            List<String> titles,
            List<String> albums,
            List<String> artists,
            List<String> genres,
            List<LocalDate> dates) {}

    private static Pools pools(Map<Long, Facts> facts) {
        List<Facts> all = new ArrayList<>(facts.values());
        return new Pools(
                all.stream().map(Facts::title).distinct().sorted().limit(400).toList(),
                all.stream()
                        .map(Facts::album)
                        .filter(a -> a != null)
                        .distinct()
                        .sorted()
                        .limit(400)
                        .toList(),
                all.stream()
                        .flatMap(f -> f.artists().stream())
                        .distinct()
                        .sorted()
                        .limit(400)
                        .toList(),
                all.stream()
                        .flatMap(f -> f.genres().stream())
                        .distinct()
                        .sorted()
                        .toList(),
                all.stream()
                        .map(Facts::released)
                        .filter(d -> d != null)
                        .distinct()
                        .sorted()
                        .toList());
    }

    private static Arbitrary<String> rules(Pools pools, int depth) {
        Arbitrary<String> condition = condition(pools);
        if (depth == 0) {
            return condition;
        }
        Arbitrary<String> group = Combinators.combine(
                        Arbitraries.of("all", "any"),
                        Arbitraries.lazy(() -> rules(pools, depth - 1))
                                .list()
                                .ofMinSize(0)
                                .ofMaxSize(4))
                .as((kind, children) -> "{\"" + kind + "\": [" + String.join(", ", children) + "]}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, condition),
                net.jqwik.api.Tuple.of(1, group),
                net.jqwik.api.Tuple.of(1, sameField(pools)));
    }

    /** Groups of same-field is (under any) / isNot (under all): the translator collapses these into one set test. */
    private static Arbitrary<String> sameField(Pools pools) {
        return Arbitraries.oneOf(List.of(
                sameField("artist", pools.artists()),
                sameField("genre", pools.genres()),
                sameField("title", pools.titles()),
                sameField("tag", List.of("chill", "ROAD", "none"))));
    }

    private static Arbitrary<String> sameField(String field, List<String> pool) {
        return Combinators.combine(
                        Arbitraries.of(true, false),
                        Arbitraries.of(pool).list().ofMinSize(1).ofMaxSize(6))
                .as((all, values) -> "{\"" + (all ? "all" : "any") + "\": ["
                        + String.join(
                                ", ",
                                values.stream()
                                        .map(v -> cond(all ? "isNot" : "is", field, quote(v)))
                                        .toList())
                        + "]}");
    }

    private static Arbitrary<String> condition(Pools pools) {
        return Arbitraries.oneOf(
                text("title", pools.titles()),
                text("album", pools.albums()),
                text("artist", pools.artists()),
                text("genre", pools.genres()),
                text("tag", List.of("chill", "Road", "none")),
                number("year", Arbitraries.integers().between(1960, 2021).map(String::valueOf)),
                number("duration", Arbitraries.integers().between(60, 400).map(String::valueOf)),
                number("energy", Arbitraries.of("0", "0.25", "0.5", "0.75", "0.9", "1")),
                number("tempo", Arbitraries.integers().between(60, 180).map(String::valueOf)),
                number("rating", Arbitraries.of("0", "1", "2.5", "3", "4.5", "5")),
                number("playcount", Arbitraries.integers().between(0, 45).map(String::valueOf)),
                Combinators.combine(
                                Arbitraries.of("is", "isNot"),
                                Arbitraries.of("loved", "saved"),
                                Arbitraries.of(true, false))
                        .as((op, field, flag) -> cond(op, field, String.valueOf(flag))),
                date("releasedate", pools.dates()),
                date("lastplayed", pools.dates()));
    }

    private static String cond(String op, String field, String valueJson) {
        return "{\"" + op + "\": {\"" + field + "\": " + valueJson + "}}";
    }

    private static String quote(String text) {
        return JSON.writeValueAsString(text);
    }

    private static Arbitrary<String> text(String field, List<String> pool) {
        Arbitrary<String> whole = Arbitraries.of(pool);
        Arbitrary<String> part = Combinators.combine(
                        whole,
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(1, 4))
                .as((s, from, len) -> s.substring(
                        Math.min(from, s.length()), Math.min(s.length(), Math.min(from, s.length()) + len)));
        Arbitrary<String> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, whole),
                net.jqwik.api.Tuple.of(3, part),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("zzqx", "THE", "a")));
        Arbitrary<String> withValue = Combinators.combine(
                        Arbitraries.of("is", "isNot", "contains", "notContains", "startsWith", "endsWith"), value)
                .as((op, v) -> cond(op, field, quote(v)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, withValue),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.of("isMissing", "isPresent").map(op -> cond(op, field, "true"))));
    }

    private static Arbitrary<String> number(String field, Arbitrary<String> values) {
        Arbitrary<String> single = Combinators.combine(Arbitraries.of("is", "isNot", "gt", "lt"), values)
                .as((op, v) -> cond(op, field, v));
        Arbitrary<String> range =
                Combinators.combine(values, values).as((a, b) -> cond("inTheRange", field, "[" + a + ", " + b + "]"));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, single),
                net.jqwik.api.Tuple.of(1, range),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.of("isMissing", "isPresent").map(op -> cond(op, field, "true"))));
    }

    private static Arbitrary<String> date(String field, List<LocalDate> pool) {
        Arbitrary<String> day = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(2, Arbitraries.of(pool)),
                        net.jqwik.api.Tuple.of(
                                1, Arbitraries.integers().between(0, 800).map(n -> LocalDate.now(ZoneOffset.UTC)
                                        .minusDays(n))))
                .map(d -> quote(d.toString()));
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("before", "after", "is", "isNot"), day)
                        .as((op, d) -> cond(op, field, d)),
                Combinators.combine(day, day).as((a, b) -> cond("inTheRange", field, "[" + a + ", " + b + "]")),
                Combinators.combine(
                                Arbitraries.of("inTheLast", "notInTheLast"),
                                Arbitraries.integers().between(0, 800))
                        .as((op, n) -> cond(op, field, String.valueOf(n))),
                Arbitraries.of("isMissing", "isPresent").map(op -> cond(op, field, "true")));
    }
}
