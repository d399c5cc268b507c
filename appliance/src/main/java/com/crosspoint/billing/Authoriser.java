package com.crosspoint.billing;

import com.crosspoint.billing.limits.BlockedDestinations;
import com.crosspoint.billing.rating.PricedPlan;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.RetailRate;
import com.crosspoint.model.UserBilling;
import com.crosspoint.store.DuplicateKeyException;
import com.crosspoint.store.LedgerStore;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Decides whether an outside call may start and for how long: frozen accounts and users, blocked destinations, the
 * plan's rate, concurrent calls, funds and spend limits, in that order. {@link #admit} decides in memory and
 * returns at once, the reservation committing in the background (the call set-up path: the carrier's answer waits
 * for it, not the INVITE); {@link #authorise} returns once it is committed.
 */
public final class Authoriser {
    private final Accounts accounts;
    private final Tariffs tariffs;
    private final LedgerStore ledger;
    private final BillingListener listener;
    private final BillingSettings settings;

    public Authoriser(Accounts accounts, Tariffs tariffs, LedgerStore ledger, BillingListener listener,
                      BillingSettings settings) {
        this.accounts = accounts;
        this.tariffs = tariffs;
        this.ledger = ledger;
        this.listener = listener;
        this.settings = settings;
    }

    /**
     * The decision at once: a granted call's money is held in memory and its reservation still committing (see
     * {@link Authorisation.Granted#durable}).
     */
    public Authorisation admit(CallStart start) {
        Authorisation decision = decide(start);
        if (decision instanceof Authorisation.Refused refused) {
            listener.refused(start, refused.reason(), refused.detail());
        }
        return decision;
    }

    /**
     * The decision once a granted call's reservation is committed: a call rated before (its Call-ID in the store)
     * is refused as a duplicate, another failed commit throws its error.
     */
    public Authorisation authorise(CallStart start) {
        Authorisation decision = admit(start);
        if (decision instanceof Authorisation.Granted granted) {
            try {
                granted.durable().join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof DuplicateKeyException) {
                    return refuse(Refusal.DUPLICATE_CALL, "call " + start.callId() + " is authorised");
                }
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return decision;
    }

    /** Notes the carrier that carries the call, for its cost; false when the call holds no reservation. */
    public boolean carriedBy(String callId, long carrierId) {
        return ledger.noteCarrier(callId, carrierId);
    }

    private Authorisation decide(CallStart start) {
        Optional<TenantBook> found = accounts.bookOrNull(start.tenantId());
        if (found.isEmpty()) {
            return refuse(Refusal.NO_ACCOUNT, "tenant " + start.tenantId());
        }
        TenantBook book = found.get();
        BillingAccount account = book.account();
        UserBilling user = book.user(start.userId());
        if (account.frozen()) {
            return refuse(Refusal.ACCOUNT_FROZEN, "tenant " + start.tenantId());
        }
        if (user != null && user.frozen()) {
            return refuse(Refusal.USER_FROZEN, "user " + start.userId());
        }
        String blocked = BlockedDestinations.match(account.limits().blockedPatterns(), start.destination());
        if (blocked == null && user != null) {
            blocked = BlockedDestinations.match(user.limits().blockedPatterns(), start.destination());
        }
        if (blocked != null) {
            return refuse(Refusal.DESTINATION_BLOCKED, "matches " + blocked);
        }
        Optional<PricedPlan> plan = tariffs.get().planFor(start.tenantId(), start.userId());
        RetailRate rate = plan.map(p -> p.rateFor(start.destination(), start.at())).orElse(null);
        if (rate == null) {
            return refuse(Refusal.NO_RATE, start.destination());
        }
        return book.reserve(start, rate, settings.maxReservationSeconds());
    }

    private static Authorisation refuse(Refusal reason, String detail) {
        return new Authorisation.Refused(reason, detail);
    }
}
