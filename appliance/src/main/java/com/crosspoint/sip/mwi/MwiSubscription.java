package com.crosspoint.sip.mwi;

import java.time.Instant;
import javax.sip.Dialog;

/** One device's subscription to its mailbox's message summary: the dialog NOTIFYs go in, and until when. */
record MwiSubscription(long userId, Dialog dialog, String transport, Instant expiresAt) {

    boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
