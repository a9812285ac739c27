package io.refrain.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.refrain.support.IntegrationTest;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

@ExtendWith(OutputCaptureExtension.class)
class DatabaseIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void everyConnectionHasTheStatementTimeout() {
        assertThat(jdbc.sql("show statement_timeout").query(String.class).single())
                .isEqualTo("30s");
    }

    @Test
    void statementsOverTheThresholdAreLoggedWithTheirDuration(CapturedOutput output) {
        // not closed: closing the wrapper would close the shared pool
        JdbcClient logged = JdbcClient.create(SlowStatementLog.wrap(dataSource, Duration.ofMillis(50)));
        logged.sql("select pg_sleep(0.1)").query().singleValue();
        logged.sql("select 42 as quick").query().singleValue();
        assertThat(output.getOut())
                .containsPattern("slow statement: \\d{3,} ms \\(threshold 50 ms\\): select pg_sleep\\(0.1\\)")
                .doesNotContain("select 42 as quick");
    }

    @Test
    void migrationsRanOnTheRealDatabase() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("select current_setting('server_version_num')::int / 10000")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(17);
    }
}
