package com.crosspoint.store.derby;

import com.crosspoint.model.Carrier;
import com.crosspoint.model.CarrierCredentials;
import com.crosspoint.model.CarrierTransport;
import com.crosspoint.store.CarrierStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Carriers in {@code carrier}; their decks go with them through ON DELETE CASCADE. */
final class DerbyCarrierStore implements CarrierStore {
    private static final Table CARRIER = Table.named("carrier")
            .columns("name", "host", "port", "transport", "auth_username", "auth_password", "tech_prefix",
                    "max_channels", "max_calls_per_second", "in_service")
            .key("id");

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyCarrierStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public Carrier create(Carrier given) {
        Carrier carrier = given.withId(ids.next("carrier"));
        tx.run(sql -> sql.insert(CARRIER, row(carrier)), nameTaken(carrier));
        return carrier;
    }

    @Override
    public Optional<Carrier> find(long id) {
        return tx.run(sql -> sql.first(CARRIER.select("WHERE id = ?"), DerbyCarrierStore::map, id));
    }

    @Override
    public Optional<Carrier> findByName(String name) {
        return tx.run(sql -> sql.first(CARRIER.select("WHERE name = ?"), DerbyCarrierStore::map, name));
    }

    @Override
    public List<Carrier> list() {
        return tx.run(sql -> sql.list(CARRIER.select("ORDER BY name"), DerbyCarrierStore::map));
    }

    /** @throws NoSuchElementException when no carrier has the id */
    @Override
    public Carrier update(Carrier carrier) {
        tx.run(sql -> {
            if (sql.update(CARRIER, row(carrier)) == 0) {
                throw new NoSuchElementException("no carrier " + carrier.id());
            }
            return null;
        }, nameTaken(carrier));
        return carrier;
    }

    @Override
    public boolean setInService(long id, boolean inService) {
        return tx.run(sql -> sql.update("UPDATE carrier SET in_service = ? WHERE id = ?", inService, id) > 0);
    }

    @Override
    public boolean delete(long id) {
        return tx.run(sql -> sql.update(CARRIER.delete(), id) > 0);
    }

    private static Transactions.Unique nameTaken(Carrier carrier) {
        return new Transactions.Unique("name", "a carrier named " + carrier.name() + " already exists");
    }

    private static Object[] row(Carrier c) {
        CarrierCredentials credentials = c.credentials();
        return new Object[] {c.name(), c.host(), c.port(), c.transport(),
                credentials == null ? null : credentials.username(), credentials == null ? null : credentials.password(),
                c.techPrefix(), c.maxChannels(), c.maxCallsPerSecond(), c.inService(), c.id()};
    }

    private static Carrier map(ResultSet row) throws SQLException {
        String username = row.getString("auth_username");
        CarrierCredentials credentials = username == null ? null
                : new CarrierCredentials(username, row.getString("auth_password"));
        return new Carrier(row.getLong("id"), row.getString("name"), row.getString("host"), row.getInt("port"),
                Columns.getEnum(row, "transport", CarrierTransport.class), credentials, row.getString("tech_prefix"),
                row.getInt("max_channels"), row.getInt("max_calls_per_second"), row.getBoolean("in_service"));
    }
}
