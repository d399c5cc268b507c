package com.crosspoint.billing;

import static com.crosspoint.billing.BillingEngine.micros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.billing.rating.RatingFixture;
import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import com.crosspoint.events.CallEvent;
import com.crosspoint.events.EventBus;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.Reservation;
import com.crosspoint.store.BillingFixtures;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** From a committed CDR to a rated, charged, settled call, through the real event bus and database. */
class RatingPipelineTest {
    @RegisterExtension
    static final BillingDatabase DATABASE = new BillingDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-10T11:00:00Z"));
    private BillingEngine billing;
    private EventBus events;

    @BeforeEach
    void engine() {
        // a long sweep interval, so that only the ENDED event can explain a rating within the second
        billing = new BillingEngine(DATABASE.stores(), clock, new BillingSettings("EUR", 4 * 3600, Duration.ofMinutes(5)));
        events = new EventBus(100);
        EndedCalls.feed(events, billing.pipeline);
        billing.pipeline.start();
    }

    @AfterEach
    void stop() {
        billing.pipeline.close();
        events.close();
    }

    private LedgerStore ledger() {
        return DATABASE.stores().ledger();
    }

    @Test
    void aCallIsRatedWithinASecondOfItsEndedEventWithCostPriceAndMargin() {
        long tenant = billing.prepaid("10");
        Reservation r = billing.grant(billing.start(tenant, null, "447700900123"));
        billing.authoriser.carriedBy(r.callId(), RatingFixture.CARRIER);
        CallRecord cdr = billing.end(r, Duration.ofSeconds(31));

        events.publish(new CallEvent(new CallSnapshot(r.callId(), tenant, "201", "Ann", "00447700900123", null,
                CallState.ENDED, cdr.startedAt(), cdr.answeredAt(), null), clock.instant()));

        RatedCall rated = await().atMost(Duration.ofSeconds(1)).until(() -> ledger().rating(cdr.id()), Optional::isPresent)
                .orElseThrow();
        // 447: 0.30/min 30/6 + 0.05: 31 s is billed 36 s = 0.23; the deck's 447 at 0.20/min 1/1: 0.103333
        assertThat(rated.price()).isEqualTo(new Money(micros("0.23"), "EUR"));
        assertThat(rated.cost()).isEqualTo(new Money(micros("0.103333"), "EUR"));
        assertThat(rated.margin()).isEqualTo(new Money(micros("0.126667"), "EUR"));
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("9.77"));
        assertThat(billing.accounts.funds(tenant).reservedMicros()).isZero();
        assertThat(ledger().reservation(r.id()).orElseThrow().state()).isEqualTo(Reservation.State.SETTLED);
        assertThat(billing.audit.check(tenant).balanced()).isTrue();
    }

    @Test
    void aSecondSettlementOfTheSameCallChargesNothingMore() {
        long tenant = billing.prepaid("10");
        Reservation r = billing.grant(billing.start(tenant, null, "442071234567"));
        CallRecord cdr = billing.end(r, Duration.ofSeconds(61));
        assertThat(billing.pipeline.sweep()).isEqualTo(1);

        var call = ledger().rating(cdr.id()).orElseThrow().call();
        assertThat(billing.settlement.settle(call)).isFalse();
        assertThat(billing.pipeline.sweep()).isZero();

        assertThat(ledger().entries(tenant, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .filteredOn(e -> e.kind() == LedgerEntry.Kind.CHARGE).extracting(LedgerEntry::amountMicros)
                .containsExactly(-micros("0.20"));
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("9.80"));
        assertThat(billing.audit.check(tenant).balanced()).isTrue();
    }

    @Test
    void aSweepPagesOnPastACallItCannotSettle() {
        long tenant = billing.prepaid("100000"); // each call holds four hours
        // rated without its reservation (as if by hand): the sweep finds it pending, and its rating refuses it
        Reservation stuck = billing.grant(billing.start(tenant, null, "442071234567"));
        CallRecord stuckCdr = billing.end(stuck, Duration.ofSeconds(10));
        ledger().settle(new LedgerStore.Settlement(BillingFixtures.rated(BillingFixtures.billable(stuckCdr, null), 0),
                null, clock.instant()));
        int others = 500; // the sweep's page: the stuck call and 499 others on the first, the last one on a second
        for (int i = 0; i < others; i++) {
            billing.end(billing.grant(billing.start(tenant, null, "442071234567")), Duration.ofSeconds(61));
        }

        assertThat(billing.pipeline.sweep()).isEqualTo(others);

        assertThat(ledger().reservation(stuck.id()).orElseThrow().state()).isEqualTo(Reservation.State.OPEN);
        assertThat(ledger().pendingCalls(1000)).extracting(c -> c.tenantId()).containsOnly(tenant).hasSize(1);
        assertThat(billing.accounts.funds(tenant).balanceMicros())
                .isEqualTo(micros("100000") - others * micros("0.20"));
    }

    @Test
    void anUnansweredCallIsRatedAtZeroAndItsWholeReservationReturns() {
        long tenant = billing.prepaid("10");
        Reservation r = billing.grant(billing.start(tenant, null, "442071234567"));
        CallRecord cdr = billing.endUnanswered(r);

        billing.pipeline.sweep();

        assertThat(ledger().rating(cdr.id()).orElseThrow().price().isZero()).isTrue();
        assertThat(billing.accounts.funds(tenant)).isEqualTo(ledger().funds(tenant));
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("10"));
        assertThat(billing.accounts.funds(tenant).reservedMicros()).isZero();
    }

    @Test
    void topUpsAndAdjustmentsAreLedgerLinesNamingWhoAndWhy() {
        long tenant = billing.prepaid("10");

        billing.accounts.adjust(tenant, Money.parse("-2.5", "EUR"), "alice", "goodwill reversed");

        assertThat(ledger().entries(tenant, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .extracting(LedgerEntry::kind, LedgerEntry::amountMicros, LedgerEntry::actor, LedgerEntry::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LedgerEntry.Kind.TOP_UP, micros("10"), "admin",
                                "opening balance"),
                        org.assertj.core.groups.Tuple.tuple(LedgerEntry.Kind.ADJUSTMENT, -micros("2.5"), "alice",
                                "goodwill reversed"));
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("7.5"));
        assertThat(billing.audit.check(tenant).balanced()).isTrue();
    }
}
