package com.crosspoint.store.derby;

import com.crosspoint.model.Tenant;
import com.crosspoint.store.TenantStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

final class DerbyTenantStore implements TenantStore {
    private static final Table TENANT = Table.named("tenant").columns("name", "domain").key("id");

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyTenantStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public Tenant create(String name, String domain) {
        Tenant tenant = new Tenant(ids.next("tenant"), name, domain);
        tx.run(sql -> sql.insert(TENANT, row(tenant)), domainTaken(domain));
        return tenant;
    }

    @Override
    public Optional<Tenant> find(long id) {
        return tx.run(sql -> sql.first(TENANT.select("WHERE id = ?"), DerbyTenantStore::map, id));
    }

    @Override
    public Optional<Tenant> findByDomain(String domain) {
        return tx.run(sql -> sql.first(TENANT.select("WHERE domain = ?"), DerbyTenantStore::map, domain));
    }

    @Override
    public List<Tenant> list() {
        return tx.run(sql -> sql.list(TENANT.select("ORDER BY id"), DerbyTenantStore::map));
    }

    /** @throws NoSuchElementException when no tenant has the id */
    @Override
    public Tenant update(Tenant tenant) {
        tx.run(sql -> {
            if (sql.update(TENANT, row(tenant)) == 0) {
                throw new NoSuchElementException("no tenant " + tenant.id());
            }
            return null;
        }, domainTaken(tenant.domain()));
        return tenant;
    }

    @Override
    public boolean delete(long id) {
        return tx.run(sql -> sql.update(TENANT.delete(), id) > 0);
    }

    private static Transactions.Unique domainTaken(String domain) {
        return new Transactions.Unique("domain", "domain " + domain + " is already taken");
    }

    private static Object[] row(Tenant t) {
        return new Object[] {t.name(), t.domain(), t.id()};
    }

    private static Tenant map(ResultSet row) throws SQLException {
        return new Tenant(row.getLong("id"), row.getString("name"), row.getString("domain"));
    }
}
