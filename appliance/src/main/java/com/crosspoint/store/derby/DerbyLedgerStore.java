package com.crosspoint.store.derby;

import com.crosspoint.model.AccountFunds;
import com.crosspoint.model.BillableCall;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.Reservation;
import com.crosspoint.store.DuplicateKeyException;
import com.crosspoint.store.LedgerStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reservations, ratings and the ledger, with the account's balance and reserved columns changed in the same
 * transaction as the rows that explain them.
 */
final class DerbyLedgerStore implements LedgerStore {
    private static final Table RESERVATION = Table.named("billing_reservation")
            .fixed("call_id", "tenant_id", "user_id", "destination", "rate_prefix", "granted_seconds", "amount_micros",
                    "currency", "created_at")
            .columns("state", "carrier_id", "closed_at", "cdr_id")
            .key("id");
    private static final Table LEDGER = Table.named("billing_ledger")
            .fixed("tenant_id", "posted_at", "kind", "amount_micros", "currency", "actor", "reason", "user_id", "cdr_id")
            .key("id");
    /** A chunk of open reservations in id order, read off ix_billing_reservation_state_id (see pendingCalls). */
    static final String OPEN_AFTER = RESERVATION.select("--DERBY-PROPERTIES index = IX_BILLING_RESERVATION_STATE_ID\n"
            + "WHERE state = ? AND id > ? ORDER BY id FETCH FIRST ? ROWS ONLY");
    private static final String CHANGE_BALANCE =
            "UPDATE billing_account SET balance_micros = balance_micros + ? WHERE tenant_id = ?";
    private static final String CHANGE_RESERVED =
            "UPDATE billing_account SET reserved_micros = reserved_micros + ? WHERE tenant_id = ?";

    private final Transactions tx;
    private final IdBlocks ids;

    DerbyLedgerStore(Transactions tx, IdBlocks ids) {
        this.tx = tx;
        this.ids = ids;
    }

    @Override
    public AccountFunds funds(long tenantId) {
        return tx.run(sql -> sql.first("SELECT balance_micros, reserved_micros FROM billing_account WHERE tenant_id = ?",
                r -> new AccountFunds(tenantId, r.getLong(1), r.getLong(2)), tenantId))
                .orElseThrow(() -> noAccount(tenantId));
    }

    @Override
    public Reservation reserve(Reservation given) {
        Reservation r = numbered(given);
        reserveAll(List.of(r));
        return r;
    }

    @Override
    public Reservation numbered(Reservation given) {
        return new Reservation(ids.next("billing_reservation"), given.callId(), given.tenantId(), given.userId(),
                given.destination(), given.ratePrefix(), given.grantedSeconds(), given.amountMicros(), given.currency(),
                Columns.millis(given.createdAt()), Reservation.State.OPEN, given.carrierId());
    }

    @Override
    public void reserveAll(List<Reservation> numbered) {
        String callIds = numbered.size() == 1 ? numbered.get(0).callId() : numbered.size() + " calls";
        tx.run(sql -> {
            for (Reservation r : numbered) {
                changeAccount(sql, CHANGE_RESERVED, r.amountMicros(), r.tenantId());
                sql.insert(RESERVATION, r.callId(), r.tenantId(), r.userId(), r.destination(), r.ratePrefix(),
                        r.grantedSeconds(), r.amountMicros(), r.currency(), r.createdAt(), Reservation.State.OPEN,
                        r.carrierId(), null, null, r.id());
            }
            return null;
        }, new Transactions.Unique("callId", "a call of " + callIds + " already has a reservation"));
    }

    @Override
    public boolean noteCarrier(String callId, long carrierId) {
        return tx.run(sql -> sql.update("UPDATE billing_reservation SET carrier_id = ? WHERE call_id = ?", carrierId,
                callId) > 0);
    }

    @Override
    public boolean release(long reservationId, Instant at) {
        return tx.run(sql -> close(sql, reservationId, Reservation.State.RELEASED, at, null));
    }

    @Override
    public boolean settle(Settlement s) {
        try {
            settleAll(List.of(s));
            return true;
        } catch (DuplicateKeyException alreadyRated) {
            return false;
        }
    }

    @Override
    public void settleAll(List<Settlement> settlements) {
        List<LedgerEntry> charges = new ArrayList<>(settlements.size());
        for (Settlement s : settlements) {
            charges.add(s.charge() == null ? null : s.charge().withId(ids.next("billing_ledger")));
        }
        String cdrs = settlements.size() == 1 ? "CDR " + settlements.get(0).rating().call().cdrId()
                : "one of " + settlements.size() + " CDRs";
        tx.run(sql -> {
            for (int i = 0; i < settlements.size(); i++) {
                Settlement s = settlements.get(i);
                RatedCall rating = s.rating();
                RatingTable.insert(sql, rating, s.at());
                if (charges.get(i) != null) {
                    insertEntry(sql, charges.get(i));
                }
                Long reservationId = rating.call().reservationId();
                if (reservationId != null) {
                    close(sql, reservationId, Reservation.State.SETTLED, s.at(), rating.call().cdrId());
                }
            }
            return null;
        }, new Transactions.Unique("cdrId", cdrs + " is already rated"));
    }

    @Override
    public LedgerEntry post(LedgerEntry given) {
        LedgerEntry entry = given.withId(ids.next("billing_ledger"));
        tx.run(sql -> {
            insertEntry(sql, entry);
            return null;
        });
        return new LedgerEntry(entry.id(), entry.tenantId(), Columns.millis(entry.at()), entry.kind(),
                entry.amountMicros(), entry.currency(), entry.actor(), entry.reason(), entry.userId(), entry.cdrId());
    }

    /**
     * One transaction per call of the re-rater (a page of a thousand calls): the figures, the corrections and the
     * balances; the corrections' ids are reserved in one commit before it, not a hundred at a time.
     */
    @Override
    public void rerate(List<Rerating> reratings, Instant at) {
        List<Rerating> corrected = new ArrayList<>();
        for (Rerating r : reratings) {
            if (r.correction() != null) {
                corrected.add(r);
            }
        }
        long firstId = corrected.isEmpty() ? 0 : ids.range("billing_ledger", corrected.size());
        tx.run(sql -> {
            RatingTable.refigure(sql, reratings, at);
            // the accounts last and in tenant order: their row locks are held briefly, and taken in one order
            Map<Long, Long> byTenant = new TreeMap<>();
            sql.batch(LEDGER.insert(), corrected, new Sql.Binder<Rerating>() {
                private long id = firstId;

                @Override
                public void bind(PreparedStatement statement, Rerating r) throws SQLException {
                    LedgerEntry e = r.correction();
                    bindEntry(statement, e, id++);
                    byTenant.merge(e.tenantId(), e.amountMicros(), Long::sum);
                }
            });
            for (Map.Entry<Long, Long> tenant : byTenant.entrySet()) {
                changeAccount(sql, CHANGE_BALANCE, tenant.getValue(), tenant.getKey());
            }
            return null;
        });
    }

    @Override
    public Optional<Reservation> reservation(long reservationId) {
        return tx.run(sql -> sql.first(RESERVATION.select("WHERE id = ?"), DerbyLedgerStore::reservation,
                reservationId));
    }

    @Override
    public Optional<Reservation> reservationOfCall(String callId) {
        return tx.run(sql -> sql.first(RESERVATION.select("WHERE call_id = ?"), DerbyLedgerStore::reservation, callId));
    }

    @Override
    public List<Reservation> openReservations() {
        return tx.run(sql -> sql.list(RESERVATION.select("--DERBY-PROPERTIES index = IX_BILLING_RESERVATION_STATE_ID\n"
                + "WHERE state = ? ORDER BY id"), DerbyLedgerStore::reservation, Reservation.State.OPEN));
    }

    /**
     * Open reservations after {@code afterReservationId} in id order, a chunk at a time, then each one's CDR by call
     * id: index look-ups only, so a page costs the same however many settled reservations the table holds. As one
     * join, Derby scanned call_record once per reservation (65 s for 10,000 open calls). The index is named because
     * the statistics give "state = ?" half the table (two values), and Derby would rather scan all of it by the
     * primary key than sort (PendingCallsPlanTest).
     */
    @Override
    public List<BillableCall> pendingCalls(long afterReservationId, int limit) {
        return tx.run(sql -> {
            List<BillableCall> pending = new ArrayList<>();
            long after = afterReservationId;
            while (pending.size() < limit) {
                List<Reservation> open = sql.list(OPEN_AFTER, DerbyLedgerStore::reservation, Reservation.State.OPEN,
                        after, limit);
                for (Reservation r : open) {
                    cdrOf(sql, r).ifPresent(pending::add);
                    after = r.id();
                    if (pending.size() == limit) {
                        break;
                    }
                }
                if (open.size() < limit) {
                    break;
                }
            }
            return pending;
        });
    }

    @Override
    public Optional<BillableCall> pendingCall(String callId) {
        return tx.run(sql -> {
            Optional<Reservation> open = sql.first(RESERVATION.select("WHERE call_id = ? AND closed_at IS NULL"),
                    DerbyLedgerStore::reservation, callId);
            return open.isEmpty() ? Optional.empty() : cdrOf(sql, open.get());
        });
    }

    private static Optional<BillableCall> cdrOf(Sql sql, Reservation r) throws SQLException {
        return sql.first("SELECT id, started_at, answered_at, ended_at FROM call_record WHERE call_id = ?"
                + " AND tenant_id = ? ORDER BY id FETCH FIRST 1 ROWS ONLY", row -> new BillableCall(row.getLong("id"),
                r.callId(), r.tenantId(), r.userId(), r.destination(), r.carrierId(),
                Columns.getInstant(row, "started_at"), Columns.getInstant(row, "answered_at"),
                Columns.getInstant(row, "ended_at"), r.id()), r.callId(), r.tenantId());
    }

    @Override
    public Optional<RatedCall> rating(long cdrId) {
        return tx.run(sql -> RatingTable.rating(sql, cdrId));
    }

    @Override
    public List<RatedCall> ratingsOf(List<Long> cdrIds) {
        if (cdrIds.isEmpty()) {
            return List.of();
        }
        if (cdrIds.size() > MAX_IDS) {
            throw new IllegalArgumentException("at most " + MAX_IDS + " CDR ids, not " + cdrIds.size());
        }
        return tx.run(sql -> RatingTable.ratingsOf(sql, cdrIds));
    }

    @Override
    public List<RatedCall> ratings(Period period, RatedCall after, int limit) {
        return tx.run(sql -> RatingTable.page(sql, period, after, limit));
    }

    @Override
    public List<CarrierMargin> carrierMargins(Instant since) {
        return tx.run(sql -> RatingTable.carrierMargins(sql, since));
    }

    @Override
    public List<LedgerEntry> entries(long tenantId, Instant from, Instant to) {
        return tx.run(sql -> sql.list(LEDGER.select("WHERE tenant_id = ? AND posted_at >= ? AND posted_at < ? ORDER BY posted_at, id"),
                DerbyLedgerStore::entry, tenantId, from, to));
    }

    @Override
    public List<LedgerEntry> spendSince(Instant since) {
        return tx.run(sql -> sql.list(LEDGER.select("WHERE posted_at >= ? AND kind = ? ORDER BY posted_at"),
                DerbyLedgerStore::entry, since, LedgerEntry.Kind.CHARGE));
    }

    @Override
    public LedgerTotals totals(long tenantId) {
        return tx.run(sql -> {
            AccountFunds funds = sql.first("SELECT balance_micros, reserved_micros FROM billing_account"
                    + " WHERE tenant_id = ?", r -> new AccountFunds(tenantId, r.getLong(1), r.getLong(2)), tenantId)
                    .orElseThrow(() -> noAccount(tenantId));
            long ledger = sql.count("SELECT COALESCE(SUM(amount_micros), 0) FROM billing_ledger WHERE tenant_id = ?",
                    tenantId);
            long open = sql.count("SELECT COALESCE(SUM(amount_micros), 0) FROM billing_reservation"
                    + " WHERE tenant_id = ? AND state = ?", tenantId, Reservation.State.OPEN);
            List<Long> unbalanced = sql.list("SELECT r.cdr_id FROM billing_rating r"
                    + " LEFT JOIN billing_ledger l ON l.cdr_id = r.cdr_id WHERE r.tenant_id = ?"
                    + " GROUP BY r.cdr_id, r.price_micros HAVING r.price_micros + COALESCE(SUM(l.amount_micros), 0) <> 0"
                    + " ORDER BY r.cdr_id", row -> row.getLong(1), tenantId);
            long unrated = sql.count("SELECT COUNT(*) FROM billing_ledger l WHERE l.tenant_id = ?"
                    + " AND l.cdr_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM billing_rating r WHERE r.cdr_id = l.cdr_id)",
                    tenantId);
            long openButRated = sql.count("SELECT COUNT(*) FROM billing_reservation v WHERE v.tenant_id = ?"
                    + " AND v.state = ? AND EXISTS (SELECT 1 FROM billing_rating r WHERE r.reservation_id = v.id)",
                    tenantId, Reservation.State.OPEN);
            return new LedgerTotals(funds.balanceMicros(), ledger, funds.reservedMicros(), open, unbalanced, unrated,
                    openButRated);
        });
    }

    /**
     * Closes an OPEN reservation and gives its money back to the funds; false when it was not open. "closed_at IS
     * NULL" means open, and keeps Derby on the primary key: given "state = ?" it picks the state index and scans
     * every open reservation once per settled call.
     */
    private static boolean close(Sql sql, long reservationId, Reservation.State state, Instant at, Long cdrId)
            throws SQLException {
        int closed = sql.update("UPDATE billing_reservation SET state = ?, closed_at = ?, cdr_id = ?"
                + " WHERE id = ? AND closed_at IS NULL", state, at, cdrId, reservationId);
        if (closed == 0) {
            return false;
        }
        long[] held = sql.one("SELECT tenant_id, amount_micros FROM billing_reservation WHERE id = ?",
                r -> new long[] {r.getLong(1), r.getLong(2)}, reservationId);
        changeAccount(sql, CHANGE_RESERVED, -held[1], held[0]);
        return true;
    }

    private static void insertEntry(Sql sql, LedgerEntry entry) throws SQLException {
        changeAccount(sql, CHANGE_BALANCE, entry.amountMicros(), entry.tenantId());
        sql.insert(LEDGER, entryRow(entry));
    }

    private static void changeAccount(Sql sql, String statement, long micros, long tenantId) throws SQLException {
        if (sql.update(statement, micros, tenantId) == 0) {
            throw noAccount(tenantId);
        }
    }

    private static NoSuchElementException noAccount(long tenantId) {
        return new NoSuchElementException("tenant " + tenantId + " has no billing account");
    }

    /** A ledger line bound by type, for the re-rater's batches of thousands. */
    private static void bindEntry(PreparedStatement statement, LedgerEntry e, long id) throws SQLException {
        statement.setLong(1, e.tenantId());
        statement.setLong(2, e.at().toEpochMilli());
        statement.setString(3, e.kind().name());
        statement.setLong(4, e.amountMicros());
        statement.setString(5, e.currency());
        statement.setString(6, e.actor());
        statement.setString(7, e.reason());
        Columns.set(statement, 8, e.userId());
        Columns.set(statement, 9, e.cdrId());
        statement.setLong(10, id);
    }

    private static Object[] entryRow(LedgerEntry e) {
        return new Object[] {e.tenantId(), Columns.millis(e.at()), e.kind(), e.amountMicros(), e.currency(), e.actor(),
                e.reason(), e.userId(), e.cdrId(), e.id()};
    }

    private static Reservation reservation(ResultSet row) throws SQLException {
        return new Reservation(row.getLong("id"), row.getString("call_id"), row.getLong("tenant_id"),
                Columns.getLong(row, "user_id"), row.getString("destination"), row.getString("rate_prefix"),
                row.getLong("granted_seconds"), row.getLong("amount_micros"), row.getString("currency"),
                Columns.getInstant(row, "created_at"), Columns.getEnum(row, "state", Reservation.State.class),
                Columns.getLong(row, "carrier_id"));
    }

    private static LedgerEntry entry(ResultSet row) throws SQLException {
        return new LedgerEntry(row.getLong("id"), row.getLong("tenant_id"), Columns.getInstant(row, "posted_at"),
                Columns.getEnum(row, "kind", LedgerEntry.Kind.class), row.getLong("amount_micros"),
                row.getString("currency"), row.getString("actor"), row.getString("reason"),
                Columns.getLong(row, "user_id"), Columns.getLong(row, "cdr_id"));
    }
}
