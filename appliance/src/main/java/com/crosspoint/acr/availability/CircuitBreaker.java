package com.crosspoint.acr.availability;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One carrier's availability. CLOSED → OPEN after {@code failuresToOpen} consecutive failed calls or one failed
 * OPTIONS probe; OPEN → HALF_OPEN once the cool-down has passed (seen at the next question, no timer); in HALF_OPEN
 * one trial call is let through ({@link #tryAcquireTrial}) and the first result, of that call or of a probe,
 * decides: success closes, failure opens for another cool-down. A trial nobody reports on is given up after
 * {@code trialTimeout}, so that a lost result cannot keep the carrier out for good.
 */
public final class CircuitBreaker {
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    private final String name;
    private final BreakerSettings settings;
    private final Clock clock;
    private BreakerState state = BreakerState.CLOSED;
    private int consecutiveFailures;
    private long openedAtMillis;
    /** When the running trial was let through; 0 when none runs. */
    private long trialSinceMillis;

    public CircuitBreaker(String name, BreakerSettings settings, Clock clock) {
        this.name = name;
        this.settings = settings;
        this.clock = clock;
    }

    public synchronized BreakerState state() {
        if (state == BreakerState.OPEN && clock.millis() - openedAtMillis >= settings.coolDown().toMillis()) {
            moveTo(BreakerState.HALF_OPEN, "cool-down over");
            trialSinceMillis = 0;
        }
        return state;
    }

    /** Consecutive failed calls since the last success. */
    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /**
     * Whether a call may go to the carrier now: always when CLOSED, never when OPEN, and in HALF_OPEN only as the
     * one trial (which this call then is).
     */
    public synchronized boolean tryAcquireTrial() {
        BreakerState now = state();
        if (now == BreakerState.CLOSED) {
            return true;
        }
        if (now == BreakerState.OPEN) {
            return false;
        }
        long time = clock.millis();
        if (trialSinceMillis != 0 && time - trialSinceMillis < settings.trialTimeout().toMillis()) {
            return false;
        }
        trialSinceMillis = time;
        return true;
    }

    /** Whether {@link #tryAcquireTrial} would let a call through now, without letting it: for explanations. */
    public synchronized boolean wouldAdmit() {
        BreakerState now = state();
        return now == BreakerState.CLOSED || now == BreakerState.HALF_OPEN
                && (trialSinceMillis == 0 || clock.millis() - trialSinceMillis >= settings.trialTimeout().toMillis());
    }

    public BreakerSettings settings() {
        return settings;
    }

    /** A call answered, or refused by the user: the carrier works. */
    public synchronized void callSucceeded() {
        succeeded("call succeeded");
    }

    /** A call timed out or got a 5xx. */
    public synchronized void callFailed() {
        consecutiveFailures++;
        BreakerState now = state();
        if (now == BreakerState.HALF_OPEN) {
            open("trial call failed");
        } else if (now == BreakerState.CLOSED && consecutiveFailures >= settings.failuresToOpen()) {
            open(consecutiveFailures + " consecutive failed calls");
        }
    }

    public synchronized void probeSucceeded() {
        succeeded("probe answered");
    }

    public synchronized void probeFailed() {
        if (state() != BreakerState.OPEN) {
            open("probe failed");
        }
    }

    private void succeeded(String why) {
        consecutiveFailures = 0;
        if (state() == BreakerState.HALF_OPEN) {
            moveTo(BreakerState.CLOSED, why);
        }
    }

    private void open(String why) {
        openedAtMillis = clock.millis();
        trialSinceMillis = 0;
        moveTo(BreakerState.OPEN, why);
    }

    private void moveTo(BreakerState next, String why) {
        if (state != next) {
            LOG.info("Carrier {}: {} -> {} ({})", name, state, next, why);
        }
        state = next;
    }
}
