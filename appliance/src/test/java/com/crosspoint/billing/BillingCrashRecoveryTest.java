package com.crosspoint.billing;

import static com.crosspoint.billing.BillingEngine.micros;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.Reservation;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.Period;
import com.crosspoint.store.derby.DerbyStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of billing: a child JVM places calls on a real Derby database and is killed with
 * SIGKILL at a moment of the OS's choosing. After reopening, recovery settles what has a CDR and releases what has
 * none; then no reservation is open, no call is charged twice, and the ledger balances to the micro-unit against the
 * rated CDRs.
 */
class BillingCrashRecoveryTest {
    private static final String TOP_UP = "1000";

    @TempDir
    Path dataDir;
    @TempDir
    Path logs;

    @Test
    void afterAKilledProcessNoReservationIsLostOrChargedTwice() throws Exception {
        long tenant;
        try (DerbyStores stores = DerbyStores.open(dataDir)) {
            tenant = new BillingEngine(stores, Clock.systemUTC()).prepaid(TOP_UP);
        }

        int finished = runChildAndKillIt(tenant, 40);

        try (DerbyStores stores = DerbyStores.open(dataDir)) {
            BillingEngine billing = new BillingEngine(stores, Clock.systemUTC());
            LedgerStore ledger = stores.ledger();
            List<Reservation> openBefore = ledger.openReservations();
            assertThat(openBefore).as("the child was killed with calls in flight").isNotEmpty();

            BillingRecovery.Outcome outcome = billing.recovery.recover(Set.of());
            BillingRecovery.Outcome again = billing.recovery.recover(Set.of());

            assertThat(outcome.settled() + outcome.released()).isEqualTo(openBefore.size());
            assertThat(again).isEqualTo(new BillingRecovery.Outcome(0, 0));
            assertThat(ledger.openReservations()).isEmpty();
            assertThat(billing.accounts.funds(tenant).reservedMicros()).isZero();
            List<RatedCall> rated = ledger.ratings(new Period(tenant, Instant.EPOCH,
                    Instant.parse("2100-01-01T00:00:00Z")), null, 1_000_000);
            assertThat(rated.size()).as("finished %d calls", finished).isGreaterThanOrEqualTo(finished / 2);
            long prices = rated.stream().mapToLong(r -> r.price().micros()).sum();
            long charges = ledger.entries(tenant, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
                    .filter(e -> e.kind() == LedgerEntry.Kind.CHARGE).mapToLong(LedgerEntry::amountMicros).sum();
            assertThat(-charges).isEqualTo(prices).isPositive();
            assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros(TOP_UP) - prices);
            assertThat(billing.audit.check(tenant).balanced()).as("%s", billing.audit.check(tenant)).isTrue();
        }
    }

    /** Starts the child, waits until it finished {@code calls} calls, kills it; returns how many it reported. */
    private int runChildAndKillIt(long tenant, int calls) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                BillingCrashChild.class.getName(), dataDir.toString(), Long.toString(tenant))
                .redirectError(logs.resolve("child.log").toFile())
                .start();
        int last = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (last < calls && (line = out.readLine()) != null) {
                last = Integer.parseInt(line.trim());
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(last).as("the child placed its calls").isGreaterThanOrEqualTo(calls);
        return last;
    }
}
