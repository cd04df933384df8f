package com.drdailyreport.shared.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Plain JDBC for the repositories: binds parameters, maps rows, runs transactions, and turns
 * {@link SQLException}s into typed exceptions that name the table and the row's key, never SQL text.
 * Every statement carries the pool's query timeout ({@link DataSources}).
 */
final class Jdbc {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Pattern FK_COLUMN = Pattern.compile("FOREIGN KEY \\(`?(\\w+)`?\\) REFERENCES `?(\\w+)`?");

    private final DataSource dataSource;
    private final int queryTimeoutSeconds;

    Jdbc(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.queryTimeoutSeconds = DataSources.queryTimeoutSeconds(dataSource);
    }

    /** Runs one write; returns the rows matched. */
    int update(String table, String key, String sql, Object... params) {
        try (Connection connection = dataSource.getConnection()) {
            return update(connection, sql, params);
        } catch (SQLException e) {
            throw translate(e, table, key, "write");
        }
    }

    /** One write on a connection the caller holds (inside {@link #transaction}). */
    int update(Connection connection, String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        }
    }

    <T> List<T> query(String table, String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = dataSource.getConnection()) {
            return query(connection, sql, mapper, params);
        } catch (SQLException e) {
            throw translate(e, table, "query", "read");
        }
    }

    <T> Optional<T> queryOne(String table, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(table, sql, mapper, params);
        // an aggregate over no rows yields one row whose value maps to null: that is "nothing" too
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.getFirst());
    }

    <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (queryTimeoutSeconds > 0) {
            statement.setQueryTimeout(queryTimeoutSeconds);
        }
        return statement;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(String table, String key, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw translate(e, table, key, "write");
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * The typed exception for a failed statement on {@code table} for the row {@code key}.
     * Error codes are MySQL's; MariaDB uses the same for these cases.
     */
    static DataAccessException translate(SQLException e, String table, String key, String action) {
        SQLException root = e;
        while (root.getNextException() != null && root.getErrorCode() == 0) {
            root = root.getNextException();
        }
        int code = root.getErrorCode();
        String state = root.getSQLState() == null ? "" : root.getSQLState();
        switch (code) {
            case 1452, 1216 -> {
                return new ConstraintViolationException(table, ConstraintViolationException.Kind.FOREIGN_KEY, key,
                        foreignKeyDetail(root.getMessage()), e);
            }
            case 1451, 1217 -> {
                return new ConstraintViolationException(table, ConstraintViolationException.Kind.FOREIGN_KEY, key,
                        "other rows still reference it", e);
            }
            case 1062, 1586 -> {
                return new ConstraintViolationException(table, ConstraintViolationException.Kind.DUPLICATE_KEY, key, null, e);
            }
            case 1048, 1364 -> {
                return new ConstraintViolationException(table, ConstraintViolationException.Kind.NOT_NULL, key, columnIn(root.getMessage()), e);
            }
            case 1265, 1366, 1406, 1292, 3140, 3819, 4025 -> {
                return new ConstraintViolationException(table, ConstraintViolationException.Kind.INVALID_VALUE, key, columnIn(root.getMessage()), e);
            }
            default -> {
                // fall through to the connectivity checks
            }
        }
        if (code == 1213 || code == 1205 || state.equals("40001")) {
            // deadlock victim or lock wait timeout: the database rolled the transaction back, running it again is safe
            return new DatabaseUnavailableException(table + ": transaction rolled back by the database during " + action
                    + ", retry (" + describe(root) + ")", e);
        }
        if (e instanceof SQLTimeoutException || root instanceof SQLTimeoutException || code == 1317 || code == 1969 || code == 3024) {
            // the query timeout cancelled the statement (the database is too slow or blocked): nothing was changed
            return new DatabaseUnavailableException(table + ": statement timed out during " + action + " (" + describe(root) + ")", e);
        }
        if (interrupted(e)) {
            // the request's deadline passed and its work was abandoned (RequestDeadline): the database did not answer in time
            return new DatabaseUnavailableException(table + ": " + action + " interrupted waiting for the database", e);
        }
        if (e instanceof SQLTransientConnectionException || state.startsWith("08")
                || code == 1040 || code == 1203 || code == 2002 || code == 2003 || code == 2006 || code == 2013) {
            return new DatabaseUnavailableException(table + ": database unavailable during " + action + " (" + describe(root) + ")", e);
        }
        return new DataAccessException(table + ": " + action + " failed for " + key + " (" + describe(root) + ")", e);
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException && !(t instanceof java.net.SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(SQLException e) {
        return "SQLState " + e.getSQLState() + ", error " + e.getErrorCode();
    }

    private static String foreignKeyDetail(String message) {
        Matcher m = FK_COLUMN.matcher(message == null ? "" : message);
        return m.find() ? m.group(1) + " does not reference an existing " + m.group(2) + " row" : "a referenced row does not exist";
    }

    private static String columnIn(String message) {
        Matcher m = Pattern.compile("column '?`?(\\w+)`?'?", Pattern.CASE_INSENSITIVE).matcher(message == null ? "" : message);
        return m.find() ? "column " + m.group(1) : null;
    }

    /** Fails when a write that must touch a row matched none. */
    static void requireRows(int rows, String table, String key) {
        if (rows == 0) {
            throw new RecordNotFoundException(table, key);
        }
    }
}
