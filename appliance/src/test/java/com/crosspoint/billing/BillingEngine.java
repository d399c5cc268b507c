package com.crosspoint.billing;

import com.crosspoint.billing.rating.CarrierDecks;
import com.crosspoint.billing.rating.Rater;
import com.crosspoint.billing.rating.RatingFixture;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatePlan;
import com.crosspoint.model.Reservation;
import com.crosspoint.model.SpendLimits;
import com.crosspoint.model.Tenant;
import com.crosspoint.store.StoreFixtures;
import com.crosspoint.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The billing engine wired as the appliance will wire it, on a real database: every test of the package drives
 * these real classes, with a clock it controls and the fixture's plan (RatingFixture: EUR, Berlin).
 */
final class BillingEngine {
    final Stores stores;
    final Clock clock;
    final RecordingListener events = new RecordingListener();
    final CarrierDecks decks = RatingFixture.decks();
    final Tariffs tariffs;
    final Accounts accounts;
    final Authoriser authoriser;
    final Rater rater;
    final CallSettlement settlement;
    final RatingPipeline pipeline;
    final Rerater rerater;
    final LedgerAudit audit;
    final BillingRecovery recovery;

    BillingEngine(Stores stores, Clock clock, BillingSettings settings) {
        this.stores = stores;
        this.clock = clock;
        Billing billing = new Billing(stores, decks, events, settings, clock);
        this.tariffs = billing.tariffs();
        this.accounts = billing.accounts();
        this.authoriser = billing.authoriser();
        this.rater = billing.rater();
        this.settlement = billing.settlement();
        this.pipeline = billing.pipeline();
        this.rerater = billing.rerater();
        this.audit = billing.audit();
        this.recovery = billing.recovery();
    }

    BillingEngine(Stores stores, Clock clock) {
        this(stores, clock, BillingSettings.DEFAULT);
    }

    /** A tenant with the fixture's plan and an account as given, topped up with {@code balance}. */
    long tenant(BillingAccount.Kind kind, String balance, String creditLimit, SpendLimits limits, String warning) {
        Tenant tenant = StoreFixtures.tenant(stores);
        RatePlan plan = tariffs.createPlan(new RatePlan(0, tenant.id(), "Retail", "EUR", RatingFixture.BERLIN));
        tariffs.addRates(plan.id(), RatingFixture.retailRates());
        accounts.open(new BillingAccount(tenant.id(), kind, "EUR", plan.id(), micros(creditLimit), micros(warning),
                false, limits));
        if (micros(balance) > 0) {
            accounts.topUp(tenant.id(), Money.parse(balance, "EUR"), "admin", "opening balance");
        }
        return tenant.id();
    }

    long prepaid(String balance) {
        return tenant(BillingAccount.Kind.PREPAID, balance, "0", SpendLimits.NONE, "0");
    }

    long user(long tenantId) {
        Tenant tenant = stores.tenants().find(tenantId).orElseThrow();
        return StoreFixtures.user(stores, tenant).id();
    }

    CallStart start(long tenantId, Long userId, String destination) {
        return new CallStart(StoreFixtures.unique("call-") + "@192.0.2.1", tenantId, userId, destination,
                clock.instant());
    }

    /** Authorises and expects a grant. */
    Reservation grant(CallStart start) {
        Authorisation decision = authoriser.authorise(start);
        if (!(decision instanceof Authorisation.Granted granted)) {
            throw new AssertionError("expected a grant, got " + decision);
        }
        return granted.reservation();
    }

    /** Commits the CDR of a reserved call answered 2 s after it started and talking {@code talk}. */
    CallRecord end(Reservation reservation, Duration talk) {
        Instant answered = reservation.createdAt().plusSeconds(2);
        return stores.cdrs().save(new CallRecord(0, reservation.tenantId(), reservation.callId(), "201",
                "00" + reservation.destination(), reservation.createdAt(), answered, answered.plus(talk),
                Disposition.ANSWERED, HangupParty.CALLER, 200));
    }

    /** Commits the CDR of a reserved call nobody answered. */
    CallRecord endUnanswered(Reservation reservation) {
        return stores.cdrs().save(new CallRecord(0, reservation.tenantId(), reservation.callId(), "201",
                "00" + reservation.destination(), reservation.createdAt(), null,
                reservation.createdAt().plusSeconds(20), Disposition.NO_ANSWER, HangupParty.CALLER, 487));
    }

    static long micros(String decimal) {
        return Money.parse(decimal, "EUR").micros();
    }
}
