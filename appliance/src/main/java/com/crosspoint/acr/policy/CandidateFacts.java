package com.crosspoint.acr.policy;

import com.crosspoint.acr.quality.QualityFigures;
import com.crosspoint.acr.rate.RateMatch;
import com.crosspoint.model.Carrier;
import java.util.Objects;

/**
 * What the router knows about one carrier for one call, gathered before ranking, so that ranking is a pure
 * function.
 *
 * @param rate            the carrier's rate for the number, null when its deck has none
 * @param figures         its quality window for the number's destination group
 * @param availability    its breaker, as seen for this call
 * @param health          1 for a breaker without recent failures, down to 0 at the failures that open it
 * @param channelsInUse   its live calls
 * @param callsThisSecond calls started to it in the current second
 */
public record CandidateFacts(Carrier carrier, RateMatch rate, QualityFigures figures, Availability availability,
                             double health, int channelsInUse, int callsThisSecond) {
    /** The breaker's answer for this call. */
    public enum Availability {
        CLOSED, OPEN,
        /** Half-open, and this call is its trial. */
        TRIAL,
        /** Half-open, and another call is the trial. */
        TRIAL_UNDER_WAY
    }

    public CandidateFacts {
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(availability, "availability");
    }
}
