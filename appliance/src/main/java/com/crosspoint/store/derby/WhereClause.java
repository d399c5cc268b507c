package com.crosspoint.store.derby;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Conditions joined by AND, each with its parameters, for queries with optional filters. */
final class WhereClause {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds {@code condition}, whose {@code ?} placeholders take {@code values} in order. */
    WhereClause and(String condition, Object... values) {
        conditions.add("(" + condition + ")");
        parameters.addAll(List.of(values));
        return this;
    }

    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the parameters from index 1; returns the next free index. */
    int bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object value : parameters) {
            statement.setObject(index++, value);
        }
        return index;
    }
}
