package com.crosspoint.store.derby;

import com.crosspoint.model.MailboxCounts;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.store.VoicemailStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

final class DerbyVoicemailStore implements VoicemailStore {
    /** A message only moves between folders once saved. */
    private static final Table VOICEMAIL = Table.named("voicemail")
            .fixed("tenant_id", "user_id", "caller_extension", "caller_name", "received_at", "duration_ms", "file_name")
            .columns("folder")
            .key("id");

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyVoicemailStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    /** The copy returned carries the instant as stored, in whole milliseconds. */
    @Override
    public Voicemail save(Voicemail given) {
        Voicemail v = new Voicemail(ids.next("voicemail"), given.tenantId(), given.userId(), given.callerExtension(),
                given.callerName(), Columns.millis(given.receivedAt()), given.durationMillis(), given.file(),
                given.folder());
        tx.run(sql -> sql.insert(VOICEMAIL, v.tenantId(), v.userId(), v.callerExtension(), v.callerName(),
                v.receivedAt(), v.durationMillis(), v.file(), v.folder(), v.id()));
        return v;
    }

    @Override
    public Optional<Voicemail> find(long id) {
        return tx.run(sql -> sql.first(VOICEMAIL.select("WHERE id = ?"), DerbyVoicemailStore::map, id));
    }

    @Override
    public List<Voicemail> list(long userId, VoicemailFolder folder) {
        return tx.run(sql -> sql.list(VOICEMAIL.select("WHERE user_id = ? AND folder = ? ORDER BY received_at, id"),
                DerbyVoicemailStore::map, userId, folder));
    }

    @Override
    public List<Voicemail> listAll(long userId) {
        return tx.run(sql -> sql.list(VOICEMAIL.select("WHERE user_id = ? ORDER BY received_at DESC, id DESC"),
                DerbyVoicemailStore::map, userId));
    }

    @Override
    public List<String> allFiles() {
        return tx.run(sql -> sql.list("SELECT file_name FROM voicemail", row -> row.getString(1)));
    }

    @Override
    public MailboxCounts counts(long userId) {
        // SUM over no rows is NULL, which getInt reads as 0.
        return tx.run(sql -> sql.one("SELECT SUM(CASE WHEN folder = 'NEW' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN folder = 'SAVED' THEN 1 ELSE 0 END) FROM voicemail WHERE user_id = ?",
                row -> new MailboxCounts(row.getInt(1), row.getInt(2)), userId));
    }

    @Override
    public boolean move(long id, VoicemailFolder folder) {
        return tx.run(sql -> sql.update(VOICEMAIL.update(), folder, id) > 0);
    }

    @Override
    public boolean delete(long id) {
        return tx.run(sql -> sql.update(VOICEMAIL.delete(), id) > 0);
    }

    @Override
    public Optional<String> pinHash(long userId) {
        return tx.run(sql -> sql.first("SELECT pin_hash FROM voicemail_pin WHERE user_id = ?", row -> row.getString(1),
                userId));
    }

    /** Update, else insert, in one transaction. @throws NoSuchElementException when the user does not exist */
    @Override
    public void setPinHash(long userId, String pinHash) {
        tx.run(sql -> {
            if (sql.update("UPDATE voicemail_pin SET pin_hash = ? WHERE user_id = ?", pinHash, userId) > 0) {
                return null;
            }
            if (sql.count("SELECT COUNT(*) FROM app_user WHERE id = ?", userId) == 0) {
                throw new NoSuchElementException("no user " + userId);
            }
            return sql.update("INSERT INTO voicemail_pin (user_id, pin_hash) VALUES (?, ?)", userId, pinHash);
        });
    }

    private static Voicemail map(ResultSet row) throws SQLException {
        return new Voicemail(row.getLong("id"), row.getLong("tenant_id"), row.getLong("user_id"),
                row.getString("caller_extension"), row.getString("caller_name"),
                Columns.getInstant(row, "received_at"), row.getLong("duration_ms"), row.getString("file_name"),
                Columns.getEnum(row, "folder", VoicemailFolder.class));
    }
}
