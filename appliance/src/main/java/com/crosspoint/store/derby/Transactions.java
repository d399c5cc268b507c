package com.crosspoint.store.derby;

import com.crosspoint.store.DuplicateKeyException;
import com.crosspoint.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs store operations as single transactions and turns SQL failures into store exceptions: the
 * one place where SQLState 23505 becomes a {@link DuplicateKeyException}.
 */
final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private static final String DEADLOCK = "40001";
    private static final String UNIQUE_VIOLATION = "23505";
    /** A deadlock victim was rolled back completely, so running it again is safe. */
    private static final int ATTEMPTS = 3;

    /** The statements of one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Sql sql) throws SQLException;
    }

    /** What a unique-constraint violation of an operation means to the API. */
    record Unique(String field, String message) {
    }

    private final EmbeddedDatabase database;

    Transactions(EmbeddedDatabase database) {
        this.database = database;
    }

    <T> T run(Work<T> work) {
        return run(work, null);
    }

    /**
     * Runs {@code work} in a transaction of its own and commits it, or rolls it back on failure; a
     * unique violation becomes {@code unique}'s exception.
     */
    <T> T run(Work<T> work, Unique unique) {
        for (int attempt = 1; ; attempt++) {
            try {
                return database.withConnection(connection -> inTransaction(connection, work));
            } catch (SQLException e) {
                if (!DEADLOCK.equals(e.getSQLState()) || attempt == ATTEMPTS) {
                    throw translate(e, unique);
                }
                LOG.debug("Deadlock victim, running the transaction again (attempt {})", attempt + 1, e);
            }
        }
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(new Sql(connection));
            connection.commit();
            return result;
        } catch (Throwable e) {
            rollback(connection, e);
            throw e;
        }
    }

    private static void rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static StoreException translate(SQLException e, Unique unique) {
        if (unique != null && UNIQUE_VIOLATION.equals(e.getSQLState())) {
            DuplicateKeyException duplicate = new DuplicateKeyException(unique.field(), unique.message());
            // DuplicateKeyException takes no cause; keep the SQL detail for diagnosis anyway
            duplicate.addSuppressed(e);
            return duplicate;
        }
        return new StoreException(e.getMessage() + " (SQLState " + e.getSQLState() + ")", e);
    }
}
