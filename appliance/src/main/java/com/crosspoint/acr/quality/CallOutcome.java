package com.crosspoint.acr.quality;

import java.time.Instant;
import java.util.Objects;

/**
 * One finished attempt to a carrier, as the quality windows take it.
 *
 * @param group         the destination group of the dialled number (see {@link CarrierQuality})
 * @param firstResponse the first 18x or 2xx, null when none came (post-dial delay is measured to it)
 * @param answered      the 2xx, null when not answered
 * @param mos           the call's mean opinion score when its media passed the appliance, else NaN
 */
public record CallOutcome(long carrierId, String group, Instant started, Instant firstResponse, Instant answered,
                          Instant ended, int finalCode, double mos) {
    public CallOutcome {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(ended, "ended");
    }

    public CallResult result() {
        return CallResult.of(finalCode);
    }
}
