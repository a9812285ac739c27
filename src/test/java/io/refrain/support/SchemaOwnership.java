package io.refrain.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema's ownership map, {@code src/main/resources/db/ownership.txt}: which module owns each
 * table, view, function and sequence, and which of them it publishes for other modules to read.
 * Read by the boundary tests ({@code SchemaOwnershipIT} against the migrated database,
 * {@code ModuleSqlBoundaryTest} against the sources).
 */
public record SchemaOwnership(Map<String, Entry> objects, Map<String, String> migrations, List<Crossing> crossings) {

    public static final Path FILE = Path.of("src/main/resources/db/ownership.txt");

    /** Kinds of schema object the map lists. */
    public static final Set<String> KINDS = Set.of("table", "view", "function", "sequence");

    /** One object: its module, its kind, and whether other modules may read (views) or call (functions) it. */
    public record Entry(String module, String kind, String name, boolean published) {}

    /**
     * A landed migration that touches another module's object. Migrations are never edited once
     * landed, so each such place is listed with the reason it is allowed (or the migration that
     * undid it); a new crossing fails the test.
     */
    public record Crossing(String migration, String object, String reason) {}

    public static SchemaOwnership read(Path root) {
        List<String> lines;
        try {
            lines = Files.readAllLines(root.resolve(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Entry> objects = new LinkedHashMap<>();
        Map<String, String> migrations = new LinkedHashMap<>();
        List<Crossing> crossings = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] words = line.split("\\s+", 4);
            switch (words[0]) {
                case "migration" -> migrations.put(require(words, 3, number)[1], words[2]);
                case "crossing" -> crossings.add(new Crossing(require(words, 4, number)[1], words[2], words[3]));
                default -> {
                    require(words, 3, number);
                    if (!KINDS.contains(words[1])) {
                        throw new IllegalStateException(FILE + ":" + number + ": unknown kind " + words[1]);
                    }
                    boolean published = words.length == 4 && words[3].equals("published");
                    if (words.length == 4 && !published) {
                        throw new IllegalStateException(FILE + ":" + number + ": expected 'published' after the name");
                    }
                    Entry previous = objects.put(words[2], new Entry(words[0], words[1], words[2], published));
                    if (previous != null) {
                        throw new IllegalStateException(FILE + ":" + number + ": " + words[2] + " is listed twice");
                    }
                }
            }
        }
        return new SchemaOwnership(objects, migrations, crossings);
    }

    public Optional<Entry> owner(String name) {
        return Optional.ofNullable(objects.get(name));
    }

    public boolean allowsCrossing(String migration, String object) {
        return crossings.stream()
                .anyMatch(c -> c.migration().equals(migration) && c.object().equals(object));
    }

    private static String[] require(String[] words, int count, int number) {
        if (words.length < count) {
            throw new IllegalStateException(FILE + ":" + number + ": expected " + count + " words");
        }
        return words;
    }
}
