package com.crosspoint.billing;

import com.crosspoint.model.Money;
import com.crosspoint.model.RatedCall;

/**
 * What billing tells the rest of the appliance (the event bus, the SIP side that ends calls). Called outside billing's
 * locks, on the thread that made the change; implementations hand off and return at once.
 */
public interface BillingListener {
    BillingListener NONE = new BillingListener() {
    };

    /** The funds still available fell below the account's warning threshold (once per crossing). */
    default void fundsLow(long tenantId, Money available, Money threshold) {
    }

    default void refused(CallStart call, Refusal reason, String detail) {
    }

    default void rated(RatedCall call) {
    }

    /** An account (userId null) or a user was frozen or thawed: running calls of a frozen one must end. */
    default void frozen(long tenantId, Long userId, boolean frozen) {
    }
}
