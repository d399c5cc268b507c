package com.crosspoint.store.derby;

import com.crosspoint.chat.ChatAgent;
import com.crosspoint.chat.ChatLine;
import com.crosspoint.chat.ChatParty;
import com.crosspoint.chat.ChatSnapshot;
import com.crosspoint.chat.ChatState;
import com.crosspoint.chat.ChatVisitor;
import com.crosspoint.store.ChatStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

final class DerbyChatStore implements ChatStore {
    private static final Table CHAT = Table.named("chat")
            .fixed("tenant_id", "queue_name", "visitor_name", "visitor_email", "visitor_page", "visitor_source",
                    "created_at")
            .columns("state", "agent_user_id", "agent_extension", "agent_name", "answered_at", "ended_at", "ended_by")
            .key("id");
    private static final Table LINE = Table.named("chat_line")
            .fixed("chat_id", "seq", "sender", "author", "body", "created_at");

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyChatStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public long create(ChatSnapshot c) {
        long id = ids.next("chat");
        ChatVisitor v = c.visitor();
        tx.run(sql -> sql.insert(CHAT, c.tenantId(), c.queue(), v.name(), v.email(), v.pageUrl(), v.source(),
                c.createdAt(), c.state(), agentId(c.agent()), c.agent() == null ? null : c.agent().extension(),
                c.agent() == null ? null : c.agent().name(), c.answeredAt(), c.endedAt(), c.endedBy(), id));
        return id;
    }

    @Override
    public void addLine(long chatId, ChatLine l) {
        tx.run(sql -> sql.insert(LINE, chatId, l.seq(), l.from(), l.author(), l.text(), l.at()));
    }

    @Override
    public void update(ChatSnapshot c) {
        tx.run(sql -> {
            if (sql.update(CHAT.update(), c.state(), agentId(c.agent()), c.agent() == null ? null : c.agent().extension(),
                    c.agent() == null ? null : c.agent().name(), c.answeredAt(), c.endedAt(), c.endedBy(), c.id()) == 0) {
                throw new java.util.NoSuchElementException("no chat " + c.id());
            }
            return null;
        });
    }

    @Override
    public Optional<ChatSnapshot> find(long tenantId, long chatId) {
        return tx.run(sql -> {
            Optional<ChatSnapshot> header = sql.first(CHAT.select("WHERE tenant_id = ? AND id = ?"),
                    row -> map(row, List.of()), tenantId, chatId);
            if (header.isEmpty()) {
                return header;
            }
            List<ChatLine> lines = sql.list(LINE.select("WHERE chat_id = ? ORDER BY seq"), DerbyChatStore::line, chatId);
            return Optional.of(map(header.get(), lines));
        });
    }

    @Override
    public List<ChatSnapshot> list(long tenantId, Long agentUserId, int offset, int limit) {
        Page page = new Page(offset, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        WhereClause where = where(tenantId, agentUserId);
        return tx.run(sql -> sql.list(CHAT.select(where.sql() + " ORDER BY created_at DESC, id DESC" + Page.sql()),
                row -> map(row, List.of()), where.parameters(page.offset(), page.limit())));
    }

    @Override
    public List<ChatSnapshot> createdBetween(long tenantId, Instant from, Instant to, int limit) {
        Page page = new Page(0, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        return tx.run(sql -> sql.list(CHAT.select("WHERE tenant_id = ? AND created_at >= ? AND created_at < ?"
                + " ORDER BY created_at, id" + Page.sql()), row -> map(row, List.of()), tenantId, from, to,
                page.offset(), page.limit()));
    }

    @Override
    public int count(long tenantId, Long agentUserId) {
        WhereClause where = where(tenantId, agentUserId);
        return (int) (long) tx.run(sql -> sql.count("SELECT COUNT(*) FROM chat" + where.sql(), where.parameters()));
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        return tx.run(sql -> sql.update("DELETE FROM chat WHERE ended_at IS NOT NULL AND ended_at < ?", cutoff));
    }

    @Override
    public int endOpen(Instant at) {
        return tx.run(sql -> sql.update("UPDATE chat SET state = ?, ended_at = ?, ended_by = ? WHERE state <> ?",
                ChatState.ENDED, at, ChatParty.SYSTEM, ChatState.ENDED));
    }

    private static WhereClause where(long tenantId, Long agentUserId) {
        WhereClause where = new WhereClause().and("tenant_id = ?", tenantId);
        if (agentUserId != null) {
            where.and("agent_user_id = ?", agentUserId);
        }
        return where;
    }

    private static Long agentId(ChatAgent agent) {
        return agent == null ? null : agent.userId();
    }

    private static ChatSnapshot map(ChatSnapshot header, List<ChatLine> lines) {
        return new ChatSnapshot(header.id(), header.tenantId(), header.queue(), header.visitor(), header.state(),
                header.agent(), header.createdAt(), header.answeredAt(), header.endedAt(), header.endedBy(), lines);
    }

    private static ChatSnapshot map(ResultSet row, List<ChatLine> lines) throws SQLException {
        Long agentId = Columns.getLong(row, "agent_user_id");
        String agentExtension = row.getString("agent_extension");
        ChatAgent agent = agentExtension == null ? null
                : new ChatAgent(agentId == null ? 0 : agentId, agentExtension, row.getString("agent_name"));
        return new ChatSnapshot(row.getLong("id"), row.getLong("tenant_id"), row.getString("queue_name"),
                new ChatVisitor(row.getString("visitor_name"), row.getString("visitor_email"),
                        row.getString("visitor_page"), row.getString("visitor_source")),
                Columns.getEnum(row, "state", ChatState.class), agent, Columns.getInstant(row, "created_at"),
                Columns.getInstant(row, "answered_at"), Columns.getInstant(row, "ended_at"),
                Columns.getEnum(row, "ended_by", ChatParty.class), lines);
    }

    private static ChatLine line(ResultSet row) throws SQLException {
        return new ChatLine(row.getLong("seq"), Columns.getEnum(row, "sender", ChatParty.class), row.getString("author"),
                row.getString("body"), Columns.getInstant(row, "created_at"));
    }
}
