package com.crosspoint.store.derby;

import com.crosspoint.model.Device;
import com.crosspoint.store.DeviceStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

final class DerbyDeviceStore implements DeviceStore {
    /** Only the credentials change after creation. */
    private static final Table DEVICE = Table.named("device")
            .fixed("tenant_id", "user_id", "sip_username", "created_at")
            .columns("ha1_md5", "ha1_sha256")
            .key("id");

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
        tx.run(sql -> sql.insert(DEVICE, tenantId, userId, sipUsername, createdAt, ha1Md5, ha1Sha256, id),
                new Transactions.Unique("sipUsername",
                        "SIP username " + sipUsername + " is already taken in tenant " + tenantId));
        return new Device(id, tenantId, userId, sipUsername, ha1Md5, ha1Sha256, createdAt);
    }

    @Override
    public Optional<Device> find(long id) {
        return tx.run(sql -> find(sql, id));
    }

    private static Optional<Device> find(Sql sql, long id) throws SQLException {
        return sql.first(DEVICE.select("WHERE id = ?"), DerbyDeviceStore::map, id);
    }

    @Override
    public Optional<Device> findBySipUsername(long tenantId, String sipUsername) {
        return tx.run(sql -> sql.first(DEVICE.select("WHERE tenant_id = ? AND sip_username = ?"),
                DerbyDeviceStore::map, tenantId, sipUsername));
    }

    @Override
    public List<Device> listByUser(long userId) {
        return tx.run(sql -> sql.list(DEVICE.select("WHERE user_id = ? ORDER BY id"), DerbyDeviceStore::map, userId));
    }

    @Override
    public List<Device> listByTenant(long tenantId) {
        return tx.run(sql -> sql.list(DEVICE.select("WHERE tenant_id = ? ORDER BY id"), DerbyDeviceStore::map,
                tenantId));
    }

    @Override
    public List<Device> listAll() {
        return tx.run(sql -> sql.list(DEVICE.select("ORDER BY id"), DerbyDeviceStore::map));
    }

    /** @throws NoSuchElementException when no device has the id */
    @Override
    public Device updateCredentials(long id, String ha1Md5, String ha1Sha256) {
        return tx.run(sql -> {
            if (sql.update(DEVICE.update(), ha1Md5, ha1Sha256, id) == 0) {
                throw new NoSuchElementException("no device " + id);
            }
            return find(sql, id).orElseThrow();
        });
    }

    @Override
    public boolean delete(long id) {
        return tx.run(sql -> sql.update(DEVICE.delete(), id) > 0);
    }

    private static Device map(ResultSet row) throws SQLException {
        return new Device(row.getLong("id"), row.getLong("tenant_id"), row.getLong("user_id"),
                row.getString("sip_username"), row.getString("ha1_md5"), row.getString("ha1_sha256"),
                Columns.getInstant(row, "created_at"));
    }
}
