package com.crosspoint.store.derby;

import com.crosspoint.model.Device;
import com.crosspoint.store.DeviceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

final class DerbyDeviceStore implements DeviceStore {
    private static final String COLUMNS = "id, tenant_id, user_id, sip_username, ha1_md5, ha1_sha256, created_at";

    private final Transactions tx;
    private final IdBlocks ids;
    private final Clock clock;

    DerbyDeviceStore(Transactions tx, IdBlocks ids, Clock clock) {
        this.tx = tx;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Device create(long tenantId, long userId, String sipUsername, String ha1Md5, String ha1Sha256) {
        // as stored, so that the returned device equals a later read
        Instant createdAt = Columns.millis(clock.instant());
        long id = ids.next("device");
        return tx.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO device (id, tenant_id, user_id, "
                    + "sip_username, ha1_md5, ha1_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setLong(2, tenantId);
                insert.setLong(3, userId);
                insert.setString(4, sipUsername);
                insert.setString(5, ha1Md5);
                insert.setString(6, ha1Sha256);
                Columns.setInstant(insert, 7, createdAt);
                insert.executeUpdate();
                return new Device(id, tenantId, userId, sipUsername, ha1Md5, ha1Sha256, createdAt);
            }
        }, new Transactions.Unique("sipUsername",
                "SIP username " + sipUsername + " is already taken in tenant " + tenantId));
    }

    @Override
    public Optional<Device> find(long id) {
        return tx.run(c -> find(c, id));
    }

    private static Optional<Device> find(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM device WHERE id = ?")) {
            select.setLong(1, id);
            return Queries.first(select, DerbyDeviceStore::map);
        }
    }

    @Override
    public Optional<Device> findBySipUsername(long tenantId, String sipUsername) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM device WHERE tenant_id = ? AND sip_username = ?")) {
                select.setLong(1, tenantId);
                select.setString(2, sipUsername);
                return Queries.first(select, DerbyDeviceStore::map);
            }
        });
    }

    @Override
    public List<Device> listByUser(long userId) {
        return listWhere("user_id = ?", userId);
    }

    @Override
    public List<Device> listByTenant(long tenantId) {
        return listWhere("tenant_id = ?", tenantId);
    }

    private List<Device> listWhere(String condition, long value) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM device WHERE " + condition + " ORDER BY id")) {
                select.setLong(1, value);
                return Queries.list(select, DerbyDeviceStore::map);
            }
        });
    }

    @Override
    public List<Device> listAll() {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM device ORDER BY id")) {
                return Queries.list(select, DerbyDeviceStore::map);
            }
        });
    }

    /** @throws NoSuchElementException when no device has the id */
    @Override
    public Device updateCredentials(long id, String ha1Md5, String ha1Sha256) {
        return tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE device SET ha1_md5 = ?, ha1_sha256 = ? WHERE id = ?")) {
                update.setString(1, ha1Md5);
                update.setString(2, ha1Sha256);
                update.setLong(3, id);
                if (update.executeUpdate() == 0) {
                    throw new NoSuchElementException("no device " + id);
                }
            }
            return find(c, id).orElseThrow();
        });
    }

    @Override
    public boolean delete(long id) {
        return tx.run(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM device WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static Device map(ResultSet row) throws SQLException {
        return new Device(row.getLong("id"), row.getLong("tenant_id"), row.getLong("user_id"),
                row.getString("sip_username"), row.getString("ha1_md5"), row.getString("ha1_sha256"),
                Columns.getInstant(row, "created_at"));
    }
}
