package com.crosspoint.store.derby;

import com.crosspoint.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * One booted embedded Derby database: lends each operation a connection of its own (JDBC
 * connections must not be shared between threads) and shuts the database down.
 */
final class EmbeddedDatabase {
    /** About the number of threads that use the stores at once. */
    private static final int MAX_IDLE_CONNECTIONS = 16;
    private static final String SHUTDOWN_OK = "08006";
    private static final String ERROR_FILE_PROPERTY = "derby.stream.error.file";

    /**
     * Database directories booted by this JVM. Two handles on one directory would share the
     * engine's database, and closing one would shut it down under the other.
     */
    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    private final Path dbDir;
    private final ConnectionPool connections;
    /** Operations hold the read lock, so shutdown waits for them and none can boot the database again. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private EmbeddedDatabase(Path dbDir) {
        this.dbDir = dbDir;
        this.connections = new ConnectionPool(dataSource(dbDir), MAX_IDLE_CONNECTIONS);
    }

    /** Boots the database in {@code dataDir/db}, creating it when absent. */
    static EmbeddedDatabase boot(Path dataDir) {
        Path home = createDirectory(dataDir);
        Path dbDir = home.resolve("db");
        if (!OPEN.add(dbDir)) {
            throw new IllegalStateException("database already open in this process: " + dbDir);
        }
        try {
            keepDerbyLogIn(home);
            EmbeddedDataSource create = dataSource(dbDir);
            create.setCreateDatabase("create");
            try (Connection connection = create.getConnection()) {
                shortenLockWaits(connection);
            }
            return new EmbeddedDatabase(dbDir);
        } catch (SQLException | RuntimeException e) {
            OPEN.remove(dbDir);
            throw new StoreException("cannot open database " + dbDir, e);
        }
    }

    /** The real path, so that two spellings of one directory are recognised as the same database. */
    private static Path createDirectory(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            return dataDir.toRealPath();
        } catch (IOException e) {
            throw new StoreException("cannot create data directory " + dataDir, e);
        }
    }

    /**
     * derby.log is per engine, not per database, and the engine reads the setting once when it
     * boots; an explicit -D setting wins.
     */
    private static void keepDerbyLogIn(Path dataDir) {
        if (System.getProperty(ERROR_FILE_PROPERTY) == null) {
            System.setProperty(ERROR_FILE_PROPERTY, dataDir.resolve("derby.log").toString());
        }
    }

    /**
     * Derby looks for deadlocks only after 20 s of waiting and gives up on a lock after 60 s; a
     * registrar commit must not stall that long. Deadlock victims are retried by {@link Transactions}.
     */
    private static void shortenLockWaits(Connection connection) throws SQLException {
        try (CallableStatement set = connection.prepareCall(
                "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY(?, ?)")) {
            set.setString(1, "derby.locks.deadlockTimeout");
            set.setString(2, "1");
            set.execute();
            set.setString(1, "derby.locks.waitTimeout");
            set.setString(2, "10");
            set.execute();
        }
    }

    private static EmbeddedDataSource dataSource(Path dbDir) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dbDir.toString());
        return ds;
    }

    Path directory() {
        return dbDir;
    }

    /** Work on a borrowed connection, which it must not close unless it is done with it for good. */
    @FunctionalInterface
    interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} on a connection no other thread uses meanwhile. The work must leave no
     * transaction open; a connection it closed (Liquibase closes its own) is not reused.
     */
    <T> T withConnection(ConnectionWork<T> work) throws SQLException {
        lifecycle.readLock().lock();
        try {
            if (closed) {
                throw new StoreException("database is closed: " + dbDir, null);
            }
            Connection connection = connections.borrow();
            T result;
            try {
                result = work.run(connection);
            } catch (Throwable e) {
                connections.discard(connection, e);
                throw e;
            }
            connections.giveBack(connection);
            return result;
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Waits for running operations, then shuts the database down cleanly; idempotent. */
    void shutdown() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            StoreException failure = null;
            try {
                connections.closeAll();
            } catch (SQLException e) {
                failure = new StoreException("cannot close the connections to " + dbDir, e);
            }
            try {
                stopDerby();
            } catch (StoreException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                throw e;
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            OPEN.remove(dbDir);
            lifecycle.writeLock().unlock();
        }
    }

    /** Derby confirms a clean shutdown of one database with an exception of SQLState 08006. */
    private void stopDerby() {
        EmbeddedDataSource ds = dataSource(dbDir);
        ds.setShutdownDatabase("shutdown");
        try {
            ds.getConnection().close();
        } catch (SQLException e) {
            if (SHUTDOWN_OK.equals(e.getSQLState())) {
                return;
            }
            throw new StoreException("shutdown of " + dbDir + " failed", e);
        }
        throw new StoreException("Derby did not confirm the shutdown of " + dbDir, null);
    }
}
