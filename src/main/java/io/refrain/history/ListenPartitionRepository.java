package io.refrain.history;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The statements of {@link ListenPartitions}: which monthly partitions of {@code listens} exist, and creating one. */
@Repository
class ListenPartitionRepository {

    private final JdbcClient jdbc;

    ListenPartitionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the month's partition unless it exists (idempotent, serialised in the database); true if it made it. */
    boolean create(YearMonth month) {
        return Boolean.TRUE.equals(jdbc.sql("select refrain_ensure_listen_partition(:month)")
                .param("month", Date.valueOf(month.atDay(1)))
                .query(Boolean.class)
                .single());
    }

    /** The months that have a partition now. */
    List<YearMonth> existing() {
        return jdbc.sql("""
                        select c.relname from pg_inherits i
                        join pg_class c on c.oid = i.inhrelid
                        where i.inhparent = 'listens'::regclass""").query(String.class).list().stream()
                .filter(name -> name.matches("listens_\\d{4}_\\d{2}"))
                .map(name ->
                        YearMonth.of(Integer.parseInt(name.substring(8, 12)), Integer.parseInt(name.substring(13, 15))))
                .toList();
    }
}
