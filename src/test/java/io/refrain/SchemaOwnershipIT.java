package io.refrain;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import io.refrain.support.SchemaOwnership;
import io.refrain.support.SchemaOwnership.Entry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The ownership map against the database the production migrations build: every table, view,
 * function and standalone sequence is listed once with the right kind, nothing listed is missing,
 * and no trigger runs a function of one module on another module's table.
 */
class SchemaOwnershipIT extends IntegrationTest {

    private static final SchemaOwnership MAP = SchemaOwnership.read(Path.of(""));

    /** Flyway's own bookkeeping, not a module's. */
    private static final Set<String> NOT_OURS = Set.of("flyway_schema_history");

    @Test
    void everyObjectInTheSchemaHasOneOwnerAndEveryListedObjectExists() {
        Map<String, String> actual = new TreeMap<>(schemaObjects());
        NOT_OURS.forEach(actual::remove);
        Map<String, String> listed =
                new TreeMap<>(MAP.objects().values().stream().collect(Collectors.toMap(Entry::name, Entry::kind)));
        Map<String, String> unlisted = new TreeMap<>(actual);
        unlisted.entrySet().removeAll(listed.entrySet());
        Map<String, String> missing = new TreeMap<>(listed);
        missing.entrySet().removeAll(actual.entrySet());
        assertThat(unlisted)
                .as("in the schema, not (or with another kind) in %s", SchemaOwnership.FILE)
                .isEmpty();
        assertThat(missing)
                .as("in %s, not (or with another kind) in the schema", SchemaOwnership.FILE)
                .isEmpty();
    }

    @Test
    void everyMigrationIsAssignedToAModule() {
        List<String> applied = jdbc.sql(
                        "select script from flyway_schema_history where success order by installed_rank")
                .query(String.class)
                .list();
        assertThat(new TreeSet<>(MAP.migrations().keySet())).isEqualTo(new TreeSet<>(applied));
    }

    @Test
    void noTriggerRunsOneModulesFunctionOnAnotherModulesTable() {
        List<String> crossing = jdbc
                .sql("""
                        select t.tgname, c.relname, p.proname from pg_trigger t
                        join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                        join pg_proc p on p.oid = t.tgfoid
                        where n.nspname = 'public' and not t.tgisinternal""")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list()
                .stream()
                .filter(t -> !module(t[1]).equals(module(t[2])))
                .map(t ->
                        "trigger " + t[0] + ": " + module(t[2]) + "'s " + t[2] + "() on " + module(t[1]) + "'s " + t[1])
                .toList();
        assertThat(crossing).isEmpty();
    }

    private static String module(String object) {
        return MAP.owner(object).map(Entry::module).orElse("(unlisted " + object + ")");
    }

    /** Tables (partitions count as their parent), views, our functions and sequences no column owns. */
    private Map<String, String> schemaObjects() {
        Map<String, String> objects = new TreeMap<>();
        jdbc.sql("""
                        select c.relname, case c.relkind when 'v' then 'view' when 'm' then 'view'
                                                         when 'S' then 'sequence' else 'table' end
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S') and not c.relispartition
                          and (c.relkind <> 'S' or not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                          and d.objid = c.oid and d.deptype in ('a', 'i', 'e')))""")
                .query((rs, i) -> objects.put(rs.getString(1), rs.getString(2)))
                .list();
        jdbc.sql("""
                        select distinct p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = 'public'
                          and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                                          and d.objid = p.oid and d.deptype = 'e')""").query((rs, i) -> objects.put(rs.getString(1), "function")).list();
        return objects;
    }
}
