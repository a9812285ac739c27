package io.refrain.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.UncategorizedSQLException;

class OverloadTest {

    @Test
    void aPoolWaitOrAStatementTimeoutIsTheDatabaseBeingBusyWhereverItIsWrapped() {
        assertThat(Overload.isDatabaseBusy(new SQLTransientConnectionException("pool wait")))
                .isTrue();
        SQLException cancelled = new SQLException("canceling statement due to statement timeout", "57014");
        assertThat(Overload.isDatabaseBusy(new UncategorizedSQLException("select", "select 1", cancelled)))
                .isTrue();
        assertThat(Overload.isDatabaseBusy(new QueryTimeoutException("timeout")))
                .isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        SQLException unique = new SQLException("duplicate key", "23505");
        assertThat(Overload.isDatabaseBusy(new DataIntegrityViolationException("dup", unique)))
                .isFalse();
        assertThat(Overload.isDatabaseBusy(new IllegalStateException("bug"))).isFalse();
    }
}
