package com.crosspoint.boot;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.billing.Billing;
import com.crosspoint.billing.BillingGate;
import com.crosspoint.billing.BillingNotices;
import com.crosspoint.billing.BillingRecovery;
import com.crosspoint.billing.EndedCalls;
import com.crosspoint.billing.OutsideCallGate;
import com.crosspoint.billing.RunningCalls;
import com.crosspoint.config.BillingConfig;
import com.crosspoint.events.EventBus;
import com.crosspoint.store.Stores;
import java.time.Clock;
import java.util.Deque;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the node's billing engine (issue 14) with {@code billing.*}: the buy side is the call router's live decks,
 * every committed CDR wakes the rating pipeline, billing news goes on the event bus, and what a crash left open
 * is settled before the first call is authorised. The PBX attaches its running calls once it is up, so that a
 * freeze can end them.
 */
final class BillingWiring {
    private static final Logger LOG = LoggerFactory.getLogger(BillingWiring.class);

    private final Billing billing;
    private final BillingNotices notices;
    private final OutsideCallGate gate;

    private BillingWiring(Billing billing, BillingNotices notices, OutsideCallGate gate) {
        this.billing = billing;
        this.notices = notices;
        this.gate = gate;
    }

    static BillingWiring start(Stores stores, AdaptiveCallRouter router, EventBus events, BillingConfig config,
                               Clock clock, Deque<AutoCloseable> closers) {
        BillingNotices notices = new BillingNotices(events, clock);
        Billing billing = new Billing(stores, router::rate, notices, config.settings(), clock);
        closers.push(billing);
        closers.push(EndedCalls.feed(events, billing.pipeline()));
        // no call survives the process: every open reservation is settled from its CDR or released
        BillingRecovery.Outcome recovered = billing.start(Set.of());
        LOG.debug("Billing started; recovery settled {} and released {}", recovered.settled(), recovered.released());
        return new BillingWiring(billing, notices, new BillingGate(billing, config.unbilledTenants()));
    }

    Billing billing() {
        return billing;
    }

    /** What the PBX asks before an outside call goes out. */
    OutsideCallGate gate() {
        return gate;
    }

    /** The PBX is up: a freeze ends its running billed calls from now on. */
    void attach(RunningCalls calls) {
        notices.attach(calls);
    }
}
