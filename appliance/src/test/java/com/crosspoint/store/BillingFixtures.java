package com.crosspoint.store;

import com.crosspoint.model.BillableCall;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatePlan;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.Reservation;
import com.crosspoint.model.RetailRate;
import com.crosspoint.model.SpendLimits;
import com.crosspoint.model.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Billing data for the store contracts: every tenant and call its own. */
public final class BillingFixtures {
    public static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    private BillingFixtures() {
    }

    public static RatePlan plan(Stores stores, Tenant tenant, String currency) {
        return stores.ratePlans().createPlan(new RatePlan(0, tenant.id(), StoreFixtures.unique("plan"), currency,
                ZoneId.of("Europe/Berlin")));
    }

    public static RetailRate rate(String prefix, long perMinuteMicros, LocalDate from, LocalDate until) {
        return new RetailRate(0, 0, prefix, "to " + prefix, perMinuteMicros, 0, 0, 60, 60, from, until);
    }

    /** A prepaid EUR tenant on a plan of its own, with nothing on the ledger. */
    public static BillingAccount prepaid(Stores stores, Tenant tenant) {
        RatePlan plan = plan(stores, tenant, "EUR");
        return stores.billingAccounts().create(new BillingAccount(tenant.id(), BillingAccount.Kind.PREPAID, "EUR",
                plan.id(), 0, 0, false, SpendLimits.NONE));
    }

    public static Reservation reservation(Tenant tenant, String callId, long micros) {
        return new Reservation(0, callId, tenant.id(), null, "447700900123", "447", 60, micros, "EUR",
                StoreFixtures.T0, Reservation.State.OPEN, null);
    }

    public static LedgerEntry topUp(Tenant tenant, long micros) {
        return new LedgerEntry(0, tenant.id(), StoreFixtures.T0, LedgerEntry.Kind.TOP_UP, micros, "EUR", "admin",
                "receipt 17", null, null);
    }

    /** The call of a stored CDR, as rating sees it. */
    public static BillableCall billable(CallRecord cdr, Reservation reservation) {
        return new BillableCall(cdr.id(), cdr.callId(), cdr.tenantId(), null, "447700900123", 3L, cdr.startedAt(),
                cdr.answeredAt(), cdr.endedAt(), reservation == null ? null : reservation.id());
    }

    public static RatedCall rated(BillableCall call, long priceMicros) {
        return new RatedCall(call, 60, new Money(priceMicros, "EUR"), "447", new Money(priceMicros / 2, "EUR"), "44");
    }

    public static LedgerEntry charge(BillableCall call, long priceMicros, Instant at) {
        return new LedgerEntry(0, call.tenantId(), at, LedgerEntry.Kind.CHARGE, -priceMicros, "EUR", "rating",
                "call " + call.callId(), call.userId(), call.cdrId());
    }
}
