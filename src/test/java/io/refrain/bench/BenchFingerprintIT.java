package io.refrain.bench;

import io.refrain.catalog.DemoCatalog;
import io.refrain.history.ListenStatsRebuild;
import io.refrain.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Scratch: a fixed-clock run into a fresh database, every table's count and content hash written to a file. */
class BenchFingerprintIT extends IntegrationTest {

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void fingerprint() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2026-06-10T12:00:00Z"), ZoneOffset.UTC);
        BenchGenerator generator = Generators.make(context, fixed);
        BenchSummary summary = generator.generate(new BenchOptions(3_000, 12, 20_000, 42, false));
        StringBuilder out = new StringBuilder(summary.describe().replaceAll("(?m)^  .*\\n", "").replaceAll("(?m)^database.*\\n", ""));
        List<String> tables = jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                  and c.relname not in ('flyway_schema_history', 'shedlock') order by 1""").query(String.class).list();
        for (String table : tables) {
            String drop = table.startsWith("playlist") ? "array['created_at','updated_at','id','playlist_id']"
                    : "array['created_at','updated_at','password_hash']";
            String row = jdbc.sql(("select count(*) || ' ' || coalesce(md5(string_agg(j, '|' order by j)), '-') from "
                    + "(select (to_jsonb(t) - %s::text[])::text j from %s t) x").formatted(drop, table)).query(String.class).single();
            out.append(table).append(' ').append(row).append('\n');
        }
        Files.writeString(Path.of(System.getProperty("fingerprint.out", "/tmp/bench-fingerprint.txt")), out);
    }
}
