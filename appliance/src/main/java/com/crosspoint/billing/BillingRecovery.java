package com.crosspoint.billing;

import com.crosspoint.model.Reservation;
import com.crosspoint.store.LedgerStore;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the books right at start, before any call is authorised: after a crash ({@code kill -9}) some reservations
 * are still OPEN. Those whose call's CDR was committed are settled from it (rated and charged once, since the rating
 * row and its charge commit together); those without a CDR are released, since no call survives the process and the
 * CDR writer commits a CDR before the call is reported over.
 */
public final class BillingRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(BillingRecovery.class);

    private final LedgerStore ledger;
    private final RatingPipeline pipeline;
    private final CallSettlement settlement;

    /** What recovery found. */
    public record Outcome(int settled, int released) {
    }

    public BillingRecovery(LedgerStore ledger, RatingPipeline pipeline, CallSettlement settlement) {
        this.ledger = ledger;
        this.pipeline = pipeline;
        this.settlement = settlement;
    }

    /** @param liveCallIds calls still running (none at start; the ids matter when run later) */
    public Outcome recover(Set<String> liveCallIds) {
        int settled = pipeline.sweep();
        int released = 0;
        for (Reservation open : ledger.openReservations()) {
            if (!liveCallIds.contains(open.callId()) && settlement.release(open)) {
                released++;
            }
        }
        if (settled + released > 0) {
            LOG.warn("Recovered billing after an unclean stop: {} calls settled from their CDRs, {} reservations"
                    + " without a CDR released", settled, released);
        }
        return new Outcome(settled, released);
    }
}
