package com.crosspoint.billing;

import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.CarrierMargin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each carrier's margin on the rated calls that started within a window, per currency. Read from the store at most
 * once per {@code maxAge}: every dashboard and console polls the carriers every few seconds, and at the router's peak
 * a window holds hundreds of thousands of ratings to sum.
 */
public final class CarrierMargins {
    private final LedgerStore ledger;
    private final Clock clock;
    private final Duration maxAge;
    private Snapshot last;

    public CarrierMargins(LedgerStore ledger, Clock clock, Duration maxAge) {
        this.ledger = ledger;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Per carrier id, its margins over the {@code window} up to now (at most {@code maxAge} old). */
    public synchronized Map<Long, List<CarrierMargin>> over(Duration window) {
        Instant now = clock.instant();
        if (last == null || !last.window.equals(window) || !now.isBefore(last.at.plus(maxAge))) {
            Map<Long, List<CarrierMargin>> byCarrier = ledger.carrierMargins(now.minus(window)).stream()
                    .collect(Collectors.groupingBy(CarrierMargin::carrierId));
            last = new Snapshot(now, window, byCarrier);
        }
        return last.margins;
    }

    private record Snapshot(Instant at, Duration window, Map<Long, List<CarrierMargin>> margins) {
    }
}
