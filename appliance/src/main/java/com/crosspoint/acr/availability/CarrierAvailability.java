package com.crosspoint.acr.availability;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The circuit breakers of all carriers, created on first mention. */
public final class CarrierAvailability implements ProbeReports {
    private final BreakerSettings settings;
    private final Clock clock;
    private final Map<Long, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    public CarrierAvailability(BreakerSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public CircuitBreaker of(long carrierId) {
        return breakers.computeIfAbsent(carrierId, id -> new CircuitBreaker("#" + id, settings, clock));
    }

    @Override
    public void probeSucceeded(long carrierId) {
        of(carrierId).probeSucceeded();
    }

    @Override
    public void probeFailed(long carrierId) {
        of(carrierId).probeFailed();
    }

    /** Forgets a deleted carrier. */
    public void remove(long carrierId) {
        breakers.remove(carrierId);
    }
}
