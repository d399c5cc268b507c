package com.crosspoint.store.derby;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table's column list, written once, and the statements made from it. A row is bound in one
 * order: the fixed columns (set by INSERT only), then the other columns, then the key. So
 * {@code UPDATE ... SET columns WHERE key} takes the INSERT's parameters less the fixed ones, and
 * for a table without fixed columns one binder serves both statements.
 */
final class Table {
    private final String name;
    private final List<String> fixed;
    private final List<String> columns;
    private final List<String> key;
    private final String selectFrom;
    private final String insert;
    private final String update;
    private final String delete;

    private Table(String name, List<String> fixed, List<String> columns, List<String> key) {
        this.name = name;
        this.fixed = fixed;
        this.columns = columns;
        this.key = key;
        List<String> all = new ArrayList<>(fixed);
        all.addAll(columns);
        all.addAll(key);
        this.selectFrom = "SELECT " + String.join(", ", all) + " FROM " + name;
        this.insert = "INSERT INTO " + name + " (" + String.join(", ", all) + ") VALUES ("
                + String.join(", ", Collections.nCopies(all.size(), "?")) + ")";
        this.update = columns.isEmpty() ? null : "UPDATE " + name + " SET " + assignments(columns, ", ") + where(key);
        this.delete = "DELETE FROM " + name + where(key);
    }

    static Table named(String name) {
        return new Table(name, List.of(), List.of(), List.of());
    }

    /** Columns written once, when the row is inserted (a row never moves to another tenant). */
    Table fixed(String... names) {
        return new Table(name, List.of(names), columns, key);
    }

    /** The other columns, which UPDATE sets. */
    Table columns(String... names) {
        return new Table(name, fixed, List.of(names), key);
    }

    /** The columns that identify a row, for UPDATE and DELETE. */
    Table key(String... names) {
        return new Table(name, fixed, columns, List.of(names));
    }

    /** Every column, in row order, then {@code clause} (WHERE, ORDER BY, ...). */
    String select(String clause) {
        return selectFrom + " " + clause;
    }

    /** Inserts a whole row: fixed columns, other columns, key. */
    String insert() {
        return insert;
    }

    /** Sets the non-fixed columns of the row with the key; parameters: those columns, then the key. */
    String update() {
        if (update == null) {
            throw new IllegalStateException(name + " has no columns to update");
        }
        return update;
    }

    /** Deletes the row with the key. */
    String delete() {
        return delete;
    }

    int width() {
        return fixed.size() + columns.size() + key.size();
    }

    int fixedWidth() {
        return fixed.size();
    }

    private static String where(List<String> key) {
        return key.isEmpty() ? "" : " WHERE " + assignments(key, " AND ");
    }

    private static String assignments(List<String> names, String separator) {
        return names.stream().map(c -> c + " = ?").collect(Collectors.joining(separator));
    }

    @Override
    public String toString() {
        return name;
    }
}
