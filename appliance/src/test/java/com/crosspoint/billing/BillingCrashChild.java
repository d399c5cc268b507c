package com.crosspoint.billing;

import com.crosspoint.model.Reservation;
import com.crosspoint.store.derby.DerbyStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The process {@link BillingCrashRecoveryTest} kills: it opens the database and places calls without end,
 * authorising each, committing a CDR for three in four, letting the pipeline rate every other one, and printing the
 * number of each call it finished. It never closes anything: it dies with {@code destroyForcibly} (SIGKILL).
 */
public final class BillingCrashChild {
    private BillingCrashChild() {
    }

    public static void main(String[] args) {
        DerbyStores stores = DerbyStores.open(Path.of(args[0]));
        long tenant = Long.parseLong(args[1]);
        BillingEngine billing = new BillingEngine(stores, Clock.systemUTC(),
                new BillingSettings("EUR", 300, Duration.ofSeconds(5)));
        for (int i = 0; ; i++) {
            Authorisation decision = billing.authoriser.authorise(billing.start(tenant, null, "447700900123"));
            if (decision instanceof Authorisation.Granted granted) {
                Reservation r = granted.reservation();
                if (i % 4 != 3) {
                    billing.end(r, Duration.ofSeconds(1 + i % 200));
                }
                if (i % 2 == 0) {
                    billing.pipeline.sweep();
                }
            }
            System.out.println(i);
            System.out.flush();
        }
    }
}
