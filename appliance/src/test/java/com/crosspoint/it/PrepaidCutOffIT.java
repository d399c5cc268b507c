package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.AccountFunds;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.CallEndReason;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.SpendLimits;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.SippProcess;
import com.crosspoint.testing.SippResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Billing ends real calls (issue 14 acceptance): a baresip phone dials out through the PBX and the node's call router
 * to a SIPp carrier; the appliance itself ends the call (BYE to both sides) when the prepaid balance is used up,
 * when an hourly spend limit is reached, or at once when the account is frozen. The balance then ends at 0, never
 * below (two calls at once share it), and the CDR says why the call ended and costs it from the carrier the router
 * named.
 */
class PrepaidCutOffIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private BilledCallHarness pbx;

    @BeforeEach
    void node() throws Exception {
        pbx = new BilledCallHarness();
        pbx.node.user("1001", "Alice", "pw-alice-1001");
        pbx.did("1001");
    }

    @AfterEach
    void stop() {
        pbx.close();
    }

    @Test
    void aBalanceWorth30SecondsIsCutAt30SecondsAndEndsAtZero() throws Exception {
        pbx.account(BillingAccount.Kind.PREPAID, "0.30", "0", SpendLimits.NONE);
        CallRecord cdr = talkUntilTheApplianceHangsUp("prepaid-carrier", Duration.ofSeconds(40));

        assertThat(cdr.endReason()).isEqualTo(CallEndReason.CREDIT_EXHAUSTED);
        assertThat(cdr.hungUpBy()).isEqualTo(HangupParty.SYSTEM);
        assertThat(cdr.duration()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
        await().atMost(WAIT).untilAsserted(() -> {
            AccountFunds funds = pbx.funds();
            assertThat(funds.reservedMicros()).as("the reservation is settled").isZero();
            assertThat(funds.balanceMicros()).as("0, not negative").isZero();
        });
        assertThat(pbx.billing().audit().unbalanced()).as("the ledger balances against the CDRs").isEmpty();
        assertThat(pbx.rating(cdr)).hasValueSatisfying(r -> {
            assertThat(r.call().carrierId()).as("the router named the carrier").isEqualTo(pbx.carrierId);
            // the deck has no increment column, so it bills whole minutes (60/60): 30 s cost a minute's 0.01 EUR
            assertThat(r.cost().micros()).as("a started minute at 0.01 EUR").isEqualTo(10_000);
        });
    }

    @Test
    void twoSimultaneousCallsOnABalanceWorth30SecondsTogetherNeverExceedIt() throws Exception {
        pbx.account(BillingAccount.Kind.PREPAID, "0.30", "0", SpendLimits.NONE);
        try (SippProcess carrier = pbx.carrier("shared-balance-carrier", Duration.ofSeconds(45));
             BaresipPhone desk = phone(); BaresipPhone mobile = phone()) {
            desk.dial(pbx.node.uri("6175551234"));
            mobile.dial(pbx.node.uri("6175551234"));
            desk.awaitEvent("CALL_CLOSED", Duration.ofSeconds(40));
            mobile.awaitEvent("CALL_CLOSED", Duration.ofSeconds(40));
            SippResult result = carrier.await();
            assertThat(result.allSucceeded()).as("the carrier got one call and its BYE: " + result.summary()).isTrue();
        }
        List<CallRecord> cdrs = await().atMost(WAIT).until(pbx::cdrs, c -> c.size() == 2);
        // whichever authorised first holds the 30 s; the other finds nothing left and is refused before it goes out
        assertThat(cdrs).filteredOn(c -> c.disposition() == Disposition.ANSWERED).singleElement().satisfies(c -> {
            assertThat(c.endReason()).isEqualTo(CallEndReason.CREDIT_EXHAUSTED);
            assertThat(c.duration()).isBetween(Duration.ofSeconds(29), Duration.ofSeconds(31));
        });
        assertThat(cdrs).filteredOn(c -> c.disposition() != Disposition.ANSWERED).singleElement()
                .satisfies(c -> assertThat(c.sipCause()).as("Payment Required").isEqualTo(402));
        await().atMost(WAIT).untilAsserted(() -> {
            AccountFunds funds = pbx.funds();
            assertThat(funds.reservedMicros()).isZero();
            assertThat(funds.balanceMicros()).as("0, not negative").isZero();
        });
        assertThat(pbx.billing().audit().unbalanced()).isEmpty();
    }

    @Test
    void anHourlySpendLimitStopsTheCallThatCrossesIt() throws Exception {
        // postpaid with plenty of credit: only the limit of 0.10 EUR an hour (10 s) stops the call
        pbx.account(BillingAccount.Kind.POSTPAID, "0", "100", new SpendLimits(0, 100_000, 0, List.of()));
        CallRecord cdr = talkUntilTheApplianceHangsUp("spend-limit-carrier", Duration.ofSeconds(30));

        assertThat(cdr.endReason()).isEqualTo(CallEndReason.SPEND_LIMIT);
        assertThat(cdr.duration()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(11));
        await().atMost(WAIT).untilAsserted(() -> assertThat(pbx.funds().balanceMicros()).isEqualTo(-100_000));
    }

    @Test
    void aFrozenAccountsRunningCallEndsWithinOneSecond() throws Exception {
        pbx.account(BillingAccount.Kind.PREPAID, "10", "0", SpendLimits.NONE);
        try (SippProcess carrier = pbx.carrier("frozen-carrier", Duration.ofSeconds(30));
             BaresipPhone alice = phone()) {
            alice.dial(pbx.node.uri("6175551234"));
            alice.awaitEvent("CALL_ESTABLISHED", WAIT);
            Thread.sleep(2000); // talking
            Instant frozenAt = Instant.now();
            pbx.billing().accounts().freeze(pbx.tenantId(), true);
            alice.awaitEvent("CALL_CLOSED", WAIT);

            CallRecord cdr = await().atMost(WAIT).until(() -> pbx.onlyCdr().orElse(null), r -> r != null);
            assertThat(cdr.endReason()).isEqualTo(CallEndReason.FROZEN);
            assertThat(Duration.between(frozenAt, cdr.endedAt())).isLessThan(Duration.ofSeconds(1));
            SippResult result = carrier.await();
            assertThat(result.allSucceeded()).as("the carrier got a BYE: " + result.summary()).isTrue();
        }
    }

    private BaresipPhone phone() {
        BaresipPhone alice = BaresipPhone.builder(pbx.node.uri("1001")).password("pw-alice-1001").tone(700).start();
        alice.awaitRegistered(WAIT);
        return alice;
    }

    /** Alice calls the carrier and talks until the call is ended, not by her; the CDR of the call. */
    private CallRecord talkUntilTheApplianceHangsUp(String carrierName, Duration timeout) throws Exception {
        try (SippProcess carrier = pbx.carrier(carrierName, timeout); BaresipPhone alice = phone()) {
            alice.dial(pbx.node.uri("6175551234"));
            alice.awaitEvent("CALL_ESTABLISHED", WAIT);
            alice.awaitEvent("CALL_CLOSED", timeout);
            SippResult result = carrier.await();
            assertThat(result.allSucceeded()).as("the carrier got a BYE: " + result.summary()).isTrue();
        }
        return await().atMost(WAIT).until(() -> pbx.onlyCdr().orElse(null), r -> r != null);
    }
}
