package com.crosspoint.store.derby;

import com.crosspoint.model.ConferenceRoom;
import com.crosspoint.store.ConferenceStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

final class DerbyConferenceStore implements ConferenceStore {
    private static final Table ROOM = Table.named("conference_room").fixed("tenant_id")
            .columns("room_number", "name", "pin_hash", "max_participants").key("id");

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyConferenceStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public ConferenceRoom create(ConferenceRoom given) {
        ConferenceRoom room = new ConferenceRoom(ids.next("conference_room"), given.tenantId(), given.number(),
                given.name(), given.pinHash(), given.maxParticipants());
        tx.run(sql -> sql.insert(ROOM, row(room)), numberTaken(room.number()));
        return room;
    }

    @Override
    public Optional<ConferenceRoom> find(long id) {
        return tx.run(sql -> sql.first(ROOM.select("WHERE id = ?"), DerbyConferenceStore::map, id));
    }

    @Override
    public Optional<ConferenceRoom> findByNumber(long tenantId, String number) {
        return tx.run(sql -> sql.first(ROOM.select("WHERE tenant_id = ? AND room_number = ?"),
                DerbyConferenceStore::map, tenantId, number));
    }

    @Override
    public List<ConferenceRoom> list(long tenantId) {
        return tx.run(sql -> sql.list(ROOM.select("WHERE tenant_id = ? ORDER BY room_number, id"),
                DerbyConferenceStore::map, tenantId));
    }

    /** @throws NoSuchElementException when no room has the id */
    @Override
    public ConferenceRoom update(ConferenceRoom room) {
        tx.run(sql -> {
            if (sql.update(ROOM, row(room)) == 0) {
                throw new NoSuchElementException("no conference room " + room.id());
            }
            return null;
        }, numberTaken(room.number()));
        return room;
    }

    @Override
    public boolean delete(long id) {
        return tx.run(sql -> sql.update(ROOM.delete(), id) > 0);
    }

    private static Transactions.Unique numberTaken(String number) {
        return new Transactions.Unique("number", "a conference room with number " + number + " already exists");
    }

    private static Object[] row(ConferenceRoom r) {
        return new Object[] {r.tenantId(), r.number(), r.name(), r.pinHash(), r.maxParticipants(), r.id()};
    }

    private static ConferenceRoom map(ResultSet row) throws SQLException {
        return new ConferenceRoom(row.getLong("id"), row.getLong("tenant_id"), row.getString("room_number"),
                row.getString("name"), row.getString("pin_hash"), row.getInt("max_participants"));
    }
}
