package com.drdailyreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Error-code translation; the same codes are provoked on a real server by the repository ITs. */
class JdbcTest {

    @Test
    void foreignKeyFailuresNameTheColumnAndKeyButNoSql() {
        SQLException e = new SQLIntegrityConstraintViolationException("Cannot add or update a child row: a foreign key constraint fails"
                + " (`db`.`chart_pattern_data`, CONSTRAINT `fk` FOREIGN KEY (`ticker_id`) REFERENCES `ticker_master` (`id`))", "23000", 1452);
        DataAccessException translated = Jdbc.translate(e, "chart_pattern_data", "ticker_id=999", "write");
        assertThat(translated).isInstanceOf(ConstraintViolationException.class)
                .hasMessage("chart_pattern_data: foreign key violated for ticker_id=999: ticker_id does not reference an existing ticker_master row");
        assertThat(((ConstraintViolationException) translated).kind()).isEqualTo(ConstraintViolationException.Kind.FOREIGN_KEY);
    }

    @Test
    void duplicatesAndMissingValuesAreTyped() {
        assertThat(((ConstraintViolationException) Jdbc.translate(new SQLException("Duplicate entry", "23000", 1062), "t", "k", "write")).kind())
                .isEqualTo(ConstraintViolationException.Kind.DUPLICATE_KEY);
        assertThat(((ConstraintViolationException) Jdbc.translate(new SQLException("Column 'symbol' cannot be null", "23000", 1048), "t", "k", "write")))
                .hasMessage("t: required value missing for k: column symbol");
        assertThat(((ConstraintViolationException) Jdbc.translate(new SQLException("Invalid JSON text", "22032", 3140), "t", "k", "write")).kind())
                .isEqualTo(ConstraintViolationException.Kind.INVALID_VALUE);
    }

    @Test
    void connectionProblemsAreUnavailable() {
        assertThat(Jdbc.translate(new SQLException("Too many connections", "08004", 1040), "t", "k", "read"))
                .isInstanceOf(DatabaseUnavailableException.class).hasMessage("t: database unavailable during read (SQLState 08004, error 1040)");
        assertThat(Jdbc.translate(new SQLTransientConnectionException("pool timeout"), "t", "k", "read"))
                .isInstanceOf(DatabaseUnavailableException.class);
        assertThat(Jdbc.translate(new SQLException("Deadlock found when trying to get lock", "40001", 1213), "ticker_data", "k", "write"))
                .as("a deadlock victim is rolled back and may be retried").isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("rolled back");
        assertThat(Jdbc.translate(new SQLException("Lock wait timeout exceeded", "HY000", 1205), "t", "k", "write"))
                .isInstanceOf(DatabaseUnavailableException.class);
        assertThat(Jdbc.translate(new SQLException("syntax", "42000", 1064), "t", "k", "read"))
                .isExactlyInstanceOf(DataAccessException.class).hasMessageNotContaining("syntax");
    }

    @Test
    void aStatementCancelledByItsQueryTimeoutOrAnAbandonedWaitIsUnavailable() {
        // what Connector/J throws when Statement.setQueryTimeout fires
        assertThat(Jdbc.translate(new java.sql.SQLTimeoutException("Statement cancelled due to timeout or client request", "70100", 0),
                "ticker_data", "k", "read"))
                .isInstanceOf(DatabaseUnavailableException.class).hasMessage("ticker_data: statement timed out during read (SQLState 70100, error 0)");
        // what Hikari throws when a request's deadline interrupted its wait for a connection
        assertThat(Jdbc.translate(new SQLException("pool - Interrupted during connection acquisition", null, 0, new InterruptedException()),
                "t", "k", "read")).isInstanceOf(DatabaseUnavailableException.class);
    }
}
