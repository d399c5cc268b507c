package com.crosspoint.store.derby;

import static com.crosspoint.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.AdminAccount;
import com.crosspoint.model.Binding;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Device;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.InstantMessage;
import com.crosspoint.model.Role;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.store.CdrStore.CdrFilter;
import com.crosspoint.store.StoreException;
import com.crosspoint.store.StoreFixtures;
import com.crosspoint.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Lifecycle of the database: durability across restarts, schema upgrades, exclusive opening. */
class DerbyStoresTest {
    @TempDir
    Path dataDir;

    /** Everything the stores hold, read back through the API. */
    record Snapshot(List<Tenant> tenants, List<User> users, List<String> webPasswords, List<Device> devices,
                    List<Binding> bindings, List<InstantMessage> messages, List<InstantMessage> pending,
                    List<CallRecord> calls, List<AdminAccount> admins) {

        static Snapshot of(Stores stores) {
            List<Tenant> tenants = stores.tenants().list();
            List<InstantMessage> messages = new ArrayList<>();
            List<InstantMessage> pending = new ArrayList<>();
            List<CallRecord> calls = new ArrayList<>();
            List<String> webPasswords = new ArrayList<>();
            for (Tenant tenant : tenants) {
                messages.addAll(stores.messages().history(tenant.id(), null, null, 0, 1000));
                pending.addAll(stores.messages().pendingFor(tenant.id(), "200"));
                calls.addAll(stores.cdrs().search(tenant.id(), CdrFilter.any(), 0, 1000));
            }
            for (User user : stores.users().listAll()) {
                webPasswords.add(stores.users().webPasswordHash(user.id()).orElse("-"));
            }
            return new Snapshot(tenants, stores.users().listAll(), webPasswords, stores.devices().listAll(),
                    stores.bindings().listAll(), messages, pending, calls, stores.admins().list());
        }
    }

    private static void fill(Stores stores) {
        for (int t = 0; t < 2; t++) {
            Tenant tenant = StoreFixtures.tenant(stores);
            User ann = stores.users().create(tenant.id(), "200", "Ann", "ann@example.com",
                    new CallSettings("201", null, "202", 25, true));
            User bob = StoreFixtures.user(stores, tenant);
            stores.users().setWebPasswordHash(ann.id(), "$argon2id$ann");
            Device desk = StoreFixtures.device(stores, ann);
            Device mobile = StoreFixtures.device(stores, bob);
            stores.bindings().apply(List.of(
                    StoreFixtures.binding(tenant, ann, desk, "sip:%00@host5.example.com;transport=tcp"),
                    StoreFixtures.binding(tenant, bob, mobile, "sip:bob@[2001:db8::1]:5070")), List.of());
            stores.messages().save(StoreFixtures.message(tenant, bob.extension(), "200", T0));
            InstantMessage read = stores.messages().save(StoreFixtures.message(tenant, "200", bob.extension(),
                    T0.plusSeconds(1)));
            stores.messages().markDelivered(read.id(), T0.plusSeconds(2));
            stores.cdrs().save(StoreFixtures.call(tenant, "200", bob.extension(), T0, Disposition.ANSWERED));
            stores.cdrs().save(StoreFixtures.call(tenant, bob.extension(), "200", T0.plusSeconds(9),
                    Disposition.NO_ANSWER));
            stores.admins().create(StoreFixtures.unique("admin"), "$2a$admin", Role.ADMIN, tenant.id());
        }
        stores.admins().create(StoreFixtures.unique("root"), "$2a$root", Role.SUPERADMIN, null);
    }

    @Test
    void everythingSurvivesCloseAndReopen() {
        Snapshot before;
        long lastTenantId;
        try (DerbyStores stores = DerbyStores.open(dataDir)) {
            fill(stores);
            before = Snapshot.of(stores);
            lastTenantId = before.tenants().get(1).id();
        }

        try (DerbyStores stores = DerbyStores.open(dataDir)) {
            assertThat(Snapshot.of(stores)).isEqualTo(before);
            assertThat(before.bindings()).hasSize(4);
            assertThat(before.pending()).hasSize(2);
            assertThat(StoreFixtures.tenant(stores).id()).isGreaterThan(lastTenantId);
        }
    }

    @Test
    void reopeningAnUpToDateDatabaseRunsNoChangeSetAndKeepsEveryRow() throws Exception {
        Snapshot before;
        try (DerbyStores stores = DerbyStores.open(dataDir)) {
            fill(stores);
            before = Snapshot.of(stores);
        }
        List<String> applied = RawDerby.with(dataDir, DerbyStoresTest::changeLog);

        try (DerbyStores stores = DerbyStores.open(dataDir)) {
            assertThat(Snapshot.of(stores)).isEqualTo(before);
        }

        assertThat(applied).isNotEmpty().allMatch(row -> row.endsWith("EXECUTED"));
        assertThat(RawDerby.with(dataDir, DerbyStoresTest::changeLog)).isEqualTo(applied);
    }

    @Test
    void openingADatabaseOfAnOlderVersionAppliesTheMissingChangeSetsAndKeepsEveryRow() throws Exception {
        Snapshot before;
        try (DerbyStores stores = DerbyStores.open(dataDir)) {
            fill(stores);
            before = Snapshot.of(stores);
        }
        // make it a database from before admin accounts existed
        RawDerby.with(dataDir, c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DROP TABLE admin_account");
                return s.executeUpdate("DELETE FROM databasechangelog WHERE id = '0001-admin-account'");
            }
        });

        try (DerbyStores stores = DerbyStores.open(dataDir)) {
            Snapshot after = Snapshot.of(stores);
            assertThat(after.admins()).isEmpty();
            assertThat(after).isEqualTo(new Snapshot(before.tenants(), before.users(), before.webPasswords(),
                    before.devices(), before.bindings(), before.messages(), before.pending(), before.calls(),
                    List.of()));
            AdminAccount root = stores.admins().create("root", "hash", Role.SUPERADMIN, null);
            assertThat(stores.admins().findByUsername("root")).contains(root);
        }
    }

    /** Without the release Liquibase would wait five minutes for a lock nobody holds. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aMigrationLockLeftByACrashIsReleased() throws Exception {
        DerbyStores.open(dataDir).close();
        RawDerby.with(dataDir, c -> {
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("UPDATE databasechangeloglock SET locked = TRUE, "
                        + "lockgranted = CURRENT_TIMESTAMP, lockedby = 'crashed process'");
            }
        });

        try (DerbyStores stores = DerbyStores.open(dataDir)) {
            assertThat(stores.tenants().list()).isEmpty();
        }
        int held = RawDerby.with(dataDir, c -> {
            try (Statement s = c.createStatement();
                 ResultSet row = s.executeQuery("SELECT COUNT(*) FROM databasechangeloglock WHERE locked")) {
                row.next();
                return row.getInt(1);
            }
        });
        assertThat(held).isZero();
    }

    @Test
    void aDatabaseOpensOnlyOncePerProcess() throws Exception {
        Path data = Files.createDirectory(dataDir.resolve("data"));
        Path link = Files.createSymbolicLink(dataDir.resolve("link"), data);
        try (DerbyStores stores = DerbyStores.open(data)) {
            assertThatThrownBy(() -> DerbyStores.open(data)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> DerbyStores.open(link)).isInstanceOf(IllegalStateException.class);

            assertThat(stores.tenants().list()).isEmpty();
        }
        DerbyStores.open(link).close();
    }

    @Test
    void operationsAfterCloseFailAndCloseIsIdempotent() {
        DerbyStores stores = DerbyStores.open(dataDir);
        stores.close();
        stores.close();

        assertThatThrownBy(() -> stores.tenants().list()).isInstanceOf(StoreException.class);
    }

    /** derby.log belongs to the engine, so it lies beside the first database the process opened. */
    @Test
    void derbyLogIsKeptOutOfTheWorkingDirectory() {
        DerbyStores.open(dataDir).close();

        Path log = Path.of(System.getProperty("derby.stream.error.file"));
        assertThat(log).isAbsolute().hasFileName("derby.log");
        assertThat(log.getParent()).isNotEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void aFileIsNoDataDirectory() throws Exception {
        Path file = Files.writeString(dataDir.resolve("file"), "not a directory");

        assertThatThrownBy(() -> DerbyStores.open(file)).isInstanceOf(StoreException.class);
    }

    private static List<String> changeLog(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id, filename, md5sum, dateexecuted, exectype FROM databasechangelog ORDER BY orderexecuted");
             ResultSet rows = select.executeQuery()) {
            List<String> applied = new ArrayList<>();
            while (rows.next()) {
                applied.add(String.join(" ", rows.getString(1), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getString(5)));
            }
            return applied;
        }
    }
}
