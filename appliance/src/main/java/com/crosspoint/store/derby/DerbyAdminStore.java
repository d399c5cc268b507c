package com.crosspoint.store.derby;

import com.crosspoint.model.AdminAccount;
import com.crosspoint.model.Role;
import com.crosspoint.store.AdminStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Accounts of a tenant are deleted with the tenant. */
final class DerbyAdminStore implements AdminStore {
    /** Only the password changes after creation. */
    private static final Table ADMIN = Table.named("admin_account").fixed("username", "role", "tenant_id")
            .columns("password_hash").key("id");

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyAdminStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public AdminAccount create(String username, String passwordHash, Role role, Long tenantId) {
        long id = ids.next("admin_account");
        tx.run(sql -> sql.insert(ADMIN, username, role, tenantId, passwordHash, id),
                new Transactions.Unique("username", "username " + username + " is already taken"));
        return new AdminAccount(id, username, passwordHash, role, tenantId);
    }

    @Override
    public Optional<AdminAccount> findByUsername(String username) {
        return tx.run(sql -> sql.first(ADMIN.select("WHERE username = ?"), DerbyAdminStore::map, username));
    }

    @Override
    public List<AdminAccount> list() {
        return tx.run(sql -> sql.list(ADMIN.select("ORDER BY id"), DerbyAdminStore::map));
    }

    /** @throws NoSuchElementException when no account has the id */
    @Override
    public void updatePasswordHash(long id, String passwordHash) {
        tx.run(sql -> {
            if (sql.update(ADMIN.update(), passwordHash, id) == 0) {
                throw new NoSuchElementException("no admin account " + id);
            }
            return null;
        });
    }

    @Override
    public boolean delete(long id) {
        return tx.run(sql -> sql.update(ADMIN.delete(), id) > 0);
    }

    private static AdminAccount map(ResultSet row) throws SQLException {
        return new AdminAccount(row.getLong("id"), row.getString("username"), row.getString("password_hash"),
                Columns.getEnum(row, "role", Role.class), Columns.getLong(row, "tenant_id"));
    }
}
