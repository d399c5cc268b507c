package com.crosspoint.store.derby;

import com.crosspoint.model.Tenant;
import com.crosspoint.store.TenantStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

final class DerbyTenantStore implements TenantStore {
    private static final String COLUMNS = "id, name, domain";

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyTenantStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public Tenant create(String name, String domain) {
        long id = ids.next("tenant");
        return tx.run(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO tenant (id, name, domain) VALUES (?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, name);
                insert.setString(3, domain);
                insert.executeUpdate();
                return new Tenant(id, name, domain);
            }
        }, domainTaken(domain));
    }

    @Override
    public Optional<Tenant> find(long id) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM tenant WHERE id = ?")) {
                select.setLong(1, id);
                return Queries.first(select, DerbyTenantStore::map);
            }
        });
    }

    @Override
    public Optional<Tenant> findByDomain(String domain) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM tenant WHERE domain = ?")) {
                select.setString(1, domain);
                return Queries.first(select, DerbyTenantStore::map);
            }
        });
    }

    @Override
    public List<Tenant> list() {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM tenant ORDER BY id")) {
                return Queries.list(select, DerbyTenantStore::map);
            }
        });
    }

    /** @throws NoSuchElementException when no tenant has the id */
    @Override
    public Tenant update(Tenant tenant) {
        return tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE tenant SET name = ?, domain = ? WHERE id = ?")) {
                update.setString(1, tenant.name());
                update.setString(2, tenant.domain());
                update.setLong(3, tenant.id());
                if (update.executeUpdate() == 0) {
                    throw new NoSuchElementException("no tenant " + tenant.id());
                }
                return tenant;
            }
        }, domainTaken(tenant.domain()));
    }

    @Override
    public boolean delete(long id) {
        return tx.run(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM tenant WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static Transactions.Unique domainTaken(String domain) {
        return new Transactions.Unique("domain", "domain " + domain + " is already taken");
    }

    private static Tenant map(ResultSet row) throws SQLException {
        return new Tenant(row.getLong("id"), row.getString("name"), row.getString("domain"));
    }
}
