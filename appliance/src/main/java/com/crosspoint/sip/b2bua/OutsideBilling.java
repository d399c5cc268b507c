package com.crosspoint.sip.b2bua;

import com.crosspoint.billing.OutsideCallGate;
import com.crosspoint.events.BillingEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Billing as the PBX's outside calls see it: the gate asked before a call goes out, how long before a cut-off its
 * warning is published, where billing news goes, and the running billed calls.
 */
record OutsideBilling(OutsideCallGate gate, Duration cutOffWarning, Consumer<BillingEvent> publish,
                      BilledCalls running) {
    /** No billing: every outside call goes out unbilled. */
    static final OutsideBilling NONE = new OutsideBilling(OutsideCallGate.OPEN, Duration.ZERO, e -> { },
            new BilledCalls());

    OutsideBilling {
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(cutOffWarning, "cutOffWarning");
        Objects.requireNonNull(publish, "publish");
        Objects.requireNonNull(running, "running");
    }
}
