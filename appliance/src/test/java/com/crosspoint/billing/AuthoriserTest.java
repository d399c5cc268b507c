package com.crosspoint.billing;

import static com.crosspoint.billing.BillingEngine.micros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.Reservation;
import com.crosspoint.model.SpendLimits;
import com.crosspoint.model.UserBilling;
import com.crosspoint.store.DuplicateKeyException;
import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Authorisation on a real database. Fixture rates: 44 at 0.10/min (60/60), 447 at 0.30/min (30/6, fee 0.05), 44791
 * at 0.50/min (1/1).
 */
class AuthoriserTest {
    private static final String UK_LANDLINE = "442071234567";
    private static final String PER_SECOND = "447911123456";

    @RegisterExtension
    static final BillingDatabase DATABASE = new BillingDatabase();

    private MutableClock clock;
    private BillingEngine billing;

    @BeforeEach
    void engine() {
        clock = new MutableClock(Instant.parse("2026-02-10T11:00:00Z"));
        billing = new BillingEngine(DATABASE.stores(), clock);
    }

    private Refusal refusal(CallStart start) {
        Authorisation decision = billing.authoriser.authorise(start);
        assertThat(decision).isInstanceOf(Authorisation.Refused.class);
        return ((Authorisation.Refused) decision).reason();
    }

    @Test
    void grantsTheSecondsTheBalanceAffordsAndHoldsTheirPrice() {
        long tenant = billing.prepaid("0.30");

        Reservation r = billing.grant(billing.start(tenant, null, PER_SECOND));

        assertThat(r.grantedSeconds()).isEqualTo(36);
        assertThat(r.amountMicros()).isEqualTo(micros("0.30"));
        assertThat(billing.accounts.funds(tenant).reservedMicros()).isEqualTo(micros("0.30"));
        assertThat(DATABASE.stores().ledger().funds(tenant)).isEqualTo(billing.accounts.funds(tenant));
    }

    @Test
    void twoCallsOnABalanceWorthThirtySecondsNeverExceedIt() {
        long tenant = billing.prepaid("0.25");

        Reservation first = billing.grant(billing.start(tenant, null, PER_SECOND));

        assertThat(first.grantedSeconds()).isEqualTo(30);
        assertThat(refusal(billing.start(tenant, null, PER_SECOND))).isEqualTo(Refusal.INSUFFICIENT_FUNDS);
        billing.end(first, Duration.ofSeconds(30));
        billing.pipeline.sweep();
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isZero();
    }

    @Test
    void aFirstIncrementTheBalanceCannotPayIsRefusedAndHoldsNothing() {
        long tenant = billing.prepaid("0.09");

        assertThat(refusal(billing.start(tenant, null, UK_LANDLINE))).isEqualTo(Refusal.INSUFFICIENT_FUNDS);
        assertThat(billing.accounts.funds(tenant).reservedMicros()).isZero();
        assertThat(billing.events.refusals).containsExactly(Refusal.INSUFFICIENT_FUNDS);
    }

    @Test
    void aPostpaidAccountSpendsItsCreditLimit() {
        long tenant = billing.tenant(BillingAccount.Kind.POSTPAID, "0", "1.00", SpendLimits.NONE, "0");

        Reservation r = billing.grant(billing.start(tenant, null, UK_LANDLINE));

        assertThat(r.grantedSeconds()).isEqualTo(600);
        assertThat(refusal(billing.start(tenant, null, UK_LANDLINE))).isEqualTo(Refusal.INSUFFICIENT_FUNDS);
    }

    @Test
    void theFirstCallMayHoldTheWholeBalanceUnlessTheCapIsSmaller() {
        long tenant = billing.prepaid("10");

        billing.grant(billing.start(tenant, null, UK_LANDLINE));

        assertThat(refusal(billing.start(tenant, null, UK_LANDLINE))).isEqualTo(Refusal.INSUFFICIENT_FUNDS);
    }

    @Test
    void theAllowanceNeverExceedsTheCap() {
        long tenant = billing.prepaid("1000");
        BillingEngine capped = new BillingEngine(DATABASE.stores(), clock,
                new BillingSettings("EUR", 3600, Duration.ofSeconds(5)));

        assertThat(capped.grant(capped.start(tenant, null, UK_LANDLINE)).grantedSeconds()).isEqualTo(3600);
    }

    @Test
    void aFrozenAccountOrUserIsRefusedAtOnceAndThawedAgain() {
        long tenant = billing.prepaid("10");
        long user = billing.user(tenant);

        billing.accounts.freeze(tenant, true);
        assertThat(refusal(billing.start(tenant, user, UK_LANDLINE))).isEqualTo(Refusal.ACCOUNT_FROZEN);
        billing.accounts.freeze(tenant, false);
        billing.accounts.putUser(new UserBilling(tenant, user, null, true, SpendLimits.NONE));
        assertThat(refusal(billing.start(tenant, user, UK_LANDLINE))).isEqualTo(Refusal.USER_FROZEN);
        billing.grant(billing.start(tenant, null, UK_LANDLINE));

        assertThat(billing.events.freezes).containsExactly(tenant + "/null: true", tenant + "/null: false",
                tenant + "/" + user + ": true");
    }

    @Test
    void blockedPatternsOfTheTenantAndTheUserAreRefused() {
        long tenant = billing.tenant(BillingAccount.Kind.PREPAID, "100", "0",
                new SpendLimits(0, 0, 0, List.of("4479X1")), "0");
        long user = billing.user(tenant);
        billing.accounts.putUser(new UserBilling(tenant, user, null, false, new SpendLimits(0, 0, 0, List.of("33"))));

        assertThat(refusal(billing.start(tenant, null, PER_SECOND))).isEqualTo(Refusal.DESTINATION_BLOCKED);
        assertThat(refusal(billing.start(tenant, user, "33612345678"))).isEqualTo(Refusal.DESTINATION_BLOCKED);
        billing.grant(billing.start(tenant, null, "33612345678"));
        billing.grant(billing.start(tenant, user, "447920123456"));
    }

    @Test
    void aNumberWithoutARateOrATenantWithoutAnAccountIsRefused() {
        long tenant = billing.prepaid("10");

        assertThat(refusal(billing.start(tenant, null, "81312345678"))).isEqualTo(Refusal.NO_RATE);
        assertThat(refusal(billing.start(-1, null, UK_LANDLINE))).isEqualTo(Refusal.NO_ACCOUNT);
    }

    @Test
    void concurrentCallLimitsOfTenantAndUser() {
        long tenant = billing.tenant(BillingAccount.Kind.PREPAID, "100", "0", new SpendLimits(2, 0, 0, List.of()), "0");
        long user = billing.user(tenant);
        billing.accounts.putUser(new UserBilling(tenant, user, null, false, new SpendLimits(1, 0, 0, List.of())));

        Reservation first = billing.grant(billing.start(tenant, user, UK_LANDLINE));
        assertThat(refusal(billing.start(tenant, user, UK_LANDLINE))).isEqualTo(Refusal.USER_CALL_LIMIT);
        billing.grant(billing.start(tenant, null, UK_LANDLINE));
        assertThat(refusal(billing.start(tenant, null, UK_LANDLINE))).isEqualTo(Refusal.TENANT_CALL_LIMIT);

        billing.end(first, Duration.ofSeconds(10));
        billing.pipeline.sweep();
        billing.grant(billing.start(tenant, user, UK_LANDLINE));
    }

    @Test
    void anHourlySpendLimitCutsTheAllowanceAndRefusesTheNextCallUntilTheHourHasPassed() {
        long tenant = billing.tenant(BillingAccount.Kind.PREPAID, "100", "0",
                new SpendLimits(0, micros("0.20"), 0, List.of()), "0");

        Reservation first = billing.grant(billing.start(tenant, null, UK_LANDLINE));
        assertThat(first.grantedSeconds()).as("0.20 buys two minutes at 0.10").isEqualTo(120);
        assertThat(refusal(billing.start(tenant, null, UK_LANDLINE))).isEqualTo(Refusal.TENANT_HOURLY_SPEND);

        billing.end(first, Duration.ofSeconds(120));
        billing.pipeline.sweep();
        clock.advance(Duration.ofMinutes(59));
        assertThat(refusal(billing.start(tenant, null, UK_LANDLINE))).isEqualTo(Refusal.TENANT_HOURLY_SPEND);
        clock.advance(Duration.ofMinutes(1));
        assertThat(billing.grant(billing.start(tenant, null, UK_LANDLINE)).grantedSeconds()).isEqualTo(120);
    }

    @Test
    void aUsersDailySpendLimitCountsHisChargesAndHisOpenCalls() {
        long tenant = billing.prepaid("100");
        long user = billing.user(tenant);
        billing.accounts.putUser(new UserBilling(tenant, user, null, false,
                new SpendLimits(0, 0, micros("0.30"), List.of())));

        Reservation first = billing.grant(billing.start(tenant, user, UK_LANDLINE));
        assertThat(first.grantedSeconds()).isEqualTo(180);
        assertThat(refusal(billing.start(tenant, user, UK_LANDLINE))).isEqualTo(Refusal.USER_DAILY_SPEND);
        billing.end(first, Duration.ofSeconds(50));
        billing.pipeline.sweep();
        clock.advance(Duration.ofHours(23));

        assertThat(billing.grant(billing.start(tenant, user, UK_LANDLINE)).grantedSeconds()).isEqualTo(120);
        assertThat(billing.grant(billing.start(tenant, null, UK_LANDLINE)).grantedSeconds()).isEqualTo(14_400);
    }

    @Test
    void theSameCallIsNotAuthorisedTwice() {
        long tenant = billing.prepaid("100");
        CallStart start = billing.start(tenant, null, UK_LANDLINE);
        billing.grant(start);

        assertThat(refusal(start)).isEqualTo(Refusal.DUPLICATE_CALL);
        assertThat(billing.accounts.openCalls(tenant)).isEqualTo(1);
    }

    @Test
    void aCallRatedBeforeIsRefusedAsADuplicateAfterItsCommitFails() {
        long tenant = billing.prepaid("100");
        CallStart start = billing.start(tenant, null, UK_LANDLINE);
        billing.end(billing.grant(start), Duration.ofSeconds(50));
        billing.pipeline.sweep();

        assertThat(refusal(start)).isEqualTo(Refusal.DUPLICATE_CALL);
    }

    @Test
    void admitDecidesInMemoryAndAFailedCommitGivesTheMoneyBack() {
        long tenant = billing.prepaid("100");
        CallStart start = billing.start(tenant, null, UK_LANDLINE);
        billing.end(billing.grant(start), Duration.ofSeconds(50));
        billing.pipeline.sweep();

        Authorisation again = billing.authoriser.admit(start); // the store holds this Call-ID: the commit fails
        assertThat(again).isInstanceOf(Authorisation.Granted.class);
        CompletableFuture<Void> durable = ((Authorisation.Granted) again).durable();
        assertThatThrownBy(durable::join).hasCauseInstanceOf(DuplicateKeyException.class);
        assertThat(billing.accounts.funds(tenant).reservedMicros()).isZero();
        assertThat(billing.accounts.openCalls(tenant)).isZero();
        assertThat(DATABASE.stores().ledger().funds(tenant).reservedMicros()).isZero();
    }

    @Test
    void fallingBelowTheWarningThresholdIsToldOncePerCrossing() {
        long tenant = billing.tenant(BillingAccount.Kind.PREPAID, "1.50", "0", SpendLimits.NONE, "1.00");
        BillingEngine capped = new BillingEngine(DATABASE.stores(), clock,
                new BillingSettings("EUR", 360, Duration.ofSeconds(5)));

        capped.grant(capped.start(tenant, null, UK_LANDLINE));
        assertThat(capped.events.lowFunds).containsExactly(tenant + ": 0.9 EUR < 1 EUR");
        capped.grant(capped.start(tenant, null, UK_LANDLINE));
        assertThat(capped.events.lowFunds).hasSize(1);
        capped.accounts.topUp(tenant, com.crosspoint.model.Money.parse("1", "EUR"), "admin", "receipt 9");
        assertThat(capped.events.lowFunds).as("1.30 is above the threshold again").hasSize(1);
        capped.grant(capped.start(tenant, null, UK_LANDLINE));
        assertThat(capped.events.lowFunds).hasSize(2).last().isEqualTo(tenant + ": 0.7 EUR < 1 EUR");
    }
}
