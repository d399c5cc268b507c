package com.crosspoint.sip.b2bua;

import com.crosspoint.trunk.Trunks;
import java.time.Duration;
import java.util.Objects;

/**
 * The way out of the PBX for its calls: the trunk servers (call routers, gateways), how long one may stay
 * silent before a call moves to the next, and billing, asked before a call goes out.
 */
record OutsideLines(Trunks trunks, Duration responseTimeout, OutsideBilling billing) {
    OutsideLines {
        Objects.requireNonNull(trunks, "trunks");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(billing, "billing");
    }

    /** Outside calls without billing. */
    OutsideLines(Trunks trunks, Duration responseTimeout) {
        this(trunks, responseTimeout, OutsideBilling.NONE);
    }
}
