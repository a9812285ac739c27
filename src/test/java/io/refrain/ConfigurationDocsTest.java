package io.refrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.platform.config.SettingsKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;

/**
 * One configuration, three views that must agree: {@code application.yml} (every key with its
 * default and its {@code REFRAIN_*} variable), the settings records that bind the keys, and the
 * configuration table (docs/configuration.md). Plain file reading and reflection, no Spring context.
 */
class ConfigurationDocsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
    private static final Pattern ENV_PLACEHOLDER =
            Pattern.compile("^\\$\\{(REFRAIN_[A-Z0-9_]+):(.*)}$", Pattern.DOTALL);
    private static final Pattern KEY_PLACEHOLDER = Pattern.compile("\\$\\{(refrain\\.[A-Za-z0-9.\\-]+)(:[^}]*)?}");
    private static final Pattern CONDITION = Pattern.compile("@ConditionalOnProperty\\(([^)]*)\\)");
    private static final Pattern CONDITION_PREFIX = Pattern.compile("prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONDITION_NAME = Pattern.compile("name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("^`([^`]*)`$");

    /** A key as application.yml or docs/configuration.md states it: the variable that sets it (or null) and its default. */
    record Entry(String env, String defaultValue) {}

    @Test
    void everyKeyOfApplicationYmlIsInTheReadmeTableWithItsVariableAndDefault() throws IOException {
        Map<String, Entry> yml = applicationYml();
        Map<String, Entry> readme = readmeTable();

        Set<String> missingFromReadme = new TreeSet<>(yml.keySet());
        missingFromReadme.removeAll(readme.keySet());
        Set<String> missingFromYml = new TreeSet<>(readme.keySet());
        missingFromYml.removeAll(yml.keySet());
        List<String> differing = new ArrayList<>();
        yml.forEach((key, entry) -> {
            Entry documented = readme.get(key);
            if (documented != null && !documented.equals(entry)) {
                differing.add(key + ": application.yml " + entry + ", docs/configuration.md " + documented);
            }
        });

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(missingFromReadme)
                    .as("keys of application.yml without a row in the configuration table (docs/configuration.md)")
                    .isEmpty();
            softly.assertThat(missingFromYml)
                    .as("keys in the configuration table (docs/configuration.md) that application.yml does not declare")
                    .isEmpty();
            softly.assertThat(differing)
                    .as("rows whose variable or default differ from application.yml")
                    .isEmpty();
        });
    }

    @Test
    void readmeRowsWithoutAKeyAreVariablesOfTheLauncher() throws IOException {
        String launcher = Files.readString(ROOT.resolve("refrain"));
        Set<String> rowsWithoutKey = new TreeSet<>();
        for (List<String> row : readmeRows()) {
            if (unquote(row.get(1)) == null) {
                rowsWithoutKey.add(unquote(row.get(0)));
            }
        }
        assertThat(rowsWithoutKey)
                .as("variables docs/configuration.md lists without a key")
                .isNotEmpty()
                .allSatisfy(variable -> assertThat(launcher)
                        .as("the launcher reads " + variable)
                        .contains("${" + variable));
    }

    @Test
    void everySettingsRecordComponentHasAKeyInApplicationYmlAndEveryKeyARecord() throws IOException {
        Set<String> bound = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.refrain")) {
            Class<?> type = load(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            assertThat(type.isRecord())
                    .as(type + " binds settings: make it a record")
                    .isTrue();
            bound.addAll(SettingsKeys.of(prefix, type));
        }
        assertThat(bound)
                .as("the settings records are found")
                .contains("refrain.data-dir", "refrain.accounts.code-ttl");

        Set<String> declared = new TreeSet<>(applicationYml().keySet());
        declared.removeIf(key -> !key.startsWith("refrain."));
        Set<String> undeclared = new TreeSet<>(bound);
        undeclared.removeAll(declared);
        Set<String> unbound = new TreeSet<>(declared);
        unbound.removeAll(bound);
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(undeclared)
                    .as("record components without a key (and its default) in application.yml")
                    .isEmpty();
            softly.assertThat(unbound)
                    .as("keys in application.yml that no settings record binds")
                    .isEmpty();
        });
    }

    @Test
    void placeholdersAndConditionsInTheCodeNameDeclaredKeysAndLeaveTheDefaultToApplicationYml() throws IOException {
        Set<String> declared = applicationYml().keySet();
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher condition = CONDITION.matcher(source);
                while (condition.find()) {
                    Matcher prefix = CONDITION_PREFIX.matcher(condition.group(1));
                    Matcher name = CONDITION_NAME.matcher(condition.group(1));
                    String key = (prefix.find() ? prefix.group(1) + "." : "") + (name.find() ? name.group(1) : "");
                    if (key.startsWith("refrain.") && !declared.contains(key)) {
                        problems.add(ROOT.relativize(file) + ": " + condition.group()
                                + " names a key application.yml does not declare");
                    }
                }
                Matcher m = KEY_PLACEHOLDER.matcher(source);
                while (m.find()) {
                    String where = ROOT.relativize(file) + ": " + m.group();
                    if (!declared.contains(m.group(1))) {
                        problems.add(where + " names a key application.yml does not declare");
                    }
                    if (m.group(2) != null) {
                        problems.add(where + " repeats a default; application.yml holds it");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Every leaf key of application.yml that is Refrain's or read from a REFRAIN_* variable. */
    private static Map<String, Entry> applicationYml() throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(ROOT.resolve("src/main/resources/application.yml"))) {
            Map<String, Object> tree = new Yaml().load(in);
            flatten("", tree, (key, value) -> {
                Matcher env = ENV_PLACEHOLDER.matcher(value);
                if (env.matches()) {
                    entries.put(key, new Entry(env.group(1), env.group(2)));
                } else if (key.startsWith("refrain.")) {
                    entries.put(key, new Entry(null, value));
                }
            });
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(
            String prefix, Map<String, Object> tree, java.util.function.BiConsumer<String, String> leaf) {
        tree.forEach((name, value) -> {
            String key = prefix.isEmpty() ? name : prefix + "." + name;
            if (value instanceof Map<?, ?> map) {
                flatten(key, (Map<String, Object>) map, leaf);
            } else {
                leaf.accept(key, String.valueOf(value));
            }
        });
    }

    /** The configuration table (docs/configuration.md) by key: a default in italics ("*(empty: embedded)*") or none means empty. */
    private static Map<String, Entry> readmeTable() throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (List<String> row : readmeRows()) {
            String key = unquote(row.get(1));
            if (key == null) {
                continue;
            }
            String defaultValue = unquote(row.get(2));
            if (entries.put(key, new Entry(unquote(row.get(0)), defaultValue == null ? "" : defaultValue)) != null) {
                repeated.add(key);
            }
        }
        assertThat(repeated)
                .as("keys with more than one row in docs/configuration.md")
                .isEmpty();
        return entries;
    }

    /** The rows (variable, key, default, meaning) of the table in docs/configuration.md. */
    private static List<List<String>> readmeRows() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("docs/configuration.md"));
        int section = lines.indexOf("# Configuration");
        assertThat(section)
                .as("docs/configuration.md has a title \"# Configuration\"")
                .isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : lines.subList(section + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            List<String> cells = new ArrayList<>();
            for (String cell : line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0))
                    .split("\\|", -1)) {
                cells.add(cell.strip());
            }
            if (!inTable) {
                assertThat(cells)
                        .as("the configuration table's columns")
                        .containsExactly("variable", "key", "default", "meaning");
                inTable = true;
            } else if (!cells.getFirst().startsWith("---")) {
                assertThat(cells).as("a row of four cells: " + line).hasSize(4);
                rows.add(cells);
            }
        }
        assertThat(rows).as("rows of the configuration table").isNotEmpty();
        return rows;
    }

    /** {@code `x`} is x; an empty cell or a note in italics is no value (null). */
    private static String unquote(String cell) {
        Matcher code = CODE.matcher(cell);
        return code.matches() ? code.group(1) : null;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
