package com.crosspoint.sip.b2bua;

import com.crosspoint.trunk.Trunks;
import java.time.Duration;
import java.util.Objects;

/**
 * The way out of the PBX for its calls: the trunk servers (call routers, gateways) and how long one may stay
 * silent before a call moves to the next.
 */
record OutsideLines(Trunks trunks, Duration responseTimeout) {
    OutsideLines {
        Objects.requireNonNull(trunks, "trunks");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
    }
}
