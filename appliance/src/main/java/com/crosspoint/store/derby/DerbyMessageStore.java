package com.crosspoint.store.derby;

import com.crosspoint.model.Conversation;
import com.crosspoint.model.InstantMessage;
import com.crosspoint.store.MessageStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

final class DerbyMessageStore implements MessageStore {
    /** Delivery and reading are stamped later, by statements of their own. */
    private static final Table MESSAGE = Table.named("instant_message")
            .fixed("tenant_id", "from_extension", "to_extension", "content_type", "body", "created_at")
            .columns("delivered_at", "read_at")
            .key("id");

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
        InstantMessage m = new InstantMessage(ids.next("instant_message"), given.tenantId(), given.fromExtension(),
                given.toExtension(), given.contentType(), given.body(), Columns.millis(given.createdAt()),
                Columns.millis(given.deliveredAt()), Columns.millis(given.readAt()));
        tx.run(sql -> sql.insert(MESSAGE, m.tenantId(), m.fromExtension(), m.toExtension(), m.contentType(), m.body(),
                m.createdAt(), m.deliveredAt(), m.readAt(), m.id()));
        return m;
    }

    /** @throws NoSuchElementException when no message has the id */
    @Override
    public void markDelivered(long id, Instant deliveredAt) {
        tx.run(sql -> {
            if (sql.update("UPDATE instant_message SET delivered_at = ? WHERE id = ?", deliveredAt, id) == 0) {
                throw new NoSuchElementException("no message " + id);
            }
            return null;
        });
    }

    @Override
    public List<InstantMessage> pendingFor(long tenantId, String toExtension) {
        return tx.run(sql -> sql.list(MESSAGE.select("WHERE tenant_id = ? AND to_extension = ? "
                + "AND delivered_at IS NULL ORDER BY created_at, id"), DerbyMessageStore::map, tenantId, toExtension));
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
        return tx.run(sql -> sql.list(MESSAGE.select(where.sql() + " ORDER BY created_at DESC, id DESC" + Page.sql()),
                DerbyMessageStore::map, where.parameters(page.offset(), page.limit())));
    }

    @Override
    public int markRead(long tenantId, String toExtension, String fromExtension, Instant at) {
        return tx.run(sql -> sql.update("UPDATE instant_message SET read_at = ?, "
                + "delivered_at = COALESCE(delivered_at, ?) "
                + "WHERE tenant_id = ? AND to_extension = ? AND from_extension = ? AND read_at IS NULL",
                at, at, tenantId, toExtension, fromExtension));
    }

    /** One grouped query for peers and unread counts, then the newest message of each peer. */
    @Override
    public List<Conversation> conversations(long tenantId, String extension) {
        return tx.run(sql -> {
            List<Map.Entry<String, Integer>> peers = sql.list("SELECT peer, "
                    + "SUM(CASE WHEN to_extension = ? AND read_at IS NULL THEN 1 ELSE 0 END) AS unread "
                    + "FROM (SELECT CASE WHEN from_extension = ? THEN to_extension ELSE from_extension END AS peer, "
                    + "to_extension, read_at FROM instant_message "
                    + "WHERE tenant_id = ? AND (from_extension = ? OR to_extension = ?)) AS mine GROUP BY peer",
                    row -> Map.entry(row.getString("peer"), row.getInt("unread")),
                    extension, extension, tenantId, extension, extension);
            String last = MESSAGE.select("WHERE tenant_id = ? AND ((from_extension = ? AND to_extension = ?) "
                    + "OR (from_extension = ? AND to_extension = ?)) ORDER BY created_at DESC, id DESC "
                    + "FETCH FIRST 1 ROWS ONLY");
            List<Conversation> out = new ArrayList<>();
            for (Map.Entry<String, Integer> p : peers) {
                sql.first(last, DerbyMessageStore::map, tenantId, extension, p.getKey(), p.getKey(), extension)
                        .ifPresent(m -> out.add(new Conversation(p.getKey(), m, p.getValue())));
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
