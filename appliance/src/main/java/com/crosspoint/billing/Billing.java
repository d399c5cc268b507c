package com.crosspoint.billing;

import com.crosspoint.billing.rating.CarrierRates;
import com.crosspoint.billing.rating.Rater;
import com.crosspoint.store.Stores;
import java.time.Clock;
import java.util.Set;

/**
 * The billing engine of a node, composed once (issue 14, ADR 0012): plans, accounts and their ledger, the authoriser
 * the SIP side asks before an outside call, the rating pipeline that prices each finished call, re-rating, the audit
 * and crash recovery. The buy side is whatever {@link CarrierRates} gives (the router's live decks), so a corrected
 * deck is what the next rating and a re-rating cost calls at.
 */
public final class Billing implements AutoCloseable {
    private final Tariffs tariffs;
    private final Accounts accounts;
    private final Authoriser authoriser;
    private final Rater rater;
    private final CallSettlement settlement;
    private final RatingPipeline pipeline;
    private final Rerater rerater;
    private final LedgerAudit audit;
    private final BillingRecovery recovery;

    public Billing(Stores stores, CarrierRates carriers, BillingListener listener, BillingSettings settings,
                   Clock clock) {
        tariffs = new Tariffs(stores.ratePlans(), stores.billingAccounts());
        accounts = new Accounts(stores.billingAccounts(), stores.ledger(), tariffs, listener, clock);
        authoriser = new Authoriser(accounts, tariffs, stores.ledger(), listener, settings);
        rater = new Rater(tariffs, carriers, settings.deckCurrency());
        settlement = new CallSettlement(accounts, stores.ledger(), rater, listener, clock);
        pipeline = new RatingPipeline(stores.ledger(), settlement, settings.sweepInterval());
        rerater = new Rerater(accounts, stores.ledger(), rater, clock);
        audit = new LedgerAudit(stores.billingAccounts(), stores.ledger());
        recovery = new BillingRecovery(stores.ledger(), pipeline, settlement);
        accounts.load();
    }

    /**
     * Settles what a crash left open (no call survives the process, so {@code liveCallIds} is empty at start) and
     * starts rating finished calls.
     */
    public BillingRecovery.Outcome start(Set<String> liveCallIds) {
        BillingRecovery.Outcome outcome = recovery.recover(liveCallIds);
        pipeline.start();
        return outcome;
    }

    public Tariffs tariffs() {
        return tariffs;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Authoriser authoriser() {
        return authoriser;
    }

    public Rater rater() {
        return rater;
    }

    public CallSettlement settlement() {
        return settlement;
    }

    public RatingPipeline pipeline() {
        return pipeline;
    }

    public Rerater rerater() {
        return rerater;
    }

    public LedgerAudit audit() {
        return audit;
    }

    public BillingRecovery recovery() {
        return recovery;
    }

    @Override
    public void close() {
        pipeline.close();
        accounts.close();
    }
}
