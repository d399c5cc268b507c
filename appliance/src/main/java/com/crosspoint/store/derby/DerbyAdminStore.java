package com.crosspoint.store.derby;

import com.crosspoint.model.AdminAccount;
import com.crosspoint.model.Role;
import com.crosspoint.store.AdminStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** Accounts of a tenant are deleted with the tenant. */
final class DerbyAdminStore implements AdminStore {
    private static final String COLUMNS = "id, username, password_hash, role, tenant_id";

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyAdminStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public AdminAccount create(String username, String passwordHash, Role role, Long tenantId) {
        long id = ids.next("admin_account");
        return tx.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO admin_account (id, username, "
                    + "password_hash, role, tenant_id) VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, username);
                insert.setString(3, passwordHash);
                Columns.setEnum(insert, 4, role);
                Columns.setLong(insert, 5, tenantId);
                insert.executeUpdate();
                return new AdminAccount(id, username, passwordHash, role, tenantId);
            }
        }, new Transactions.Unique("username", "username " + username + " is already taken"));
    }

    @Override
    public Optional<AdminAccount> findByUsername(String username) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM admin_account WHERE username = ?")) {
                select.setString(1, username);
                return Queries.first(select, DerbyAdminStore::map);
            }
        });
    }

    @Override
    public List<AdminAccount> list() {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM admin_account ORDER BY id")) {
                return Queries.list(select, DerbyAdminStore::map);
            }
        });
    }

    /** @throws NoSuchElementException when no account has the id */
    @Override
    public void updatePasswordHash(long id, String passwordHash) {
        tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE admin_account SET password_hash = ? WHERE id = ?")) {
                update.setString(1, passwordHash);
                update.setLong(2, id);
                if (update.executeUpdate() == 0) {
                    throw new NoSuchElementException("no admin account " + id);
                }
                return null;
            }
        });
    }

    @Override
    public boolean delete(long id) {
        return tx.run(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM admin_account WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static AdminAccount map(ResultSet row) throws SQLException {
        return new AdminAccount(row.getLong("id"), row.getString("username"), row.getString("password_hash"),
                Columns.getEnum(row, "role", Role.class), Columns.getLong(row, "tenant_id"));
    }
}
