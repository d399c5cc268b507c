package com.crosspoint.billing;

import static com.crosspoint.billing.BillingEngine.micros;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.Reservation;
import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Many threads authorising against one balance: the reservations never promise more than the funds. */
class BalanceConcurrencyTest {
    private static final int THREADS = 8;
    private static final int CALLS_PER_THREAD = 40;

    @RegisterExtension
    static final BillingDatabase DATABASE = new BillingDatabase();

    @Test
    void concurrentAuthorisationsNeverOverdrawAndSettleToTheMicro() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-02-10T11:00:00Z"));
        // 2-minute slices at 0.30/min 30/6 + 0.05: 0.65 a slice; 20.00 pays 30 whole slices, then smaller ones
        BillingEngine billing = new BillingEngine(DATABASE.stores(), clock,
                new BillingSettings("EUR", 120, Duration.ofSeconds(5)));
        long tenant = billing.prepaid("20");
        List<Reservation> granted = new CopyOnWriteArrayList<>();
        List<Refusal> refused = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < CALLS_PER_THREAD; i++) {
                    Authorisation decision = billing.authoriser.authorise(billing.start(tenant, null, "447700900123"));
                    if (decision instanceof Authorisation.Granted g) {
                        granted.add(g.reservation());
                    } else {
                        refused.add(((Authorisation.Refused) decision).reason());
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        long held = granted.stream().mapToLong(Reservation::amountMicros).sum();
        assertThat(held).isLessThanOrEqualTo(micros("20"));
        assertThat(micros("20") - held).as("what is left buys no first increment (0.20)").isLessThan(micros("0.20"));
        assertThat(refused).isNotEmpty().containsOnly(Refusal.INSUFFICIENT_FUNDS);
        assertThat(billing.accounts.funds(tenant).reservedMicros()).isEqualTo(held);
        assertThat(DATABASE.stores().ledger().funds(tenant).reservedMicros()).isEqualTo(held);

        // every call talks exactly its allowance: the balance ends at what nobody could use, never below zero
        for (Reservation r : granted) {
            billing.end(r, Duration.ofSeconds(r.grantedSeconds()));
        }
        billing.pipeline.sweep();
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("20") - held).isNotNegative();
        assertThat(billing.accounts.funds(tenant).reservedMicros()).isZero();
        assertThat(billing.audit.check(tenant).balanced()).isTrue();
    }
}
