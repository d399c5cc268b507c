package com.crosspoint.acr.availability;

import java.time.Duration;

/**
 * @param failuresToOpen consecutive failed calls (timeout, 5xx) that open the breaker; one failed probe always does
 * @param coolDown       how long it stays open before a trial
 * @param trialTimeout   how long a trial call may stay unreported before another trial may start
 */
public record BreakerSettings(int failuresToOpen, Duration coolDown, Duration trialTimeout) {
    public static final BreakerSettings DEFAULT = new BreakerSettings(5, Duration.ofSeconds(30), Duration.ofSeconds(60));

    public BreakerSettings {
        if (failuresToOpen < 1 || coolDown.isNegative() || trialTimeout.isNegative() || trialTimeout.isZero()) {
            throw new IllegalArgumentException("failuresToOpen >= 1, coolDown >= 0 and trialTimeout > 0: "
                    + failuresToOpen + ", " + coolDown + ", " + trialTimeout);
        }
    }
}
