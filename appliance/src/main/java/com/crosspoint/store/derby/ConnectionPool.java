package com.crosspoint.store.derby;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.sql.DataSource;

/**
 * Reuses embedded connections between operations: opening one costs about 0.1 ms, several times a
 * simple query. A connection serves one operation at a time; any number may be open, and at most
 * {@code maxIdle} wait for reuse.
 */
final class ConnectionPool {
    private final DataSource dataSource;
    private final int maxIdle;
    /** Last in, first out: the most recently used connection has the warmest caches. */
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    ConnectionPool(DataSource dataSource, int maxIdle) {
        this.dataSource = dataSource;
        this.maxIdle = maxIdle;
    }

    Connection borrow() throws SQLException {
        Connection connection = idle.pollFirst();
        return connection != null ? connection : dataSource.getConnection();
    }

    /** Takes back a connection whose work succeeded; Liquibase, for one, closes its connection. */
    void giveBack(Connection connection) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        if (idle.size() >= maxIdle) {
            connection.close();
        } else {
            idle.addFirst(connection);
        }
    }

    /** Closes a connection whose work failed, rather than reuse it in an unknown state. */
    void discard(Connection connection, Throwable failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Closes the idle connections; callers must have given every borrowed one back. */
    void closeAll() throws SQLException {
        SQLException failure = null;
        for (Connection connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            try {
                connection.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
