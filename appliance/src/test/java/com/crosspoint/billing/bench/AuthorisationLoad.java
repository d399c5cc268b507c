package com.crosspoint.billing.bench;

import com.crosspoint.billing.Authorisation;
import com.crosspoint.billing.Authoriser;
import com.crosspoint.billing.CallStart;
import com.crosspoint.model.Reservation;
import com.crosspoint.model.RetailRate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Authorisations offered at a fixed rate from the PBX's call lanes (one thread each), as calls arrive: each call's
 * latency counts from when it was due, so waiting behind a slow commit counts too (no coordinated omission). Two
 * ways: {@link Authoriser#authorise} (the lane waits for the commit, as set-up did before) and {@link
 * Authoriser#admit} (the lane has its decision at once, set-up now; the commit's own latency, which the carrier's
 * answer waits for, is printed beside it).
 */
final class AuthorisationLoad {
    private static final int LANES = 16;

    private AuthorisationLoad() {
    }

    /**
     * @param atOnce {@link Authoriser#admit} when true, else {@link Authoriser#authorise}
     */
    static List<Reservation> offer(Authoriser authoriser, long tenantId, List<RetailRate> rates, Instant at,
                                   int perSecond, int calls, String prefix, boolean atOnce) throws Exception {
        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        long[] nanos = new long[calls];
        long[] durableNanos = new long[calls];
        long[] serviceNanos = new long[calls];
        List<CompletableFuture<Void>> durables = new ArrayList<>(calls);
        List<Future<Reservation>> granted = new ArrayList<>(calls);
        long began = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        try {
            for (int i = 0; i < calls; i++) {
                long due = began + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int call = i;
                String number = rates.get(i % rates.size()).prefix() + "1234567";
                CompletableFuture<Void> durable = new CompletableFuture<>();
                durables.add(durable);
                granted.add(lanes.submit(() -> {
                    long picked = System.nanoTime();
                    CallStart start = new CallStart(prefix + "-" + call, tenantId, null, number, at.plusMillis(call));
                    Authorisation.Granted g = (Authorisation.Granted) (atOnce ? authoriser.admit(start)
                            : authoriser.authorise(start));
                    nanos[call] = System.nanoTime() - due;
                    serviceNanos[call] = System.nanoTime() - picked;
                    g.durable().whenComplete((ok, failed) -> {
                        durableNanos[call] = System.nanoTime() - due;
                        durable.complete(null);
                    });
                    return g.reservation();
                }));
            }
            List<Reservation> held = new ArrayList<>(calls);
            for (Future<Reservation> f : granted) {
                held.add(f.get());
            }
            CompletableFuture.allOf(durables.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - began) / 1e9;
            Arrays.sort(nanos);
            Arrays.sort(durableNanos);
            Arrays.sort(serviceNanos);
            System.out.printf("%s on Derby at %,d calls/s offered from %d lanes: decision p50 %.0f µs, p99 %.0f µs,"
                    + " max %.0f µs (on the lane alone: p50 %.0f µs, p99 %.0f µs); reservation durable p50 %.0f µs, p99 %.0f µs over %,d calls (%,.0f calls/s done)"
                    + "; load %s%n", atOnce ? "admit (commit in the background)" : "authorise (commit awaited)",
                    perSecond, LANES, nanos[calls / 2] / 1e3, nanos[calls * 99 / 100] / 1e3, nanos[calls - 1] / 1e3,
                    serviceNanos[calls / 2] / 1e3, serviceNanos[calls * 99 / 100] / 1e3,
                    durableNanos[calls / 2] / 1e3, durableNanos[calls * 99 / 100] / 1e3, calls, calls / seconds,
                    BillingBench.load());
            return held;
        } finally {
            lanes.shutdownNow();
        }
    }
}
