package io.refrain.bench.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of {@code ./refrain bench run} and {@code ./refrain bench ceiling}, all
 * {@code --name value} (flags: {@code --knee}, {@code --overload}, {@code --no-ingest}). Unknown options are refused with the list of
 * known ones, so a typo never runs a different benchmark than the one asked for.
 */
record BenchOptions(Map<String, String> values, Set<String> flags) {

    static final List<String> VALUED = List.of("duration", "rate", "p99-limit", "start-rate", "step", "level",
            "max-levels", "warmup", "think", "picks", "samples", "seed", "data-dir", "base-url", "server-heap", "port",
            "out", "concurrency", "endpoints", "ingest-batches", "refrain-home", "knee-rate", "probe-rate", "baseline",
            "recovery");
    static final List<String> FLAGS = List.of("knee", "overload", "no-ingest");

    static BenchOptions parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new java.util.HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name = a.substring(2);
            String inline = null;
            if (name.contains("=")) {
                inline = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            if (FLAGS.contains(name)) {
                flags.add(name);
            } else if (VALUED.contains(name)) {
                String v = inline != null ? inline : (i + 1 < args.size() ? args.get(++i) : null);
                if (v == null) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                values.put(name, v);
            } else {
                throw new IllegalArgumentException("unknown option --" + name + "; known: --" + String.join(", --", VALUED)
                        + ", --" + String.join(", --", FLAGS));
            }
        }
        return new BenchOptions(values, flags);
    }

    /**
     * The options as a report records them: without {@code --refrain-home}, which the launcher
     * adds on every run and which names a directory of the machine, not a setting of the run.
     */
    Map<String, String> reported() {
        Map<String, String> reported = new HashMap<>(values);
        reported.remove("refrain-home");
        return reported;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    double number(String name, double fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, not '" + v + "'");
        }
    }

    int integer(String name, int fallback) {
        double d = number(name, fallback);
        if (d != Math.rint(d) || d < 0) {
            throw new IllegalArgumentException("--" + name + " must be a whole number >= 0");
        }
        return (int) d;
    }

    /** 60s, 2m, 500ms, or a plain number of seconds. */
    Duration duration(String name, Duration fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        var m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?").matcher(v.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("--" + name + " must be a duration like 60s, 2m or 500ms, not '" + v + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount * 60_000;
            case "h" -> amount * 3_600_000;
            default -> amount * 1000;
        };
        return Duration.ofMillis((long) millis);
    }

    Path path(String name, String fallback) {
        return Path.of(string(name, fallback)).toAbsolutePath().normalize();
    }
}
