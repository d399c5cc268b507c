package com.crosspoint.store.derby;

import com.crosspoint.store.StoreException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Derby's side of backups. {@link #copyTo} runs Derby's online backup on the database this process
 * has open: other transactions go on meanwhile, and the copy is consistent as of one instant and
 * boots as it is. {@link #summary} opens a restored copy, migrating it, and counts its rows.
 */
public final class DerbyBackup {
    /** What an operator checks after a restore, with the table each number comes from. */
    private static final Map<String, String> COUNTED = counted();

    private DerbyBackup() {
    }

    private static Map<String, String> counted() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("tenants", "tenant");
        m.put("users", "app_user");
        m.put("devices", "device");
        m.put("call records", "call_record");
        m.put("voicemail messages", "voicemail");
        return m;
    }

    /**
     * Copies the database of {@code dataDir}, which this process has open ({@link DerbyStores#open}),
     * into {@code target/db} while it keeps serving (SYSCS_UTIL.SYSCS_BACKUP_DATABASE).
     */
    public static void copyTo(Path dataDir, Path target) {
        Path db = databaseDirectory(dataDir);
        try (Connection c = dataSource(db).getConnection();
             CallableStatement backup = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
            backup.setString(1, target.toAbsolutePath().toString());
            backup.execute();
        } catch (SQLException e) {
            throw new StoreException("online backup of " + db + " failed", e);
        }
    }

    /**
     * Opens the database of {@code dataDir} as the appliance would (schema migrated to this
     * version), counts what an operator recognises, and shuts it down again.
     *
     * @return e.g. "1 tenants, 4 users, 4 devices, 12 call records, 3 voicemail messages"
     */
    public static String summary(Path dataDir) {
        DerbyStores stores = DerbyStores.open(dataDir);
        try {
            return count(databaseDirectory(dataDir));
        } finally {
            stores.close();
        }
    }

    private static String count(Path db) {
        List<String> parts = new ArrayList<>();
        try (Connection c = dataSource(db).getConnection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> e : COUNTED.entrySet()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + e.getValue())) {
                    rs.next();
                    parts.add(rs.getLong(1) + " " + e.getKey());
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot count the rows of " + db, e);
        }
        return String.join(", ", parts);
    }

    /** The path {@link EmbeddedDatabase} boots, so that Derby finds the database already open. */
    private static Path databaseDirectory(Path dataDir) {
        try {
            return dataDir.toRealPath().resolve("db");
        } catch (IOException e) {
            throw new StoreException("no data directory " + dataDir, e);
        }
    }

    private static EmbeddedDataSource dataSource(Path db) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        return ds;
    }
}
