package com.crosspoint.billing;

import com.crosspoint.billing.rating.Rater;
import com.crosspoint.model.BillableCall;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.Reservation;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.Settlement;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The end of a billed call: rates it and, in one transaction, stores the rating, charges the price and settles the
 * reservation (its unused rest goes back to the funds). Idempotent: a CDR already rated is left alone, so a
 * repeated event, a sweep and the start-up recovery may all try the same call.
 */
public final class CallSettlement {
    /** Who the ledger names for charges. */
    public static final String ACTOR = "rating";

    private final Accounts accounts;
    private final LedgerStore ledger;
    private final Rater rater;
    private final BillingListener listener;
    private final Clock clock;

    public CallSettlement(Accounts accounts, LedgerStore ledger, Rater rater, BillingListener listener, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.rater = rater;
        this.listener = listener;
        this.clock = clock;
    }

    /** Rates and settles a finished call; false when its CDR was rated before. */
    public boolean settle(BillableCall call) {
        RatedCall rated = rater.rate(call);
        Instant now = clock.instant();
        long price = rated.price().micros();
        LedgerEntry charge = price == 0 ? null : new LedgerEntry(0, call.tenantId(), now, LedgerEntry.Kind.CHARGE,
                -price, rated.price().currency(), ACTOR, "call to +" + call.destination(), call.userId(),
                call.cdrId());
        Settlement settlement = new Settlement(rated, charge, now);
        Optional<TenantBook> book = accounts.bookOrNull(call.tenantId());
        boolean settled = book.isPresent() ? book.get().settle(settlement) : ledger.settle(settlement);
        if (settled) {
            listener.rated(rated);
        }
        return settled;
    }

    /** Gives back the money of a call that never produced a CDR; false when the reservation is not open. */
    public boolean release(Reservation reservation) {
        Instant now = clock.instant();
        return accounts.bookOrNull(reservation.tenantId())
                .map(book -> book.release(reservation.id(), now))
                .orElseGet(() -> ledger.release(reservation.id(), now));
    }
}
