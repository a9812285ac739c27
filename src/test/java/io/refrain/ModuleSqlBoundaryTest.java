package io.refrain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.refrain.support.SchemaOwnership;
import io.refrain.support.SchemaOwnership.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Module boundaries below the Java layer. Spring Modulith checks Java imports; this test reads the
 * SQL. A module's SQL (its Java sources and its migrations) may name its own tables, views and
 * functions, and other modules' <em>published</em> views and functions ({@code ownership.txt}),
 * nothing else. Foreign keys ({@code references t}) may point at another module's key: integrity
 * across modules is the database's job. And only repositories hold a {@link JdbcClient}.
 */
class ModuleSqlBoundaryTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path SOURCES = ROOT.resolve("src/main/java/io/refrain");
    private static final Path MIGRATIONS = ROOT.resolve("src/main/resources/db/migration");
    private static final SchemaOwnership MAP = SchemaOwnership.read(ROOT);

    /** Text blocks and ordinary string literals: where SQL lives in our Java. */
    private static final Pattern STRING =
            Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"", Pattern.DOTALL);
    /** A name where SQL reads, writes or alters a relation. */
    private static final Pattern RELATION =
            Pattern.compile("(?i)\\b(?:from|join|into|update|table|only|truncate|copy)\\s+([a-z_][a-z0-9_]*)");
    /** In a migration also where an index or trigger is hung on a relation (in Java prose, "on" is too common). */
    private static final Pattern HUNG_ON = Pattern.compile("(?i)\\bon\\s+([a-z_][a-z0-9_]*)");
    /** A name called as a function. */
    private static final Pattern CALL = Pattern.compile("(?i)\\b([a-z_][a-z0-9_]*)\\s*\\(");

    private static final Pattern SQL_COMMENT = Pattern.compile("--[^\\n]*");

    /**
     * Sources that check the whole database from outside, as a test would: {@code bench crash}
     * kills the server and then verifies, over plain JDBC and without the application, that every
     * acknowledged write of every module survived. Nothing in the application calls it.
     */
    private static final Set<String> OUTSIDE_CHECKERS = Set.of("bench/crash/");

    @Test
    void javaSqlNamesOnlyItsModulesObjectsAndPublishedOnes() throws IOException {
        List<String> crossings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                String relative = SOURCES.relativize(file).toString();
                if (OUTSIDE_CHECKERS.stream().anyMatch(relative::startsWith)) {
                    continue;
                }
                String source = Files.readString(file);
                Matcher string = STRING.matcher(source);
                while (string.find()) {
                    String text = string.group(1) != null ? string.group(1) : string.group(2);
                    int line = lineOf(source, string.start());
                    for (String problem : crossingsIn(text, Set.of(module), false)) {
                        crossings.add(SOURCES.relativize(file) + ":" + line + ": " + module + " " + problem);
                    }
                }
            }
        }
        assertThat(crossings)
                .as("SQL naming another module's unpublished objects (publish a view, or call the module's Java API)")
                .isEmpty();
    }

    @Test
    void migrationsTouchOnlyTheirModulesObjectsOrListTheCrossing() throws IOException {
        List<String> crossings = new ArrayList<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String name = file.getFileName().toString();
                String modules = MAP.migrations().get(name);
                assertThat(modules)
                        .as("%s has a 'migration' line in %s", name, SchemaOwnership.FILE)
                        .isNotNull();
                String sql = SQL_COMMENT.matcher(Files.readString(file)).replaceAll("");
                for (String problem : crossingsIn(sql, Set.of(modules.split(",")), true)) {
                    String object = problem.substring(problem.lastIndexOf(' ') + 1);
                    if (!MAP.allowsCrossing(name, object)) {
                        crossings.add(name + ": " + modules + " " + problem);
                    }
                }
            }
        }
        assertThat(crossings)
                .as("migrations touching another module's objects without a 'crossing' line")
                .isEmpty();
    }

    @Test
    void theScannerSeesACrossModuleQuery() {
        // the check above is only as good as its reading of SQL: these must be seen
        assertThat(crossingsIn("select count(*) from saved_tracks s where s.user_id = :u", Set.of("history"), false))
                .containsExactly("reads or writes library's table saved_tracks");
        assertThat(crossingsIn("""
                insert into listen_totals (user_id) values (:u)""", Set.of("library"), false))
                .containsExactly("reads or writes history's table listen_totals");
        assertThat(crossingsIn("select refrain_track_doc(t.id) from catalog_tracks t", Set.of("search"), false))
                .containsExactly("calls catalog's function refrain_track_doc");
        assertThat(crossingsIn("select t.id from catalog_tracks t join tracks x using (id)", Set.of("library"), false))
                .containsExactly("reads or writes catalog's table tracks");
        // and these are fine: published views and functions, foreign keys, the module's own tables
        assertThat(crossingsIn(
                        "select refrain_search_normalize(t.title) from catalog_tracks t", Set.of("search"), false))
                .isEmpty();
        assertThat(crossingsIn("create table x (track_id bigint references tracks (id))", Set.of("library"), true))
                .isEmpty();
        assertThat(crossingsIn(
                        "create trigger t after insert on saved_tracks for each row execute function f()",
                        Set.of("playlists"),
                        true))
                .containsExactly("reads or writes library's table saved_tracks");
        assertThat(crossingsIn("delete from saved_tracks where user_id = :u", Set.of("library"), false))
                .isEmpty();
    }

    @Test
    void onlyRepositoriesHoldAJdbcClient() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.refrain");
        noClasses()
                .that()
                .areNotAnnotatedWith(Repository.class)
                .and(notPlumbing())
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JdbcClient.class)
                .because("SQL lives in @Repository classes; services keep the logic (docs/architecture.md)")
                .check(classes);
    }

    /** The platform's database plumbing (pool, migrations, backups) works below repositories. */
    private static DescribedPredicate<JavaClass> notPlumbing() {
        return DescribedPredicate.describe(
                "not platform's database plumbing",
                c -> !c.getPackageName().startsWith("io.refrain.platform.db")
                        && !c.getPackageName().startsWith("io.refrain.platform.backup"));
    }

    /** What in {@code sql} names objects of a module other than {@code modules} that are not published. */
    private static List<String> crossingsIn(String sql, Set<String> modules, boolean migration) {
        List<String> found = new ArrayList<>();
        String text = sql.replaceAll("(?i)\\breferences\\s+[a-z_][a-z0-9_]*", " ");
        for (Pattern pattern : migration ? List.of(RELATION, HUNG_ON) : List.of(RELATION)) {
            Matcher relation = pattern.matcher(text);
            while (relation.find()) {
                foreign(relation.group(1), modules)
                        .ifPresent(e -> found.add("reads or writes " + e.module() + "'s " + e.kind() + " " + e.name()));
            }
        }
        Matcher call = CALL.matcher(text);
        while (call.find()) {
            foreign(call.group(1), modules)
                    .filter(e -> e.kind().equals("function"))
                    .ifPresent(e -> found.add("calls " + e.module() + "'s function " + e.name()));
        }
        return found.stream().distinct().toList();
    }

    private static Optional<Entry> foreign(String name, Set<String> modules) {
        return MAP.owner(name.toLowerCase(Locale.ROOT)).filter(e -> !modules.contains(e.module()) && !e.published());
    }

    private static int lineOf(String source, int offset) {
        return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
