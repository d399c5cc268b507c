package com.crosspoint.store.derby;

import com.crosspoint.chat.LeftMessage;
import com.crosspoint.store.LeftMessageStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class DerbyLeftMessageStore implements LeftMessageStore {
    private static final Table MESSAGE = Table.named("chat_left_message")
            .fixed("tenant_id", "queue_name", "visitor_name", "visitor_email", "body", "visitor_source", "created_at")
            .columns("handled_at", "handled_by")
            .key("id");

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyLeftMessageStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public LeftMessage add(LeftMessage m) {
        long id = ids.next("chat_left_message");
        tx.run(sql -> sql.insert(MESSAGE, m.tenantId(), m.queue(), m.name(), m.email(), m.text(), m.source(),
                m.createdAt(), m.handledAt(), m.handledBy(), id));
        return new LeftMessage(id, m.tenantId(), m.queue(), m.name(), m.email(), m.text(), m.source(), m.createdAt(),
                m.handledAt(), m.handledBy());
    }

    @Override
    public Optional<LeftMessage> find(long tenantId, long id) {
        return tx.run(sql -> sql.first(MESSAGE.select("WHERE tenant_id = ? AND id = ?"), DerbyLeftMessageStore::map,
                tenantId, id));
    }

    @Override
    public List<LeftMessage> list(long tenantId, Collection<String> queues, boolean openOnly, int limit) {
        Page page = new Page(0, limit);
        if (page.isEmpty() || queues != null && queues.isEmpty()) {
            return List.of();
        }
        WhereClause where = new WhereClause().and("tenant_id = ?", tenantId);
        if (queues != null) {
            where.and("queue_name IN (" + String.join(",", queues.stream().map(q -> "?").toList()) + ")",
                    queues.toArray());
        }
        if (openOnly) {
            where.and("handled_at IS NULL");
        }
        return tx.run(sql -> sql.list(MESSAGE.select(where.sql() + " ORDER BY created_at DESC, id DESC" + Page.sql()),
                DerbyLeftMessageStore::map, where.parameters(page.offset(), page.limit())));
    }

    @Override
    public boolean markHandled(long tenantId, long id, String by, Instant at) {
        return tx.run(sql -> sql.update("UPDATE chat_left_message SET handled_at = ?, handled_by = ?"
                + " WHERE tenant_id = ? AND id = ? AND handled_at IS NULL", at, by, tenantId, id)) == 1;
    }

    @Override
    public int countOpen(long tenantId) {
        return (int) (long) tx.run(sql -> sql.count("SELECT COUNT(*) FROM chat_left_message"
                + " WHERE tenant_id = ? AND handled_at IS NULL", tenantId));
    }

    @Override
    public Map<String, int[]> countsByQueue(long tenantId) {
        return tx.run(sql -> {
            Map<String, int[]> counts = new LinkedHashMap<>();
            sql.list("SELECT queue_name, COUNT(*), SUM(CASE WHEN handled_at IS NULL THEN 1 ELSE 0 END)"
                    + " FROM chat_left_message WHERE tenant_id = ? GROUP BY queue_name ORDER BY queue_name",
                    row -> counts.put(row.getString(1), new int[] {row.getInt(2), row.getInt(3)}), tenantId);
            return counts;
        });
    }

    private static LeftMessage map(ResultSet row) throws SQLException {
        return new LeftMessage(row.getLong("id"), row.getLong("tenant_id"), row.getString("queue_name"),
                row.getString("visitor_name"), row.getString("visitor_email"), row.getString("body"),
                row.getString("visitor_source"), Columns.getInstant(row, "created_at"),
                Columns.getInstant(row, "handled_at"), row.getString("handled_by"));
    }
}
