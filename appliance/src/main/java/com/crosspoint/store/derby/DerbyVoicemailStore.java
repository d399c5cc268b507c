package com.crosspoint.store.derby;

import com.crosspoint.model.MailboxCounts;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.store.VoicemailStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

final class DerbyVoicemailStore implements VoicemailStore {
    private static final String COLUMNS = "id, tenant_id, user_id, caller_extension, caller_name, received_at, "
            + "duration_ms, file_name, folder";

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyVoicemailStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    /** The copy returned carries the instant as stored, in whole milliseconds. */
    @Override
    public Voicemail save(Voicemail given) {
        long id = ids.next("voicemail");
        Voicemail v = new Voicemail(id, given.tenantId(), given.userId(), given.callerExtension(), given.callerName(),
                Columns.millis(given.receivedAt()), given.durationMillis(), given.file(), given.folder());
        return tx.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO voicemail (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, v.id());
                insert.setLong(2, v.tenantId());
                insert.setLong(3, v.userId());
                insert.setString(4, v.callerExtension());
                insert.setString(5, v.callerName());
                Columns.setInstant(insert, 6, v.receivedAt());
                insert.setLong(7, v.durationMillis());
                insert.setString(8, v.file());
                Columns.setEnum(insert, 9, v.folder());
                insert.executeUpdate();
                return v;
            }
        });
    }

    @Override
    public Optional<Voicemail> find(long id) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM voicemail WHERE id = ?")) {
                select.setLong(1, id);
                return Queries.first(select, DerbyVoicemailStore::map);
            }
        });
    }

    @Override
    public List<Voicemail> list(long userId, VoicemailFolder folder) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM voicemail "
                    + "WHERE user_id = ? AND folder = ? ORDER BY received_at, id")) {
                select.setLong(1, userId);
                Columns.setEnum(select, 2, folder);
                return Queries.list(select, DerbyVoicemailStore::map);
            }
        });
    }

    @Override
    public List<Voicemail> listAll(long userId) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM voicemail "
                    + "WHERE user_id = ? ORDER BY received_at DESC, id DESC")) {
                select.setLong(1, userId);
                return Queries.list(select, DerbyVoicemailStore::map);
            }
        });
    }

    @Override
    public List<String> allFiles() {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT file_name FROM voicemail")) {
                return Queries.list(select, row -> row.getString(1));
            }
        });
    }

    @Override
    public MailboxCounts counts(long userId) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT "
                    + "SUM(CASE WHEN folder = 'NEW' THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN folder = 'SAVED' THEN 1 ELSE 0 END) FROM voicemail WHERE user_id = ?")) {
                select.setLong(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    // SUM over no rows is NULL, which getInt reads as 0.
                    return new MailboxCounts(row.getInt(1), row.getInt(2));
                }
            }
        });
    }

    @Override
    public boolean move(long id, VoicemailFolder folder) {
        return tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE voicemail SET folder = ? WHERE id = ?")) {
                Columns.setEnum(update, 1, folder);
                update.setLong(2, id);
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean delete(long id) {
        return tx.run(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM voicemail WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<String> pinHash(long userId) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT pin_hash FROM voicemail_pin WHERE user_id = ?")) {
                select.setLong(1, userId);
                return Queries.first(select, row -> row.getString(1));
            }
        });
    }

    /** @throws NoSuchElementException when the user does not exist */
    @Override
    public void setPinHash(long userId, String pinHash) {
        tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE voicemail_pin SET pin_hash = ? WHERE user_id = ?")) {
                update.setString(1, pinHash);
                update.setLong(2, userId);
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement exists = c.prepareStatement("SELECT COUNT(*) FROM app_user WHERE id = ?")) {
                exists.setLong(1, userId);
                if (Queries.count(exists) == 0) {
                    throw new NoSuchElementException("no user " + userId);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO voicemail_pin (user_id, pin_hash) VALUES (?, ?)")) {
                insert.setLong(1, userId);
                insert.setString(2, pinHash);
                insert.executeUpdate();
                return null;
            }
        });
    }

    private static Voicemail map(ResultSet row) throws SQLException {
        return new Voicemail(row.getLong("id"), row.getLong("tenant_id"), row.getLong("user_id"),
                row.getString("caller_extension"), row.getString("caller_name"),
                Columns.getInstant(row, "received_at"), row.getLong("duration_ms"), row.getString("file_name"),
                Columns.getEnum(row, "folder", VoicemailFolder.class));
    }
}
