package com.crosspoint.store.derby;

import com.crosspoint.acd.AgentSpan;
import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.CallbackRequest;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueCallRecord;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.Strategy;
import com.crosspoint.store.AcdStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

final class DerbyAcdStore implements AcdStore {
    private static final Table QUEUE = Table.named("acd_queue").fixed("tenant_id")
            .columns("queue_number", "name", "strategy", "max_wait_seconds", "max_length", "overflow_target",
                    "announce_seconds", "no_answer_seconds", "misses_before_pause", "wrap_up_seconds",
                    "service_level_seconds", "skill", "widen_after_seconds", "callback_after_seconds",
                    "chat_while_on_call", "callback_retries", "callback_retry_seconds")
            .key("id");
    private static final Table MEMBER = Table.named("acd_member").fixed("queue_id", "user_id", "position", "skills");
    private static final Table AGENT = Table.named("acd_agent").fixed("tenant_id", "extension")
            .columns("status", "pause_reason", "chat_capacity", "changed_at").key("user_id");
    private static final Table CALLBACK = Table.named("acd_callback")
            .fixed("tenant_id", "queue_id", "caller_number", "caller_name", "joined_at", "attempts").key("id");

    private static final Table RECORD = Table.named("acd_call_record").fixed("tenant_id", "queue_id", "joined_at",
            "outcome", "wait_millis", "agent_user_id", "talk_millis", "wrap_up_millis", "in_service_level", "callback");
    private static final Table SPAN = Table.named("acd_agent_span")
            .fixed("tenant_id", "user_id", "status", "span_from", "span_to");

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyAcdStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public QueueConfig createQueue(QueueConfig given) {
        QueueConfig queue = given.withId(ids.next("acd_queue"));
        tx.run(sql -> sql.insert(QUEUE, row(queue)), numberTaken(queue));
        return queue;
    }

    @Override
    public QueueConfig updateQueue(QueueConfig queue) {
        tx.run(sql -> {
            Object[] row = row(queue);
            if (sql.update(QUEUE.update(), java.util.Arrays.copyOfRange(row, 1, row.length)) == 0) {
                throw new NoSuchElementException("no queue " + queue.id());
            }
            return null;
        }, numberTaken(queue));
        return queue;
    }

    @Override
    public boolean deleteQueue(long queueId) {
        return tx.run(sql -> sql.update(QUEUE.delete(), queueId) > 0);
    }

    @Override
    public Optional<QueueConfig> queue(long queueId) {
        return tx.run(sql -> sql.first(QUEUE.select("WHERE id = ?"), DerbyAcdStore::queue, queueId));
    }

    @Override
    public List<QueueConfig> queues() {
        return tx.run(sql -> sql.list(QUEUE.select("ORDER BY tenant_id, queue_number"), DerbyAcdStore::queue));
    }

    @Override
    public void setMembers(long queueId, List<Member> members) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            rows.add(new Object[] {queueId, members.get(i).userId(), i, skills(members.get(i).skills())});
        }
        tx.run(sql -> {
            sql.update("DELETE FROM acd_member WHERE queue_id = ?", queueId);
            return rows.isEmpty() ? null : sql.insertAll(MEMBER, rows);
        });
    }

    @Override
    public List<Member> members(long queueId) {
        return tx.run(sql -> sql.list(MEMBER.select("WHERE queue_id = ? ORDER BY position"),
                row -> new Member(row.getLong("queue_id"), row.getLong("user_id"), skills(row.getString("skills"))),
                queueId));
    }

    @Override
    public void saveAgent(AgentState s) {
        Object[] row = {s.tenantId(), s.extension(), s.status().name(), s.pauseReason(), s.chatCapacity(), s.since(),
                s.userId()};
        tx.run(sql -> {
            if (sql.update(AGENT.update(), java.util.Arrays.copyOfRange(row, 2, row.length)) == 0) {
                sql.insert(AGENT, row);
            }
            return null;
        });
    }

    @Override
    public List<AgentState> agents() {
        return tx.run(sql -> sql.list(AGENT.select("ORDER BY user_id"), row -> new AgentState(
                row.getLong("tenant_id"), row.getLong("user_id"), row.getString("extension"),
                Columns.getEnum(row, "status", AgentStatus.class), row.getString("pause_reason"), 0,
                Columns.getInstant(row, "changed_at"), null, 0, null, 0, row.getInt("chat_capacity"))));
    }

    @Override
    public CallbackRequest addCallback(CallbackRequest given) {
        CallbackRequest c = new CallbackRequest(ids.next("acd_callback"), given.tenantId(), given.queueId(),
                given.number(), given.name(), given.joinedAt(), given.attempts());
        tx.run(sql -> sql.insert(CALLBACK, c.tenantId(), c.queueId(), c.number(), c.name(), c.joinedAt(),
                c.attempts(), c.id()));
        return c;
    }

    @Override
    public boolean callbackAttempted(long id) {
        return tx.run(sql -> sql.update("UPDATE acd_callback SET attempts = attempts + 1 WHERE id = ?", id) > 0);
    }

    @Override
    public boolean callbackMoved(long id, long queueId) {
        return tx.run(sql -> sql.update("UPDATE acd_callback SET queue_id = ? WHERE id = ?", queueId, id) > 0);
    }

    @Override
    public boolean deleteCallback(long id) {
        return tx.run(sql -> sql.update(CALLBACK.delete(), id) > 0);
    }

    @Override
    public List<CallbackRequest> callbacks() {
        return tx.run(sql -> sql.list(CALLBACK.select("ORDER BY joined_at, id"), row -> new CallbackRequest(
                row.getLong("id"), row.getLong("tenant_id"), row.getLong("queue_id"), row.getString("caller_number"),
                row.getString("caller_name"), Columns.getInstant(row, "joined_at"), row.getInt("attempts"))));
    }

    private static Transactions.Unique numberTaken(QueueConfig q) {
        return new Transactions.Unique("number", "the tenant already has a queue " + q.number());
    }

    private static Object[] row(QueueConfig q) {
        return new Object[] {q.tenantId(), q.number(), q.name(), q.strategy().name(), q.maxWaitSeconds(),
                q.maxLength(), q.overflowTarget(), q.announceSeconds(), q.noAnswerSeconds(), q.missesBeforePause(),
                q.wrapUpSeconds(), q.serviceLevelSeconds(), q.skill(), q.widenAfterSeconds(),
                q.callbackAfterSeconds(), q.chatWhileOnCall(), q.callbackRetries(), q.callbackRetrySeconds(), q.id()};
    }

    private static QueueConfig queue(ResultSet r) throws SQLException {
        return new QueueConfig(r.getLong("id"), r.getLong("tenant_id"), r.getString("queue_number"),
                r.getString("name"), Columns.getEnum(r, "strategy", Strategy.class), r.getInt("max_wait_seconds"),
                r.getInt("max_length"), r.getString("overflow_target"), r.getInt("announce_seconds"),
                r.getInt("no_answer_seconds"), r.getInt("misses_before_pause"), r.getInt("wrap_up_seconds"),
                r.getInt("service_level_seconds"), r.getString("skill"), r.getInt("widen_after_seconds"),
                r.getInt("callback_after_seconds"), r.getBoolean("chat_while_on_call"), r.getInt("callback_retries"),
                r.getInt("callback_retry_seconds"));
    }

    /** Skills as {@code name:level,name:level}: names are checked to hold neither separator. */
    private static String skills(Map<String, Integer> skills) {
        StringBuilder b = new StringBuilder();
        skills.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(e.getKey()).append(':').append(e.getValue());
        });
        return b.toString();
    }

    private static Map<String, Integer> skills(String column) {
        Map<String, Integer> skills = new LinkedHashMap<>();
        if (!column.isEmpty()) {
            for (String pair : column.split(",")) {
                int colon = pair.lastIndexOf(':');
                skills.put(pair.substring(0, colon), Integer.parseInt(pair.substring(colon + 1)));
            }
        }
        return skills;
    }

    @Override
    public void addCallRecord(QueueCallRecord r) {
        tx.run(sql -> sql.insert(RECORD, r.tenantId(), r.queueId(), r.joinedAt(), r.outcome().name(), r.waitMillis(),
                r.agentUserId(), r.talkMillis(), r.wrapUpMillis(), r.inServiceLevel(), r.callback()));
    }

    @Override
    public void addAgentSpan(AgentSpan span) {
        tx.run(sql -> sql.insert(SPAN, span.tenantId(), span.userId(), span.status().name(), span.from(),
                span.to()));
    }

    @Override
    public List<QueueCallRecord> callRecords(long tenantId, Instant from, Instant to, int max) {
        return tx.run(sql -> sql.list(RECORD.select("WHERE tenant_id = ? AND joined_at >= ? AND joined_at < ?"
                + " ORDER BY joined_at, id FETCH FIRST " + max + " ROWS ONLY"), row -> new QueueCallRecord(
                row.getLong("tenant_id"), row.getLong("queue_id"), Columns.getInstant(row, "joined_at"),
                Columns.getEnum(row, "outcome", QueueCallRecord.Outcome.class), row.getLong("wait_millis"),
                row.getLong("agent_user_id"), row.getLong("talk_millis"), row.getLong("wrap_up_millis"),
                row.getBoolean("in_service_level"), row.getBoolean("callback")), tenantId, from, to));
    }

    @Override
    public List<AgentSpan> agentSpans(long tenantId, Instant from, Instant to, int max) {
        return tx.run(sql -> sql.list(SPAN.select("WHERE tenant_id = ? AND span_to > ? AND span_from < ?"
                + " ORDER BY span_from, id FETCH FIRST " + max + " ROWS ONLY"), row -> new AgentSpan(
                row.getLong("tenant_id"), row.getLong("user_id"), Columns.getEnum(row, "status", AgentStatus.class),
                Columns.getInstant(row, "span_from"), Columns.getInstant(row, "span_to")), tenantId, from, to));
    }
}
