package com.crosspoint.store.derby;

import com.crosspoint.model.InstantMessage;
import com.crosspoint.store.MessageStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;

final class DerbyMessageStore implements MessageStore {
    private static final String COLUMNS = "id, tenant_id, from_extension, to_extension, content_type, body, "
            + "created_at, delivered_at";

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyMessageStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    /**
     * The id of {@code given} is ignored; the store assigns one. The copy carries the instants as
     * stored, in whole milliseconds.
     */
    @Override
    public InstantMessage save(InstantMessage given) {
        InstantMessage message = new InstantMessage(0, given.tenantId(), given.fromExtension(), given.toExtension(),
                given.contentType(), given.body(), Columns.millis(given.createdAt()),
                Columns.millis(given.deliveredAt()));
        long id = ids.next("instant_message");
        return tx.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO instant_message (id, tenant_id, "
                    + "from_extension, to_extension, content_type, body, created_at, delivered_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setLong(2, message.tenantId());
                insert.setString(3, message.fromExtension());
                insert.setString(4, message.toExtension());
                insert.setString(5, message.contentType());
                insert.setString(6, message.body());
                Columns.setInstant(insert, 7, message.createdAt());
                Columns.setInstant(insert, 8, message.deliveredAt());
                insert.executeUpdate();
                return new InstantMessage(id, message.tenantId(), message.fromExtension(),
                        message.toExtension(), message.contentType(), message.body(), message.createdAt(),
                        message.deliveredAt());
            }
        });
    }

    /** @throws NoSuchElementException when no message has the id */
    @Override
    public void markDelivered(long id, Instant deliveredAt) {
        tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE instant_message SET delivered_at = ? WHERE id = ?")) {
                Columns.setInstant(update, 1, deliveredAt);
                update.setLong(2, id);
                if (update.executeUpdate() == 0) {
                    throw new NoSuchElementException("no message " + id);
                }
                return null;
            }
        });
    }

    @Override
    public List<InstantMessage> pendingFor(long tenantId, String toExtension) {
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM instant_message "
                    + "WHERE tenant_id = ? AND to_extension = ? AND delivered_at IS NULL ORDER BY created_at, id")) {
                select.setLong(1, tenantId);
                select.setString(2, toExtension);
                return Queries.list(select, DerbyMessageStore::map);
            }
        });
    }

    /** @throws IllegalArgumentException when {@code peer} is given without {@code extension} */
    @Override
    public List<InstantMessage> history(long tenantId, String extension, String peer, int offset, int limit) {
        if (peer != null && extension == null) {
            throw new IllegalArgumentException("a peer needs an extension");
        }
        Page page = new Page(offset, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        WhereClause where = new WhereClause().and("tenant_id = ?", tenantId);
        if (peer != null) {
            where.and("(from_extension = ? AND to_extension = ?) OR (from_extension = ? AND to_extension = ?)",
                    extension, peer, peer, extension);
        } else if (extension != null) {
            where.and("from_extension = ? OR to_extension = ?", extension, extension);
        }
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM instant_message"
                    + where.sql() + " ORDER BY created_at DESC, id DESC" + Page.sql())) {
                page.bind(select, where.bind(select));
                return Queries.list(select, DerbyMessageStore::map);
            }
        });
    }

    private static InstantMessage map(ResultSet row) throws SQLException {
        return new InstantMessage(row.getLong("id"), row.getLong("tenant_id"), row.getString("from_extension"),
                row.getString("to_extension"), row.getString("content_type"), row.getString("body"),
                Columns.getInstant(row, "created_at"), Columns.getInstant(row, "delivered_at"));
    }
}
