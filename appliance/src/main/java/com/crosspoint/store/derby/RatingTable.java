package com.crosspoint.store.derby;

import com.crosspoint.model.BillableCall;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatedCall;
import com.crosspoint.store.LedgerStore.CarrierMargin;
import com.crosspoint.store.LedgerStore.Period;
import com.crosspoint.store.LedgerStore.Rerating;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Table billing_rating: a rated call as a row and the queries over ratings, inside the caller's transaction. Rows are
 * read by column position and re-rated figures bound by type: re-rating a month reads and writes millions of them, and
 * Derby's look-up of a column by name showed as a quarter of the reading in the profile.
 */
final class RatingTable {
    private static final Table RATING = Table.named("billing_rating")
            .fixed("call_id", "tenant_id", "user_id", "destination", "carrier_id", "reservation_id", "started_at",
                    "answered_at", "ended_at")
            .columns("billed_seconds", "price_micros", "price_currency", "sell_prefix", "cost_micros", "cost_currency",
                    "buy_prefix", "margin_micros", "rated_at")
            .key("cdr_id");
    /** The figures of a re-rating, only where they are still as read: a rating changed meanwhile is not overwritten. */
    private static final String REFIGURE = "UPDATE billing_rating SET billed_seconds = ?, price_micros = ?,"
            + " price_currency = ?, sell_prefix = ?, cost_micros = ?, cost_currency = ?, buy_prefix = ?,"
            + " margin_micros = ?, rated_at = ? WHERE cdr_id = ? AND price_micros = ? AND billed_seconds = ?";
    private static final int FIGURES = 9;

    private RatingTable() {
    }

    static void insert(Sql sql, RatedCall r, Instant at) throws SQLException {
        BillableCall c = r.call();
        Money cost = r.cost();
        Money margin = r.margin();
        sql.insert(RATING, c.callId(), c.tenantId(), c.userId(), c.destination(), c.carrierId(), c.reservationId(),
                c.startedAt(), c.answeredAt(), c.endedAt(), r.billedSeconds(), r.price().micros(),
                r.price().currency(), r.sellPrefix(), cost == null ? null : cost.micros(),
                cost == null ? null : cost.currency(), r.buyPrefix(), margin == null ? null : margin.micros(), at,
                c.cdrId());
    }

    static Optional<RatedCall> rating(Sql sql, long cdrId) throws SQLException {
        return sql.first(RATING.select("WHERE cdr_id = ?"), RatingTable::rated, cdrId);
    }

    static List<RatedCall> ratingsOf(Sql sql, List<Long> cdrIds) throws SQLException {
        String marks = String.join(",", Collections.nCopies(cdrIds.size(), "?"));
        return sql.list(RATING.select("WHERE cdr_id IN (" + marks + ")"), RatingTable::rated, cdrIds.toArray());
    }

    /** See {@link com.crosspoint.store.LedgerStore#ratings}. */
    static List<RatedCall> page(Sql sql, Period period, RatedCall after, int limit) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        // a page starts where the last ended, so each page is one index range, not a scan from the period's start
        Instant start = after == null || after.call().startedAt().isBefore(period.from()) ? period.from()
                : after.call().startedAt();
        StringBuilder where = new StringBuilder("WHERE started_at >= ? AND started_at < ?");
        parameters.add(start);
        parameters.add(period.to());
        if (period.tenantId() != null) {
            where.append(" AND tenant_id = ?");
            parameters.add(period.tenantId());
        }
        if (after != null) {
            where.append(" AND NOT (started_at = ? AND cdr_id <= ?)");
            parameters.add(after.call().startedAt());
            parameters.add(after.call().cdrId());
        }
        parameters.add(limit);
        String order = period.tenantId() == null ? " ORDER BY started_at, cdr_id"
                : " ORDER BY tenant_id, started_at, cdr_id";
        return sql.list(RATING.select(where + order + " FETCH FIRST ? ROWS ONLY"), RatingTable::rated,
                parameters.toArray());
    }

    static List<CarrierMargin> carrierMargins(Sql sql, Instant since) throws SQLException {
        // margin_micros is set only when cost and price share a currency, so one currency per group
        return sql.list("SELECT carrier_id, price_currency, COUNT(*), SUM(billed_seconds), SUM(cost_micros),"
                        + " SUM(price_micros), SUM(margin_micros) FROM billing_rating WHERE started_at >= ?"
                        + " AND carrier_id IS NOT NULL AND margin_micros IS NOT NULL"
                        + " GROUP BY carrier_id, price_currency ORDER BY carrier_id, price_currency",
                r -> new CarrierMargin(r.getLong(1), r.getString(2), r.getLong(3), r.getLong(4), r.getLong(5),
                        r.getLong(6), r.getLong(7)), since);
    }

    /**
     * Replaces the ratings' figures with their re-rated ones, in one batch.
     *
     * @throws IllegalStateException when a rating is no longer as its {@code before} says
     */
    static void refigure(Sql sql, List<Rerating> reratings, Instant at) throws SQLException {
        long ratedAt = at.toEpochMilli();
        int[] changed = sql.batch(REFIGURE, reratings, (statement, r) -> {
            bindFigures(statement, r.after(), ratedAt);
            statement.setLong(FIGURES + 1, r.after().call().cdrId());
            statement.setLong(FIGURES + 2, r.before().price().micros());
            statement.setLong(FIGURES + 3, r.before().billedSeconds());
        });
        for (int i = 0; i < changed.length; i++) {
            if (changed[i] != 1) {
                throw new IllegalStateException("CDR " + reratings.get(i).before().call().cdrId()
                        + " was rated again meanwhile");
            }
        }
    }

    private static void bindFigures(PreparedStatement statement, RatedCall r, long ratedAt) throws SQLException {
        Money cost = r.cost();
        Money margin = r.margin();
        statement.setLong(1, r.billedSeconds());
        statement.setLong(2, r.price().micros());
        statement.setString(3, r.price().currency());
        statement.setString(4, r.sellPrefix());
        setLong(statement, 5, cost == null ? null : cost.micros());
        statement.setString(6, cost == null ? null : cost.currency());
        statement.setString(7, r.buyPrefix());
        setLong(statement, 8, margin == null ? null : margin.micros());
        statement.setLong(9, ratedAt);
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    /** A row of {@link #RATING}'s select, by position: fixed columns 1-9, figures 10-18, the CDR id 19. */
    private static RatedCall rated(ResultSet row) throws SQLException {
        BillableCall call = new BillableCall(row.getLong(19), row.getString(1), row.getLong(2), nullableLong(row, 3),
                row.getString(4), nullableLong(row, 5), instant(row, 7), instant(row, 8), instant(row, 9),
                nullableLong(row, 6));
        Long costMicros = nullableLong(row, 14);
        Money cost = costMicros == null ? null : new Money(costMicros, row.getString(15));
        return new RatedCall(call, row.getLong(10), new Money(row.getLong(11), row.getString(12)), row.getString(13),
                cost, row.getString(16));
    }

    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
