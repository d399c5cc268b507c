package com.crosspoint.store.derby;

import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.store.CdrStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Filters: {@code party} equals caller or callee; {@code from} (inclusive) and {@code to} (exclusive) bound startedAt. */
final class DerbyCdrStore implements CdrStore {
    private static final String COLUMNS = "id, tenant_id, call_id, caller, callee, started_at, answered_at, "
            + "ended_at, disposition, hung_up_by, sip_cause, mos, loss_percent, jitter_ms, rtt_ms";

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
                given.disposition(), given.hungUpBy(), given.sipCause(), asStored(given.quality()));
        long id = ids.next("call_record");
        return tx.run(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO call_record (id, tenant_id, call_id, "
                    + "caller, callee, started_at, answered_at, ended_at, disposition, hung_up_by, sip_cause, mos, "
                    + "loss_percent, jitter_ms, rtt_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
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
                CallQualitySummary q = record.quality();
                setDecimal(insert, 12, q == null ? null : q.mos());
                setDecimal(insert, 13, q == null ? null : q.lossPercent());
                setDecimal(insert, 14, q == null ? null : q.jitterMillis());
                setDecimal(insert, 15, q == null ? null : q.rttMillis());
                insert.executeUpdate();
                return record.withId(id);
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
                Columns.getEnum(row, "hung_up_by", HangupParty.class), row.getInt("sip_cause"), quality(row));
    }

    private static CallQualitySummary asStored(CallQualitySummary q) {
        return q == null ? null : CallQualitySummary.rounded(q.mos(), q.lossPercent(), q.jitterMillis(), q.rttMillis());
    }

    /** Null when the call had no anchored media (no MOS was stored). */
    private static CallQualitySummary quality(ResultSet row) throws SQLException {
        Double mos = getDecimal(row, "mos");
        if (mos == null) {
            return null;
        }
        Double loss = getDecimal(row, "loss_percent");
        Double jitter = getDecimal(row, "jitter_ms");
        return CallQualitySummary.rounded(mos, loss == null ? 0 : loss, jitter == null ? 0 : jitter,
                getDecimal(row, "rtt_ms"));
    }

    private static void setDecimal(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DECIMAL);
        } else {
            // the columns hold two decimals; the summary is rounded to them already
            statement.setBigDecimal(index, BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP));
        }
    }

    private static Double getDecimal(ResultSet row, String column) throws SQLException {
        BigDecimal v = row.getBigDecimal(column);
        return v == null ? null : v.doubleValue();
    }
}
