package com.crosspoint.acr.availability;

/** What the OPTIONS prober (on the SIP side) reports into, per carrier. */
public interface ProbeReports {
    /** The carrier answered a probe (any final response: it is there). */
    void probeSucceeded(long carrierId);

    /** A probe got no answer in time, or the carrier could not be reached. */
    void probeFailed(long carrierId);
}
