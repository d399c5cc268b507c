package com.crosspoint.store;

import static com.crosspoint.store.BillingFixtures.billable;
import static com.crosspoint.store.BillingFixtures.charge;
import static com.crosspoint.store.BillingFixtures.rated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.AccountFunds;
import com.crosspoint.model.BillableCall;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.Reservation;
import com.crosspoint.model.Tenant;
import com.crosspoint.store.LedgerStore.LedgerTotals;
import com.crosspoint.store.LedgerStore.Period;
import com.crosspoint.store.LedgerStore.Rerating;
import com.crosspoint.store.LedgerStore.Settlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link LedgerStore} shows. */
public interface LedgerStoreContract {
    Instant END = StoreFixtures.T0.plusSeconds(65);

    Stores stores();

    private LedgerStore ledger() {
        return stores().ledger();
    }

    private Tenant tenantWith(long topUpMicros) {
        Tenant tenant = StoreFixtures.tenant(stores());
        BillingFixtures.prepaid(stores(), tenant);
        if (topUpMicros > 0) {
            ledger().post(BillingFixtures.topUp(tenant, topUpMicros));
        }
        return tenant;
    }

    private CallRecord cdr(Tenant tenant, String callId, Instant startedAt) {
        CallRecord template = StoreFixtures.call(tenant, "201", "00447700900123", startedAt, Disposition.ANSWERED);
        return stores().cdrs().save(new CallRecord(0, tenant.id(), callId, template.caller(), template.callee(),
                template.startedAt(), template.answeredAt(), template.endedAt(), template.disposition(),
                template.hungUpBy(), template.sipCause()));
    }

    @Test
    default void aReservationHoldsMoneyUntilReleasedOnce() {
        Tenant tenant = tenantWith(10_000_000);

        Reservation r = ledger().reserve(BillingFixtures.reservation(tenant, StoreFixtures.unique("call"), 600_000));

        assertThat(ledger().funds(tenant.id())).isEqualTo(new AccountFunds(tenant.id(), 10_000_000, 600_000));
        assertThat(ledger().openReservations()).contains(r);
        assertThat(ledger().reservationOfCall(r.callId())).contains(r);
        assertThat(ledger().release(r.id(), END)).isTrue();
        assertThat(ledger().release(r.id(), END)).isFalse();
        assertThat(ledger().funds(tenant.id()).reservedMicros()).isZero();
        assertThat(ledger().reservation(r.id()).orElseThrow().state()).isEqualTo(Reservation.State.RELEASED);
        assertThat(ledger().totals(tenant.id()).balanced()).isTrue();
    }

    @Test
    default void aCallIsReservedOnceAndOnlyOnAnAccount() {
        Tenant tenant = tenantWith(0);
        String callId = StoreFixtures.unique("call");
        ledger().reserve(BillingFixtures.reservation(tenant, callId, 1));

        assertThatThrownBy(() -> ledger().reserve(BillingFixtures.reservation(tenant, callId, 1)))
                .isInstanceOf(DuplicateKeyException.class)
                .satisfies(e -> assertThat(((DuplicateKeyException) e).field()).isEqualTo("callId"));
        Tenant noAccount = StoreFixtures.tenant(stores());
        assertThatThrownBy(() -> ledger().reserve(BillingFixtures.reservation(noAccount, "x" + callId, 1)))
                .isInstanceOf(java.util.NoSuchElementException.class);
        assertThat(ledger().funds(tenant.id()).reservedMicros()).isEqualTo(1);
    }

    @Test
    default void settlingChargesOnceStoresTheRatingAndClosesTheReservation() {
        Tenant tenant = tenantWith(10_000_000);
        String callId = StoreFixtures.unique("call");
        Reservation r = ledger().reserve(BillingFixtures.reservation(tenant, callId, 600_000));
        assertThat(ledger().noteCarrier(callId, 3)).isTrue();
        CallRecord cdr = cdr(tenant, callId, StoreFixtures.T0);
        assertThat(ledger().pendingCalls(1000)).extracting(BillableCall::cdrId).contains(cdr.id());
        BillableCall call = ledger().pendingCalls(1000).stream().filter(c -> c.cdrId() == cdr.id()).findFirst()
                .orElseThrow();
        assertThat(call).isEqualTo(new BillableCall(cdr.id(), callId, tenant.id(), null, "447700900123", 3L,
                cdr.startedAt(), cdr.answeredAt(), cdr.endedAt(), r.id()));
        RatedCall rating = rated(call, 230_000);

        assertThat(ledger().settle(new Settlement(rating, charge(call, 230_000, END), END))).isTrue();
        assertThat(ledger().settle(new Settlement(rating, charge(call, 230_000, END), END))).isFalse();

        assertThat(ledger().funds(tenant.id())).isEqualTo(new AccountFunds(tenant.id(), 9_770_000, 0));
        assertThat(ledger().rating(cdr.id())).contains(rating);
        assertThat(ledger().rating(cdr.id()).orElseThrow().margin()).isEqualTo(new Money(115_000, "EUR"));
        assertThat(ledger().reservation(r.id()).orElseThrow().state()).isEqualTo(Reservation.State.SETTLED);
        assertThat(ledger().pendingCalls(1000)).extracting(BillableCall::cdrId).doesNotContain(cdr.id());
        assertThat(ledger().entries(tenant.id(), StoreFixtures.T0, END.plusSeconds(1)))
                .extracting(LedgerEntry::kind).containsExactly(LedgerEntry.Kind.TOP_UP, LedgerEntry.Kind.CHARGE);
        assertThat(ledger().totals(tenant.id()).balanced()).isTrue();
    }

    @Test
    default void settlingManyIsAllOrNothing() {
        Tenant tenant = tenantWith(10_000_000);
        List<BillableCall> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String callId = StoreFixtures.unique("call");
            ledger().reserve(BillingFixtures.reservation(tenant, callId, 600_000));
            long cdrId = cdr(tenant, callId, StoreFixtures.T0).id();
            calls.add(ledger().pendingCalls(1000).stream().filter(c -> c.cdrId() == cdrId).findFirst().orElseThrow());
        }
        BillableCall first = calls.get(0);
        ledger().settle(new Settlement(rated(first, 100_000), charge(first, 100_000, END), END));
        List<Settlement> all = calls.stream()
                .map(c -> new Settlement(rated(c, 100_000), charge(c, 100_000, END), END)).toList();

        assertThatThrownBy(() -> ledger().settleAll(all)).isInstanceOf(DuplicateKeyException.class);
        assertThat(ledger().funds(tenant.id())).isEqualTo(new AccountFunds(tenant.id(), 9_900_000, 1_200_000));
        ledger().settleAll(all.subList(1, 3));

        assertThat(ledger().funds(tenant.id())).isEqualTo(new AccountFunds(tenant.id(), 9_700_000, 0));
        assertThat(ledger().pendingCalls(1000)).extracting(BillableCall::tenantId).doesNotContain(tenant.id());
        assertThat(ledger().totals(tenant.id()).balanced()).isTrue();
    }

    @Test
    default void aReservationWithoutACdrIsNotPending() {
        Tenant tenant = tenantWith(10_000_000);
        Reservation r = ledger().reserve(BillingFixtures.reservation(tenant, StoreFixtures.unique("call"), 1));

        assertThat(ledger().pendingCalls(1000)).extracting(BillableCall::reservationId).doesNotContain(r.id());
    }

    @Test
    default void reratingReplacesTheFiguresAndAppendsTheDifference() {
        Tenant tenant = tenantWith(10_000_000);
        CallRecord cdr = cdr(tenant, StoreFixtures.unique("call"), StoreFixtures.T0);
        BillableCall call = billable(cdr, null);
        RatedCall first = rated(call, 300_000);
        ledger().settle(new Settlement(first, charge(call, 300_000, END), END));
        RatedCall corrected = rated(call, 200_000);
        LedgerEntry refund = new LedgerEntry(0, tenant.id(), END, LedgerEntry.Kind.RERATE, 100_000, "EUR", "rerating",
                "deck corrected", null, cdr.id());

        ledger().rerate(List.of(new Rerating(first, corrected, refund)), END);

        assertThat(ledger().rating(cdr.id())).contains(corrected);
        assertThat(ledger().funds(tenant.id()).balanceMicros()).isEqualTo(9_800_000);
        assertThat(ledger().totals(tenant.id()).balanced()).isTrue();
        assertThatThrownBy(() -> ledger().rerate(List.of(new Rerating(first, corrected, refund)), END))
                .isInstanceOf(IllegalStateException.class);
        assertThat(ledger().funds(tenant.id()).balanceMicros()).isEqualTo(9_800_000);
    }

    @Test
    default void totalsFindARatingWhoseChargeDoesNotMatch() {
        Tenant tenant = tenantWith(10_000_000);
        CallRecord cdr = cdr(tenant, StoreFixtures.unique("call"), StoreFixtures.T0);
        BillableCall call = billable(cdr, null);
        RatedCall first = rated(call, 300_000);
        ledger().settle(new Settlement(first, charge(call, 300_000, END), END));

        ledger().rerate(List.of(new Rerating(first, rated(call, 200_000), null)), END);

        LedgerTotals totals = ledger().totals(tenant.id());
        assertThat(totals.unbalancedCdrIds()).containsExactly(cdr.id());
        assertThat(totals.balanced()).isFalse();
    }

    @Test
    default void ratingsComeInPagesByStartEvenWhenStartsAreEqual() {
        Tenant tenant = tenantWith(10_000_000);
        List<Long> cdrIds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            CallRecord cdr = cdr(tenant, StoreFixtures.unique("call"), StoreFixtures.T0.plusSeconds(i / 3));
            BillableCall call = billable(cdr, null);
            ledger().settle(new Settlement(rated(call, 1), charge(call, 1, END), END));
            cdrIds.add(cdr.id());
        }
        Period period = new Period(tenant.id(), StoreFixtures.T0, StoreFixtures.T0.plusSeconds(2));

        List<Long> seen = new ArrayList<>();
        List<RatedCall> page = ledger().ratings(period, null, 2);
        while (!page.isEmpty()) {
            page.forEach(r -> seen.add(r.call().cdrId()));
            page = ledger().ratings(period, page.get(page.size() - 1), 2);
        }

        assertThat(seen).containsExactlyElementsOf(cdrIds.subList(0, 6));
        assertThat(ledger().ratings(new Period(null, StoreFixtures.T0, StoreFixtures.T0.plusSeconds(3)), null, 10_000))
                .extracting(r -> r.call().cdrId()).containsAll(cdrIds);
    }

    @Test
    default void spendIsEveryChargeSinceAnInstant() {
        Tenant tenant = tenantWith(10_000_000);
        CallRecord cdr = cdr(tenant, StoreFixtures.unique("call"), StoreFixtures.T0);
        BillableCall call = billable(cdr, null);
        ledger().settle(new Settlement(rated(call, 5), charge(call, 5, END), END));

        assertThat(ledger().spendSince(END)).filteredOn(e -> e.tenantId() == tenant.id())
                .extracting(LedgerEntry::amountMicros).containsExactly(-5L);
        assertThat(ledger().spendSince(END.plusSeconds(1))).noneMatch(e -> e.tenantId() == tenant.id());
    }

    @Test
    default void marginsAreSummedPerCarrierOverRatedCallsStartedSinceAnInstant() {
        Tenant tenant = tenantWith(10_000_000);
        long carrier = System.nanoTime();
        Instant since = StoreFixtures.T0.plusSeconds(3600);
        // counted: two calls since the instant with cost and price in EUR (the fixture's cost is half the price)
        settleOn(carrier, tenant, since, new Money(300_000, "EUR"), new Money(150_000, "EUR"));
        settleOn(carrier, tenant, since.plusSeconds(5), new Money(100_000, "EUR"), new Money(50_000, "EUR"));
        // not counted: before the instant, no cost known, a cost in another currency, another carrier
        settleOn(carrier, tenant, since.minusSeconds(1), new Money(900_000, "EUR"), new Money(1, "EUR"));
        settleOn(carrier, tenant, since, new Money(900_000, "EUR"), null);
        settleOn(carrier, tenant, since, new Money(900_000, "EUR"), new Money(1, "USD"));
        settleOn(carrier + 1, tenant, since, new Money(70_000, "EUR"), new Money(80_000, "EUR"));

        assertThat(ledger().carrierMargins(since)).filteredOn(m -> m.carrierId() == carrier)
                .containsExactly(new LedgerStore.CarrierMargin(carrier, "EUR", 2, 120, 200_000, 400_000, 200_000));
        assertThat(ledger().carrierMargins(since)).filteredOn(m -> m.carrierId() == carrier + 1)
                .containsExactly(new LedgerStore.CarrierMargin(carrier + 1, "EUR", 1, 60, 80_000, 70_000, -10_000));
    }

    private void settleOn(long carrierId, Tenant tenant, Instant startedAt, Money price, Money cost) {
        CallRecord cdr = cdr(tenant, StoreFixtures.unique("call"), startedAt);
        BillableCall call = new BillableCall(cdr.id(), cdr.callId(), tenant.id(), null, "447700900123", carrierId,
                startedAt, startedAt, startedAt.plusSeconds(60), null);
        ledger().settle(new Settlement(new RatedCall(call, 60, price, "447", cost, "44"),
                charge(call, price.micros(), END), END));
    }
}
