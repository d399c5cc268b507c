package com.crosspoint.boot;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.billing.Billing;
import com.crosspoint.billing.BillingListener;
import com.crosspoint.billing.BillingRecovery;
import com.crosspoint.billing.BillingSettings;
import com.crosspoint.billing.EndedCalls;
import com.crosspoint.events.EventBus;
import com.crosspoint.store.Stores;
import java.time.Clock;
import java.util.Deque;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the node's billing engine (issue 14): the buy side is the call router's live decks, every committed CDR
 * wakes the rating pipeline, and what a crash left open is settled before the first call is authorised.
 */
final class BillingWiring {
    private static final Logger LOG = LoggerFactory.getLogger(BillingWiring.class);

    private BillingWiring() {
    }

    static Billing start(Stores stores, AdaptiveCallRouter router, EventBus events, BillingListener listener,
                         BillingSettings settings, Clock clock, Deque<AutoCloseable> closers) {
        Billing billing = new Billing(stores, router::rate, listener, settings, clock);
        closers.push(billing);
        closers.push(EndedCalls.feed(events, billing.pipeline()));
        // no call survives the process: every open reservation is settled from its CDR or released
        BillingRecovery.Outcome recovered = billing.start(Set.of());
        LOG.debug("Billing started; recovery settled {} and released {}", recovered.settled(), recovered.released());
        return billing;
    }
}
