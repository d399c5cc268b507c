package com.crosspoint.store.derby;

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

    /** The conditions' parameters, then {@code after} (those of the rest of the statement). */
    Object[] parameters(Object... after) {
        List<Object> all = new ArrayList<>(parameters);
        all.addAll(List.of(after));
        return all.toArray();
    }
}
