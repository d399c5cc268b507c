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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Authorisations offered at a fixed rate from the PBX's call lanes (one thread each), as calls arrive: each call's
 * latency counts from when it was due, so waiting behind a slow commit counts too (no coordinated omission).
 */
final class AuthorisationLoad {
    private static final int LANES = 16;

    private AuthorisationLoad() {
    }

    static List<Reservation> offer(Authoriser authoriser, long tenantId, List<RetailRate> rates, Instant at,
                                   int perSecond, int calls, String prefix) throws Exception {
        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        long[] nanos = new long[calls];
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
                granted.add(lanes.submit(() -> {
                    Authorisation a = authoriser.authorise(new CallStart(prefix + "-" + call, tenantId, null, number,
                            at.plusMillis(call)));
                    nanos[call] = System.nanoTime() - due;
                    return ((Authorisation.Granted) a).reservation();
                }));
            }
            List<Reservation> held = new ArrayList<>(calls);
            for (Future<Reservation> f : granted) {
                held.add(f.get());
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            Arrays.sort(nanos);
            System.out.printf("authorise on Derby at %,d calls/s offered from %d lanes (reservations group-committed):"
                    + " p50 %.0f µs, p99 %.0f µs, max %.0f µs over %,d calls (%,.0f calls/s done)%n", perSecond, LANES,
                    nanos[calls / 2] / 1e3, nanos[calls * 99 / 100] / 1e3, nanos[calls - 1] / 1e3, calls,
                    calls / seconds);
            return held;
        } finally {
            lanes.shutdownNow();
        }
    }
}
