package com.crosspoint.store.derby;

import com.crosspoint.model.CallEndReason;
import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.store.CdrStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Filters: {@code party} equals the caller, the number dialled or who answered; {@code from} (inclusive) and
 * {@code to} (exclusive) bound startedAt.
 */
final class DerbyCdrStore implements CdrStore {
    /** Records are written once and never changed. */
    private static final Table CALL_RECORD = Table.named("call_record")
            .fixed("tenant_id", "call_id", "caller", "callee", "started_at", "answered_at", "ended_at", "disposition",
                    "hung_up_by", "sip_cause", "mos", "loss_percent", "jitter_ms", "rtt_ms", "answered_by",
                    "end_reason")
            .key("id");

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
        CallRecord record = new CallRecord(ids.next("call_record"), given.tenantId(), given.callId(), given.caller(),
                given.callee(), Columns.millis(given.startedAt()), Columns.millis(given.answeredAt()),
                Columns.millis(given.endedAt()), given.disposition(), given.hungUpBy(), given.sipCause(),
                asStored(given.quality()), given.answeredBy(), given.endReason());
        CallQualitySummary q = record.quality();
        tx.run(sql -> sql.insert(CALL_RECORD, record.tenantId(), record.callId(), record.caller(), record.callee(),
                record.startedAt(), record.answeredAt(), record.endedAt(), record.disposition(), record.hungUpBy(),
                record.sipCause(), decimal(q == null ? null : q.mos()), decimal(q == null ? null : q.lossPercent()),
                decimal(q == null ? null : q.jitterMillis()), decimal(q == null ? null : q.rttMillis()), record.answeredBy(),
                record.endReason(), record.id()));
        return record;
    }

    @Override
    public List<CallRecord> search(long tenantId, CdrFilter filter, int offset, int limit) {
        Page page = new Page(offset, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        WhereClause where = where(tenantId, filter);
        return tx.run(sql -> sql.list(CALL_RECORD.select(where.sql() + " ORDER BY started_at DESC, id DESC"
                + Page.sql()), DerbyCdrStore::map, where.parameters(page.offset(), page.limit())));
    }

    @Override
    public long count(long tenantId, CdrFilter filter) {
        WhereClause where = where(tenantId, filter);
        return tx.run(sql -> sql.count("SELECT COUNT(*) FROM call_record" + where.sql(), where.parameters()));
    }

    private static WhereClause where(long tenantId, CdrFilter filter) {
        WhereClause where = new WhereClause().and("tenant_id = ?", tenantId);
        if (filter.party() != null) {
            where.and("caller = ? OR callee = ? OR answered_by = ?", filter.party(), filter.party(), filter.party());
        }
        if (filter.disposition() != null) {
            where.and("disposition = ?", filter.disposition());
        }
        if (filter.from() != null) {
            where.and("started_at >= ?", filter.from());
        }
        if (filter.to() != null) {
            where.and("started_at < ?", filter.to());
        }
        return where;
    }

    private static CallRecord map(ResultSet row) throws SQLException {
        return new CallRecord(row.getLong("id"), row.getLong("tenant_id"), row.getString("call_id"),
                row.getString("caller"), row.getString("callee"), Columns.getInstant(row, "started_at"),
                Columns.getInstant(row, "answered_at"), Columns.getInstant(row, "ended_at"),
                Columns.getEnum(row, "disposition", Disposition.class),
                Columns.getEnum(row, "hung_up_by", HangupParty.class), row.getInt("sip_cause"), quality(row),
                row.getString("answered_by"), Columns.getEnum(row, "end_reason", CallEndReason.class));
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

    /** The columns hold two decimals; the summary is rounded to them already. */
    private static BigDecimal decimal(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static Double getDecimal(ResultSet row, String column) throws SQLException {
        BigDecimal v = row.getBigDecimal(column);
        return v == null ? null : v.doubleValue();
    }
}
