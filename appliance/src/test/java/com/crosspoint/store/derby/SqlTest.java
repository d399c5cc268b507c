package com.crosspoint.store.derby;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.store.DuplicateKeyException;
import com.crosspoint.store.StoreException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statement helper and its transactions, on a scratch table of a real embedded database. */
class SqlTest {
    private static final Table THING = Table.named("thing").fixed("name")
            .columns("seen_at", "kind", "amount", "flag", "count").key("id");
    private static final Instant T = Instant.parse("2026-03-01T10:15:30.123Z");

    enum Kind { ROUND, SQUARE }

    record Thing(long id, String name, Instant seenAt, Kind kind, BigDecimal amount, Boolean flag, Integer count) {
        Object[] row() {
            return new Object[] {name, seenAt, kind, amount, flag, count, id};
        }
    }

    @TempDir
    static Path dataDir;
    private static EmbeddedDatabase database;
    private static Transactions tx;

    /** One database for the class: booting Derby takes seconds. */
    @BeforeAll
    static void createScratchTable() throws SQLException {
        database = EmbeddedDatabase.boot(dataDir);
        database.withConnection(c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("CREATE TABLE thing (id BIGINT PRIMARY KEY, name VARCHAR(20) NOT NULL UNIQUE, "
                        + "seen_at BIGINT, kind VARCHAR(10), amount DECIMAL(5, 2), flag BOOLEAN, count INT)");
            }
        });
        tx = new Transactions(database);
    }

    @BeforeEach
    void emptyScratchTable() {
        tx.run(sql -> sql.update("DELETE FROM thing"));
    }

    @AfterAll
    static void shutDown() {
        database.shutdown();
    }

    private static Thing map(ResultSet row) throws SQLException {
        return new Thing(row.getLong("id"), row.getString("name"), Columns.getInstant(row, "seen_at"),
                Columns.getEnum(row, "kind", Kind.class), row.getBigDecimal("amount"),
                (Boolean) row.getObject("flag"), (Integer) row.getObject("count"));
    }

    private static Optional<Thing> find(long id) {
        return tx.run(sql -> sql.first(THING.select("WHERE id = ?"), SqlTest::map, id));
    }

    @Test
    void instantsEnumsAndNullsGoInAndComeBackAsTheyWere() {
        Thing full = new Thing(1, "full", T, Kind.SQUARE, new BigDecimal("4.25"), true, 7);
        Thing empty = new Thing(2, "empty", null, null, null, null, null);

        tx.run(sql -> sql.insert(THING, full.row()) + sql.insert(THING, empty.row()));

        assertThat(find(1)).contains(full);
        assertThat(find(2)).contains(empty);
        String stored = tx.run(sql -> sql.one("SELECT seen_at, kind FROM thing WHERE id = 1",
                row -> row.getLong(1) + " " + row.getString(2)));
        assertThat(stored).isEqualTo(T.toEpochMilli() + " SQUARE");
    }

    @Test
    void anUpdateFromARowLeavesTheFixedColumnsAlone() {
        tx.run(sql -> sql.insert(THING, new Thing(1, "first", T, Kind.ROUND, null, false, 1).row()));
        Thing changed = new Thing(1, "renamed", T.plusSeconds(1), Kind.SQUARE, BigDecimal.ONE.setScale(2), true, 2);

        int updated = tx.run(sql -> sql.update(THING, changed.row()));
        int missing = tx.run(sql -> sql.update(THING, new Thing(9, "x", null, null, null, null, null).row()));

        assertThat(updated).isEqualTo(1);
        assertThat(missing).isZero();
        assertThat(find(1)).contains(new Thing(1, "first", changed.seenAt(), changed.kind(), changed.amount(),
                changed.flag(), changed.count()));
    }

    @Test
    void firstIsEmptyWithoutARowAndForANullColumn() {
        tx.run(sql -> sql.insert(THING, new Thing(1, "nameless-kind", null, null, null, null, null).row()));

        Optional<String> kind = tx.run(sql -> sql.first("SELECT kind FROM thing WHERE id = ?",
                row -> row.getString(1), 1));

        assertThat(find(2)).isEmpty();
        assertThat(kind).isEmpty();
    }

    @Test
    void anAggregateWithoutARowIsAStoreError() {
        assertThatThrownBy(() -> tx.run(sql -> sql.one("SELECT id FROM thing", row -> row.getLong(1))))
                .isInstanceOf(StoreException.class).hasMessageContaining("no row");
        assertThat(count()).isZero();
    }

    private static long count() {
        return tx.run(sql -> sql.count("SELECT COUNT(*) FROM thing"));
    }

    @Test
    void aRowOfTheWrongWidthIsRefusedBeforeAnyStatement() {
        assertThatThrownBy(() -> tx.run(sql -> sql.insert(THING, "short", 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 columns, not 2");
    }

    @Test
    void aUniqueViolationIsADuplicateKeyOnlyWhereTheOperationNamesTheField() {
        tx.run(sql -> sql.insert(THING, new Thing(1, "taken", null, null, null, null, null).row()));
        Object[] clash = new Thing(2, "taken", null, null, null, null, null).row();

        assertThatThrownBy(() -> tx.run(sql -> sql.insert(THING, clash), new Transactions.Unique("name", "taken")))
                .isInstanceOfSatisfying(DuplicateKeyException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> tx.run(sql -> sql.insert(THING, clash)))
                .isInstanceOf(StoreException.class).isNotInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("23505");
    }

    @Test
    void aFailingStatementRollsBackTheStatementsBeforeIt() {
        assertThatThrownBy(() -> tx.run(sql -> {
            sql.insert(THING, new Thing(1, "one", null, null, null, null, null).row());
            return sql.insert(THING, new Thing(2, "one", null, null, null, null, null).row());
        })).isInstanceOf(StoreException.class);

        assertThat(count()).isZero();
    }

    @Test
    void aBatchTellsTheRowsChangedPerItem() {
        tx.run(sql -> sql.insertAll(THING, List.of(new Thing(1, "a", null, null, null, null, null).row(),
                new Thing(2, "b", T, Kind.ROUND, null, null, 3).row())));

        int[] counts = tx.run(sql -> sql.batch("UPDATE thing SET count = ? WHERE id = ?", List.of(2L, 5L, 1L),
                (statement, id) -> {
                    statement.setInt(1, 40);
                    statement.setLong(2, id);
                }));

        List<String> rows = tx.run(sql -> sql.list("SELECT id, count FROM thing ORDER BY id",
                row -> row.getLong(1) + "=" + row.getInt(2)));

        assertThat(counts).containsExactly(1, 0, 1);
        assertThat(rows).containsExactly("1=40", "2=40");
    }
}
