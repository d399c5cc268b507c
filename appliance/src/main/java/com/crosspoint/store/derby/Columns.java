package com.crosspoint.store.derby;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Conversions between domain values and column values. Instants are stored as BIGINT epoch
 * milliseconds: exact, and free of the JDBC time-zone conversions of TIMESTAMP.
 */
final class Columns {
    private Columns() {
    }

    /** What an instant reads back as after a round trip: whole milliseconds. */
    static Instant millis(Instant value) {
        return value == null ? null : value.truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Binds a domain value: an instant as epoch milliseconds, an enum by name, anything else as
     * JDBC maps it. Derby binds a null as the NULL of the parameter's declared type.
     */
    static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setLong(index, instant.toEpochMilli());
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else {
            statement.setObject(index, value);
        }
    }

    /** Typed, for the binding journal's batches. */
    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.toEpochMilli());
        }
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Long getLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    static <E extends Enum<E>> E getEnum(ResultSet row, String column, Class<E> type) throws SQLException {
        String name = row.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }
}
