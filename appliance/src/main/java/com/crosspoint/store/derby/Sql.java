package com.crosspoint.store.derby;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The statements of one transaction (see {@link Transactions}): each call prepares, binds,
 * executes, maps and closes one statement. Parameters go through {@link Columns#set}, so stores
 * pass instants, enums and nulls as they are.
 */
final class Sql {
    /** Reads the current row; must not move the result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Binds one item's parameters, typed, for batches on a hot path. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T item) throws SQLException;
    }

    @FunctionalInterface
    private interface Execution<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        return execute(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        });
    }

    /** The first row, or empty when there is none or the mapper reads it as null (a NULL column). */
    <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        return execute(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
            }
        });
    }

    /** The single row of an aggregate query such as {@code COUNT(*)}. */
    <T> T one(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        return execute(sql, parameters, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("no row from " + sql);
                }
                return mapper.map(rows);
            }
        });
    }

    long count(String sql, Object... parameters) throws SQLException {
        return one(sql, row -> row.getLong(1), parameters);
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    int update(String sql, Object... parameters) throws SQLException {
        return execute(sql, parameters, PreparedStatement::executeUpdate);
    }

    /** Inserts {@code row}, the values of all of {@code table}'s columns in its row order; returns 1. */
    int insert(Table table, Object... row) throws SQLException {
        checkWidth(table, row);
        return update(table.insert(), row);
    }

    /** Updates the row with {@code row}'s key from {@code row}, ignoring its fixed columns. */
    int update(Table table, Object... row) throws SQLException {
        checkWidth(table, row);
        return update(table.update(), Arrays.copyOfRange(row, table.fixedWidth(), row.length));
    }

    /** Inserts {@code rows}, each as for {@link #insert}, in one batch. */
    int[] insertAll(Table table, List<Object[]> rows) throws SQLException {
        for (Object[] row : rows) {
            checkWidth(table, row);
        }
        return batch(table.insert(), rows, Sql::bind);
    }

    /** Runs {@code sql} once per item as one batch; returns the rows changed per item. */
    <T> int[] batch(String sql, Iterable<T> items, Binder<T> binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(statement, item);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    private <T> T execute(String sql, Object[] parameters, Execution<T> execution) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return execution.run(statement);
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Columns.set(statement, i + 1, parameters[i]);
        }
    }

    private static void checkWidth(Table table, Object[] row) {
        if (row.length != table.width()) {
            throw new IllegalArgumentException(table + " has " + table.width() + " columns, not " + row.length);
        }
    }
}
