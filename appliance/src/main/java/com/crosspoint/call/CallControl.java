package com.crosspoint.call;

/** What the API may do to live calls. */
public interface CallControl {
    /** Ends the call (BYE to both parties, or cancels it while ringing); false when no such call. */
    boolean hangUp(String callId);
}
