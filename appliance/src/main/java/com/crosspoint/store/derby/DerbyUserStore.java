package com.crosspoint.store.derby;

import com.crosspoint.model.CallSettings;
import com.crosspoint.model.User;
import com.crosspoint.store.UserStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

final class DerbyUserStore implements UserStore {
    private static final String COLUMNS = "id, tenant_id, extension, display_name, email, forward_always, "
            + "forward_busy, forward_no_answer, no_answer_seconds, do_not_disturb";

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyUserStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    /** A null {@code settings} stands for {@link CallSettings#defaults()}. */
    @Override
    public User create(long tenantId, String extension, String displayName, String email, CallSettings settings) {
        CallSettings stored = settings == null ? CallSettings.defaults() : settings;
        long id = ids.next("app_user");
        return tx.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO app_user (id, tenant_id, extension, "
                    + "display_name, email, forward_always, forward_busy, forward_no_answer, no_answer_seconds, "
                    + "do_not_disturb) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setLong(2, tenantId);
                insert.setString(3, extension);
                insert.setString(4, displayName);
                insert.setString(5, email);
                setSettings(insert, 6, stored);
                insert.executeUpdate();
                return new User(id, tenantId, extension, displayName, email, stored);
            }
        }, extensionTaken(tenantId, extension));
    }

    @Override
    public Optional<User> find(long id) {
        return tx.run(c -> find(c, id));
    }

    private static Optional<User> find(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user WHERE id = ?")) {
            select.setLong(1, id);
            return Queries.first(select, DerbyUserStore::map);
        }
    }

    @Override
    public Optional<User> findByExtension(long tenantId, String extension) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM app_user WHERE tenant_id = ? AND extension = ?")) {
                select.setLong(1, tenantId);
                select.setString(2, extension);
                return Queries.first(select, DerbyUserStore::map);
            }
        });
    }

    @Override
    public List<User> list(long tenantId) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM app_user WHERE tenant_id = ? ORDER BY id")) {
                select.setLong(1, tenantId);
                return Queries.list(select, DerbyUserStore::map);
            }
        });
    }

    @Override
    public List<User> listAll() {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM app_user ORDER BY id")) {
                return Queries.list(select, DerbyUserStore::map);
            }
        });
    }

    /**
     * Stores extension, names and settings; a user never moves to another tenant.
     *
     * @return the user as stored
     * @throws NoSuchElementException when no user has the id
     */
    @Override
    public User update(User user) {
        CallSettings settings = user.settings() == null ? CallSettings.defaults() : user.settings();
        return tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE app_user SET extension = ?, display_name = ?, "
                    + "email = ?, forward_always = ?, forward_busy = ?, forward_no_answer = ?, "
                    + "no_answer_seconds = ?, do_not_disturb = ? WHERE id = ?")) {
                update.setString(1, user.extension());
                update.setString(2, user.displayName());
                update.setString(3, user.email());
                setSettings(update, 4, settings);
                update.setLong(9, user.id());
                if (update.executeUpdate() == 0) {
                    throw new NoSuchElementException("no user " + user.id());
                }
            }
            return find(c, user.id()).orElseThrow();
        }, extensionTaken(user.tenantId(), user.extension()));
    }

    @Override
    public boolean delete(long id) {
        return tx.run(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM app_user WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** @throws NoSuchElementException when no user has the id */
    @Override
    public void setWebPasswordHash(long userId, String passwordHash) {
        tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE app_user SET web_password_hash = ? WHERE id = ?")) {
                update.setString(1, passwordHash);
                update.setLong(2, userId);
                if (update.executeUpdate() == 0) {
                    throw new NoSuchElementException("no user " + userId);
                }
                return null;
            }
        });
    }

    @Override
    public Optional<String> webPasswordHash(long userId) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT web_password_hash FROM app_user WHERE id = ?")) {
                select.setLong(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    private static Transactions.Unique extensionTaken(long tenantId, String extension) {
        return new Transactions.Unique("extension",
                "extension " + extension + " is already taken in tenant " + tenantId);
    }

    /** Binds the five settings columns from {@code first} on. */
    private static void setSettings(PreparedStatement statement, int first, CallSettings settings)
            throws SQLException {
        statement.setString(first, settings.forwardAlways());
        statement.setString(first + 1, settings.forwardBusy());
        statement.setString(first + 2, settings.forwardNoAnswer());
        statement.setInt(first + 3, settings.noAnswerSeconds());
        statement.setBoolean(first + 4, settings.doNotDisturb());
    }

    private static User map(ResultSet row) throws SQLException {
        CallSettings settings = new CallSettings(row.getString("forward_always"), row.getString("forward_busy"),
                row.getString("forward_no_answer"), row.getInt("no_answer_seconds"),
                row.getBoolean("do_not_disturb"));
        return new User(row.getLong("id"), row.getLong("tenant_id"), row.getString("extension"),
                row.getString("display_name"), row.getString("email"), settings);
    }
}
