package com.crosspoint.store.derby;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct JDBC access to a closed store database, to inspect or tamper with it in tests. */
final class RawDerby {
    private RawDerby() {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Boots the database of {@code dataDir}, runs {@code work} and shuts the database down again. */
    static <T> T with(Path dataDir, Work<T> work) throws IOException, SQLException {
        String url = "jdbc:derby:" + dataDir.toRealPath().resolve("db");
        T result;
        try (Connection connection = DriverManager.getConnection(url)) {
            result = work.run(connection);
        }
        try {
            DriverManager.getConnection(url + ";shutdown=true").close();
            throw new IllegalStateException("Derby did not confirm the shutdown of " + url);
        } catch (SQLException e) {
            if (!"08006".equals(e.getSQLState())) {
                throw e;
            }
        }
        return result;
    }
}
