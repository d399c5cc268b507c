package com.crosspoint.sip.b2bua;

import com.crosspoint.billing.Refusal;
import com.crosspoint.model.CallEndReason;
import java.time.Duration;
import java.time.Instant;

/**
 * When a billed call must end, and why. Rating counts a started second whole (30.001 s is 31 s), so a call ended
 * exactly at its granted seconds would often be billed one second, or one increment, past what was reserved: the
 * appliance ends it {@link #MARGIN} before, which a caller does not notice and which keeps the price within the
 * reservation (a prepaid balance ends at 0, not below).
 */
final class CutOff {
    /** Room for the timer's and the lane's delay and for the CDR's millisecond truncation. */
    static final Duration MARGIN = Duration.ofMillis(250);

    private CutOff() {
    }

    /** How long from {@code now} until the call answered at {@code answeredAt} must be ended; never negative. */
    static Duration delay(Instant answeredAt, long grantedSeconds, Instant now) {
        Instant end = answeredAt.plusSeconds(grantedSeconds).minus(MARGIN);
        return end.isAfter(now) ? Duration.between(now, end) : Duration.ZERO;
    }

    /**
     * How long from {@code now} until the warning {@code before} the cut-off; null when the call is not granted
     * longer than the warning (there is nothing to warn of ahead) or there is no warning.
     */
    static Duration warning(Instant answeredAt, long grantedSeconds, Duration before, Instant now) {
        if (before.isZero() || grantedSeconds * 1000 <= before.toMillis()) {
            return null;
        }
        return delay(answeredAt, grantedSeconds, now.plus(before));
    }

    /** What the CDR says when the allowance bound by {@code boundBy} (null: the longest call allowed) runs out. */
    static CallEndReason reason(Refusal boundBy) {
        if (boundBy == null) {
            return CallEndReason.ALLOWANCE_CAP;
        }
        return switch (boundBy) {
            case TENANT_HOURLY_SPEND, TENANT_DAILY_SPEND, USER_HOURLY_SPEND, USER_DAILY_SPEND ->
                    CallEndReason.SPEND_LIMIT;
            default -> CallEndReason.CREDIT_EXHAUSTED;
        };
    }
}
