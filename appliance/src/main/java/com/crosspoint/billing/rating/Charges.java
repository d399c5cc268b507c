package com.crosspoint.billing.rating;

import com.crosspoint.acr.rate.RateMatch;
import com.crosspoint.model.RetailRate;
import java.time.Duration;
import java.time.Instant;

/**
 * The arithmetic of a call's charge, exact in micro-units. One rounding per call, half up to the micro-unit, after
 * multiplying the per-minute rate by the billed seconds: never per increment, so a long call does not gather
 * rounding errors.
 */
public final class Charges {
    private static final long MILLIS_PER_SECOND = 1000;
    private static final long SECONDS_PER_MINUTE = 60;

    private Charges() {
    }

    /** Talk time in whole seconds, a started second counting whole (30.001 s is 31); 0 for unanswered calls. */
    public static long talkSeconds(Instant answeredAt, Instant endedAt) {
        if (answeredAt == null || !endedAt.isAfter(answeredAt)) {
            return 0;
        }
        long millis = Duration.between(answeredAt, endedAt).toMillis();
        return (millis + MILLIS_PER_SECOND - 1) / MILLIS_PER_SECOND;
    }

    /** Seconds billed for {@code seconds} of talk: the first increment whole, then every started next one. */
    public static long billedSeconds(long seconds, int first, int next) {
        if (seconds <= 0) {
            return 0;
        }
        if (seconds <= first) {
            return first;
        }
        long rest = seconds - first;
        return first + (rest + next - 1) / next * next;
    }

    /** {@code ratePerMinute x seconds / 60}, rounded half up to a micro-unit. */
    public static long usage(long ratePerMinuteMicros, long seconds) {
        return (Math.multiplyExact(ratePerMinuteMicros, seconds) + SECONDS_PER_MINUTE / 2) / SECONDS_PER_MINUTE;
    }

    /**
     * What the customer pays for a call at {@code rate}: nothing when it was not answered; else
     * {@code max(minimum, connection fee + usage of the billed seconds)}. An answered call of 0 s pays the
     * connection fee (or the minimum).
     */
    public static long price(RetailRate rate, boolean answered, long talkSeconds) {
        if (!answered) {
            return 0;
        }
        return priceOfBilled(rate, billedSeconds(talkSeconds, rate.firstIncrement(), rate.nextIncrement()));
    }

    /** The price of an answered call billed {@code billedSeconds} (already on the increment grid). */
    public static long priceOfBilled(RetailRate rate, long billedSeconds) {
        long charge = rate.connectionFeeMicros() + usage(rate.pricePerMinuteMicros(), billedSeconds);
        return Math.max(rate.minimumChargeMicros(), charge);
    }

    /** What the carrier charges for a call at its deck row: its rate over its own increments, no fee. */
    public static long cost(RateMatch rate, long talkSeconds) {
        long billed = rate.increment().billedSeconds(talkSeconds);
        return usage(rate.ratePerMinuteMicros(), billed);
    }
}
