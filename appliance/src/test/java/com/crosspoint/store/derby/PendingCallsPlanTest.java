package com.crosspoint.store.derby;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.BillableCall;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rating sweep's look-up of open reservations must not grow with the settled ones: over 20,000 settled
 * reservations, with Derby's statistics up to date (they are what made it scan the table by its primary key), a page
 * is read off the (state, id) index, in order, visiting its own rows only.
 */
class PendingCallsPlanTest {
    private static final int SETTLED = 20_000;
    private static final int OPEN_WITH_CDR = 700;
    private static final int PAGE = 500;
    /** Open reservations without a CDR yet (calls in progress): every tenth open one. */
    private static final int IN_PROGRESS_EVERY = 10;

    private static Path dir;
    private static long tenant;

    @BeforeAll
    static void seed() throws Exception {
        dir = Files.createTempDirectory("crosspoint-pending-");
        try (DerbyStores stores = DerbyStores.open(dir)) {
            tenant = stores.tenants().create("sweep", "sweep.example.com").id();
        }
        RawDerby.with(dir, PendingCallsPlanTest::insertCallsAndReservations);
    }

    @AfterAll
    static void removeDatabase() throws IOException {
        DerbyStoresExtension.deleteRecursively(dir);
    }

    @Test
    void aPageOfOpenReservationsIsReadOffTheStateIdIndexWithoutASort() throws Exception {
        String plan = RawDerby.with(dir, db -> {
            try (CallableStatement stats = db.prepareCall(
                    "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'BILLING_RESERVATION', NULL)")) {
                stats.execute();
            }
            try (Statement s = db.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            }
            int rows = 0;
            try (PreparedStatement page = db.prepareStatement(DerbyLedgerStore.OPEN_AFTER)) {
                page.setString(1, "OPEN");
                page.setLong(2, SETTLED / 2);
                page.setInt(3, PAGE);
                try (ResultSet r = page.executeQuery()) {
                    while (r.next()) {
                        rows++;
                    }
                }
            }
            assertThat(rows).isEqualTo(PAGE);
            try (Statement s = db.createStatement();
                 ResultSet r = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                r.next();
                return r.getString(1);
            }
        });

        assertThat(plan).contains("Index Scan ResultSet for BILLING_RESERVATION using index"
                + " IX_BILLING_RESERVATION_STATE_ID").doesNotContain("Sort ResultSet").doesNotContain("Table Scan");
        // the page's rows only (FETCH FIRST ends the scan): none of the 20,000 settled ones
        assertThat(plan).containsPattern("Number of rows visited=" + PAGE + "\\b");
    }

    @Test
    void pagesFollowTheReservationIdsAndPassCallsInProgress() {
        try (DerbyStores stores = DerbyStores.open(dir)) {
            List<BillableCall> first = stores.ledger().pendingCalls(0, PAGE);
            long after = first.get(PAGE - 1).reservationId();
            List<BillableCall> rest = stores.ledger().pendingCalls(after, PAGE);

            List<Long> expected = LongStream.rangeClosed(SETTLED + 1, SETTLED + OPEN_WITH_CDR)
                    .filter(id -> !inProgress(id)).boxed().toList();
            assertThat(first).extracting(BillableCall::reservationId)
                    .containsExactlyElementsOf(expected.subList(0, PAGE));
            assertThat(rest).extracting(BillableCall::reservationId)
                    .containsExactlyElementsOf(expected.subList(PAGE, expected.size()));
            assertThat(first.get(0).cdrId()).isEqualTo(SETTLED + 1);
            assertThat(stores.ledger().pendingCalls(expected.get(expected.size() - 1), PAGE)).isEmpty();
        }
    }

    private static boolean inProgress(long id) {
        return id > SETTLED && id % IN_PROGRESS_EVERY == 0;
    }

    /** Ids 1..SETTLED settled; then open ones, each with its CDR unless the call is still in progress. */
    private static Void insertCallsAndReservations(Connection db) throws SQLException {
        db.setAutoCommit(false);
        try (PreparedStatement cdr = db.prepareStatement("INSERT INTO call_record (id, tenant_id, call_id, caller,"
                + " callee, started_at, answered_at, ended_at, disposition, sip_cause) VALUES (?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement reservation = db.prepareStatement("INSERT INTO billing_reservation (id, call_id,"
                     + " tenant_id, destination, rate_prefix, granted_seconds, amount_micros, currency, created_at,"
                     + " state, closed_at, cdr_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (long id = 1; id <= SETTLED + OPEN_WITH_CDR; id++) {
                boolean open = id > SETTLED;
                String callId = "sweep-" + id;
                if (!inProgress(id)) {
                    bind(cdr, id, tenant, callId, "201", "447700900123", id * 1000, id * 1000 + 2000,
                            id * 1000 + 63_000, "ANSWERED", 200);
                    cdr.addBatch();
                }
                bind(reservation, id, callId, tenant, "447700900123", "44", 600, 1_000_000, "EUR", id * 1000,
                        open ? "OPEN" : "SETTLED", open ? null : id * 1000 + 64_000, open ? null : id);
                reservation.addBatch();
                if (id % 5_000 == 0) {
                    cdr.executeBatch();
                    reservation.executeBatch();
                }
            }
            cdr.executeBatch();
            reservation.executeBatch();
        }
        db.commit();
        return null;
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.BIGINT);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }
}
