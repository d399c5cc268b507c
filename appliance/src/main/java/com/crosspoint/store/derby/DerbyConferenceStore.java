package com.crosspoint.store.derby;

import com.crosspoint.model.ConferenceRoom;
import com.crosspoint.store.ConferenceStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

final class DerbyConferenceStore implements ConferenceStore {
    private static final String COLUMNS = "id, tenant_id, room_number, name, pin_hash, max_participants";

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyConferenceStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public ConferenceRoom create(ConferenceRoom given) {
        long id = ids.next("conference_room");
        ConferenceRoom room = new ConferenceRoom(id, given.tenantId(), given.number(), given.name(), given.pinHash(),
                given.maxParticipants());
        return tx.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO conference_room (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, room.id());
                insert.setLong(2, room.tenantId());
                insert.setString(3, room.number());
                insert.setString(4, room.name());
                insert.setString(5, room.pinHash());
                insert.setInt(6, room.maxParticipants());
                insert.executeUpdate();
                return room;
            }
        }, numberTaken(room.number()));
    }

    @Override
    public Optional<ConferenceRoom> find(long id) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM conference_room WHERE id = ?")) {
                select.setLong(1, id);
                return Queries.first(select, DerbyConferenceStore::map);
            }
        });
    }

    @Override
    public Optional<ConferenceRoom> findByNumber(long tenantId, String number) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM conference_room WHERE tenant_id = ? AND room_number = ?")) {
                select.setLong(1, tenantId);
                select.setString(2, number);
                return Queries.first(select, DerbyConferenceStore::map);
            }
        });
    }

    @Override
    public List<ConferenceRoom> list(long tenantId) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM conference_room WHERE tenant_id = ? ORDER BY room_number, id")) {
                select.setLong(1, tenantId);
                return Queries.list(select, DerbyConferenceStore::map);
            }
        });
    }

    @Override
    public ConferenceRoom update(ConferenceRoom room) {
        return tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE conference_room SET room_number = ?, name = ?, "
                    + "pin_hash = ?, max_participants = ? WHERE id = ?")) {
                update.setString(1, room.number());
                update.setString(2, room.name());
                update.setString(3, room.pinHash());
                update.setInt(4, room.maxParticipants());
                update.setLong(5, room.id());
                if (update.executeUpdate() == 0) {
                    throw new NoSuchElementException("no conference room " + room.id());
                }
                return room;
            }
        }, numberTaken(room.number()));
    }

    @Override
    public boolean delete(long id) {
        return tx.run(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM conference_room WHERE id = ?")) {
                delete.setLong(1, id);
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static Transactions.Unique numberTaken(String number) {
        return new Transactions.Unique("number", "a conference room with number " + number + " already exists");
    }

    private static ConferenceRoom map(ResultSet row) throws SQLException {
        return new ConferenceRoom(row.getLong("id"), row.getLong("tenant_id"), row.getString("room_number"),
                row.getString("name"), row.getString("pin_hash"), row.getInt("max_participants"));
    }
}
