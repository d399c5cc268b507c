package com.crosspoint.store.derby;

import com.crosspoint.model.Conversation;
import com.crosspoint.model.InstantMessage;
import com.crosspoint.store.MessageStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

final class DerbyMessageStore implements MessageStore {
    private static final String COLUMNS = "id, tenant_id, from_extension, to_extension, content_type, body, "
            + "created_at, delivered_at, read_at";

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
                Columns.millis(given.deliveredAt()), Columns.millis(given.readAt()));
        long id = ids.next("instant_message");
        return tx.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO instant_message (id, tenant_id, "
                    + "from_extension, to_extension, content_type, body, created_at, delivered_at, read_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setLong(2, message.tenantId());
                insert.setString(3, message.fromExtension());
                insert.setString(4, message.toExtension());
                insert.setString(5, message.contentType());
                insert.setString(6, message.body());
                Columns.setInstant(insert, 7, message.createdAt());
                Columns.setInstant(insert, 8, message.deliveredAt());
                Columns.setInstant(insert, 9, message.readAt());
                insert.executeUpdate();
                return new InstantMessage(id, message.tenantId(), message.fromExtension(),
                        message.toExtension(), message.contentType(), message.body(), message.createdAt(),
                        message.deliveredAt(), message.readAt());
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

    @Override
    public int markRead(long tenantId, String toExtension, String fromExtension, Instant at) {
        return tx.run(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE instant_message SET read_at = ?, "
                    + "delivered_at = COALESCE(delivered_at, ?) "
                    + "WHERE tenant_id = ? AND to_extension = ? AND from_extension = ? AND read_at IS NULL")) {
                Columns.setInstant(update, 1, at);
                Columns.setInstant(update, 2, at);
                update.setLong(3, tenantId);
                update.setString(4, toExtension);
                update.setString(5, fromExtension);
                return update.executeUpdate();
            }
        });
    }

    /** One grouped query for peers and unread counts, then the newest message of each peer. */
    @Override
    public List<Conversation> conversations(long tenantId, String extension) {
        return tx.run(c -> {
            List<Conversation> out = new ArrayList<>();
            try (PreparedStatement peers = c.prepareStatement("SELECT peer, "
                    + "SUM(CASE WHEN to_extension = ? AND read_at IS NULL THEN 1 ELSE 0 END) AS unread "
                    + "FROM (SELECT CASE WHEN from_extension = ? THEN to_extension ELSE from_extension END AS peer, "
                    + "to_extension, read_at FROM instant_message "
                    + "WHERE tenant_id = ? AND (from_extension = ? OR to_extension = ?)) AS mine GROUP BY peer");
                 PreparedStatement last = c.prepareStatement("SELECT " + COLUMNS + " FROM instant_message "
                    + "WHERE tenant_id = ? AND ((from_extension = ? AND to_extension = ?) "
                    + "OR (from_extension = ? AND to_extension = ?)) ORDER BY created_at DESC, id DESC "
                    + "FETCH FIRST 1 ROWS ONLY")) {
                peers.setString(1, extension);
                peers.setString(2, extension);
                peers.setLong(3, tenantId);
                peers.setString(4, extension);
                peers.setString(5, extension);
                List<Map.Entry<String, Integer>> found = Queries.list(peers,
                        row -> Map.entry(row.getString("peer"), row.getInt("unread")));
                for (Map.Entry<String, Integer> p : found) {
                    last.setLong(1, tenantId);
                    last.setString(2, extension);
                    last.setString(3, p.getKey());
                    last.setString(4, p.getKey());
                    last.setString(5, extension);
                    Queries.first(last, DerbyMessageStore::map)
                            .ifPresent(m -> out.add(new Conversation(p.getKey(), m, p.getValue())));
                }
            }
            out.sort(Comparator.comparing((Conversation v) -> v.lastMessage().createdAt())
                    .thenComparingLong(v -> v.lastMessage().id()).reversed());
            return out;
        });
    }

    private static InstantMessage map(ResultSet row) throws SQLException {
        return new InstantMessage(row.getLong("id"), row.getLong("tenant_id"), row.getString("from_extension"),
                row.getString("to_extension"), row.getString("content_type"), row.getString("body"),
                Columns.getInstant(row, "created_at"), Columns.getInstant(row, "delivered_at"),
                Columns.getInstant(row, "read_at"));
    }
}
