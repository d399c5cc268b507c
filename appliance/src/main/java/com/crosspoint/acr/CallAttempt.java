package com.crosspoint.acr;

import java.time.Instant;

/** One attempt to a carrier, reported as it happens; only the first end counts, later calls are ignored. */
public interface CallAttempt {
    /** A 18x arrived (post-dial delay ends at the first 18x or the 2xx). */
    void provisional(Instant at);

    /** The 2xx arrived. */
    void answered(Instant at);

    /**
     * The attempt is over: for an answered call at its BYE with 200, otherwise at its final response (a timeout
     * as 408). Frees the channel.
     */
    void ended(int finalCode, Instant at);

    /** As {@link #ended(int, Instant)}, with the call's MOS when its media passed the appliance. */
    void ended(int finalCode, Instant at, double mos);
}
