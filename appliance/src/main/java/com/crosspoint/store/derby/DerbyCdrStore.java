package com.crosspoint.store.derby;

import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.store.CdrStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Filters: {@code party} equals caller or callee; {@code from} (inclusive) and {@code to} (exclusive) bound startedAt. */
final class DerbyCdrStore implements CdrStore {
    private static final String COLUMNS = "id, tenant_id, call_id, caller, callee, started_at, answered_at, "
            + "ended_at, disposition, hung_up_by, sip_cause";

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyCdrStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    /**
     * The id of {@code record} is ignored; the store assigns one. The copy carries the instants as
     * stored, in whole milliseconds.
     */
    @Override
    public CallRecord save(CallRecord given) {
        CallRecord record = new CallRecord(0, given.tenantId(), given.callId(), given.caller(), given.callee(),
                Columns.millis(given.startedAt()), Columns.millis(given.answeredAt()), Columns.millis(given.endedAt()),
                given.disposition(), given.hungUpBy(), given.sipCause());
        long id = ids.next("call_record");
        return tx.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO call_record (id, tenant_id, call_id, "
                    + "caller, callee, started_at, answered_at, ended_at, disposition, hung_up_by, sip_cause) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setLong(2, record.tenantId());
                insert.setString(3, record.callId());
                insert.setString(4, record.caller());
                insert.setString(5, record.callee());
                Columns.setInstant(insert, 6, record.startedAt());
                Columns.setInstant(insert, 7, record.answeredAt());
                Columns.setInstant(insert, 8, record.endedAt());
                Columns.setEnum(insert, 9, record.disposition());
                Columns.setEnum(insert, 10, record.hungUpBy());
                insert.setInt(11, record.sipCause());
                insert.executeUpdate();
                return new CallRecord(id, record.tenantId(), record.callId(),
                        record.caller(), record.callee(), record.startedAt(), record.answeredAt(), record.endedAt(),
                        record.disposition(), record.hungUpBy(), record.sipCause());
            }
        });
    }

    @Override
    public List<CallRecord> search(long tenantId, CdrFilter filter, int offset, int limit) {
        Page page = new Page(offset, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        WhereClause where = where(tenantId, filter);
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM call_record"
                    + where.sql() + " ORDER BY started_at DESC, id DESC" + Page.sql())) {
                page.bind(select, where.bind(select));
                return Queries.list(select, DerbyCdrStore::map);
            }
        });
    }

    @Override
    public long count(long tenantId, CdrFilter filter) {
        WhereClause where = where(tenantId, filter);
        return tx.run(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM call_record" + where.sql())) {
                where.bind(select);
                return Queries.count(select);
            }
        });
    }

    private static WhereClause where(long tenantId, CdrFilter filter) {
        WhereClause where = new WhereClause().and("tenant_id = ?", tenantId);
        if (filter.party() != null) {
            where.and("caller = ? OR callee = ?", filter.party(), filter.party());
        }
        if (filter.disposition() != null) {
            where.and("disposition = ?", filter.disposition().name());
        }
        if (filter.from() != null) {
            where.and("started_at >= ?", filter.from().toEpochMilli());
        }
        if (filter.to() != null) {
            where.and("started_at < ?", filter.to().toEpochMilli());
        }
        return where;
    }

    private static CallRecord map(ResultSet row) throws SQLException {
        return new CallRecord(row.getLong("id"), row.getLong("tenant_id"), row.getString("call_id"),
                row.getString("caller"), row.getString("callee"), Columns.getInstant(row, "started_at"),
                Columns.getInstant(row, "answered_at"), Columns.getInstant(row, "ended_at"),
                Columns.getEnum(row, "disposition", Disposition.class),
                Columns.getEnum(row, "hung_up_by", HangupParty.class), row.getInt("sip_cause"));
    }
}
