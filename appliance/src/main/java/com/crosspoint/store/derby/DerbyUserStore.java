package com.crosspoint.store.derby;

import com.crosspoint.model.CallSettings;
import com.crosspoint.model.User;
import com.crosspoint.store.UserStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

final class DerbyUserStore implements UserStore {
    /** {@code web_password_hash} is not part of a user: it is read and written on its own. */
    private static final Table USER = Table.named("app_user").fixed("tenant_id")
            .columns("extension", "display_name", "email", "forward_always", "forward_busy", "forward_no_answer",
                    "no_answer_seconds", "do_not_disturb", "dnd_voicemail")
            .key("id");

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyUserStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    /** A null {@code settings} stands for {@link CallSettings#defaults()}. */
    @Override
    public User create(long tenantId, String extension, String displayName, String email, CallSettings settings) {
        User user = new User(ids.next("app_user"), tenantId, extension, displayName, email,
                settings == null ? CallSettings.defaults() : settings);
        tx.run(sql -> sql.insert(USER, row(user)), extensionTaken(tenantId, extension));
        return user;
    }

    @Override
    public Optional<User> find(long id) {
        return tx.run(sql -> find(sql, id));
    }

    private static Optional<User> find(Sql sql, long id) throws SQLException {
        return sql.first(USER.select("WHERE id = ?"), DerbyUserStore::map, id);
    }

    @Override
    public Optional<User> findByExtension(long tenantId, String extension) {
        return tx.run(sql -> sql.first(USER.select("WHERE tenant_id = ? AND extension = ?"), DerbyUserStore::map,
                tenantId, extension));
    }

    @Override
    public List<User> list(long tenantId) {
        return tx.run(sql -> sql.list(USER.select("WHERE tenant_id = ? ORDER BY id"), DerbyUserStore::map, tenantId));
    }

    @Override
    public List<User> listAll() {
        return tx.run(sql -> sql.list(USER.select("ORDER BY id"), DerbyUserStore::map));
    }

    /**
     * Stores extension, names and settings; a user never moves to another tenant.
     *
     * @return the user as stored
     * @throws NoSuchElementException when no user has the id
     */
    @Override
    public User update(User user) {
        return tx.run(sql -> {
            if (sql.update(USER, row(user)) == 0) {
                throw new NoSuchElementException("no user " + user.id());
            }
            return find(sql, user.id()).orElseThrow();
        }, extensionTaken(user.tenantId(), user.extension()));
    }

    @Override
    public boolean delete(long id) {
        return tx.run(sql -> sql.update(USER.delete(), id) > 0);
    }

    /** @throws NoSuchElementException when no user has the id */
    @Override
    public void setWebPasswordHash(long userId, String passwordHash) {
        tx.run(sql -> {
            if (sql.update("UPDATE app_user SET web_password_hash = ? WHERE id = ?", passwordHash, userId) == 0) {
                throw new NoSuchElementException("no user " + userId);
            }
            return null;
        });
    }

    @Override
    public Optional<String> webPasswordHash(long userId) {
        return tx.run(sql -> sql.first("SELECT web_password_hash FROM app_user WHERE id = ?", row -> row.getString(1),
                userId));
    }

    private static Transactions.Unique extensionTaken(long tenantId, String extension) {
        return new Transactions.Unique("extension",
                "extension " + extension + " is already taken in tenant " + tenantId);
    }

    /** A null settings stands for {@link CallSettings#defaults()}. */
    private static Object[] row(User u) {
        CallSettings s = u.settings() == null ? CallSettings.defaults() : u.settings();
        return new Object[] {u.tenantId(), u.extension(), u.displayName(), u.email(), s.forwardAlways(),
                s.forwardBusy(), s.forwardNoAnswer(), s.noAnswerSeconds(), s.doNotDisturb(), s.dndToVoicemail(), u.id()};
    }

    private static User map(ResultSet row) throws SQLException {
        CallSettings settings = new CallSettings(row.getString("forward_always"), row.getString("forward_busy"),
                row.getString("forward_no_answer"), row.getInt("no_answer_seconds"),
                row.getBoolean("do_not_disturb"), row.getBoolean("dnd_voicemail"));
        return new User(row.getLong("id"), row.getLong("tenant_id"), row.getString("extension"),
                row.getString("display_name"), row.getString("email"), settings);
    }
}
