package com.crosspoint.billing;

import com.crosspoint.billing.rating.Rater;
import com.crosspoint.model.BillableCall;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.Reservation;
import com.crosspoint.store.DuplicateKeyException;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.Settlement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The end of a billed call: rates it and, in one transaction, stores the rating, charges the price and settles the
 * reservation (its unused rest goes back to the funds); many calls' transactions are grouped into one. Idempotent: a CDR already rated is left alone, so a
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
        return settleAll(List.of(call)) == 1;
    }

    /**
     * Rates and settles finished calls, their commits grouped (one transaction for as many as the writer takes at
     * once); a call whose CDR was rated before is left alone. Returns how many it settled.
     */
    public int settleAll(List<BillableCall> calls) {
        Instant now = clock.instant();
        List<Settlement> settlements = new ArrayList<>(calls.size());
        List<CompletableFuture<Void>> commits = new ArrayList<>(calls.size());
        for (BillableCall call : calls) {
            Settlement settlement = settlement(rater.rate(call), now);
            settlements.add(settlement);
            commits.add(accounts.commit(settlement));
        }
        int settled = 0;
        for (int i = 0; i < settlements.size(); i++) {
            Settlement settlement = settlements.get(i);
            try {
                commits.get(i).join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof DuplicateKeyException) {
                    continue; // rated before: a repeated event, a sweep or the recovery came first
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            accounts.bookOrNull(settlement.rating().call().tenantId()).ifPresent(book -> book.settled(settlement));
            listener.rated(settlement.rating());
            settled++;
        }
        return settled;
    }

    private static Settlement settlement(RatedCall rated, Instant now) {
        BillableCall call = rated.call();
        long price = rated.price().micros();
        LedgerEntry charge = price == 0 ? null : new LedgerEntry(0, call.tenantId(), now, LedgerEntry.Kind.CHARGE,
                -price, rated.price().currency(), ACTOR, "call to +" + call.destination(), call.userId(),
                call.cdrId());
        return new Settlement(rated, charge, now);
    }

    /** Gives back the money of a call that never produced a CDR; false when the reservation is not open. */
    public boolean release(Reservation reservation) {
        Instant now = clock.instant();
        return accounts.bookOrNull(reservation.tenantId())
                .map(book -> book.release(reservation.id(), now))
                .orElseGet(() -> ledger.release(reservation.id(), now));
    }
}
