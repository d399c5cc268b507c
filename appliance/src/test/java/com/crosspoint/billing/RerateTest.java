package com.crosspoint.billing;

import static com.crosspoint.billing.BillingEngine.micros;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.crosspoint.acr.rate.DeckErrors;
import com.crosspoint.acr.rate.PrefixRateTableBuilder;
import com.crosspoint.billing.rating.RatingFixture;
import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.LedgerEntry;
import com.crosspoint.model.Money;
import com.crosspoint.model.RateRow;
import com.crosspoint.model.RetailRate;
import com.crosspoint.model.Reservation;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.Period;
import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RerateTest {
    private static final Instant START = Instant.parse("2026-02-10T11:00:00Z");

    @RegisterExtension
    static final BillingDatabase DATABASE = new BillingDatabase();

    private final MutableClock clock = new MutableClock(START);
    private BillingEngine billing;
    private long tenant;
    private final List<CallRecord> cdrs = new ArrayList<>();

    @BeforeEach
    void threeRatedCalls() {
        billing = new BillingEngine(DATABASE.stores(), clock, new BillingSettings("EUR", 600, Duration.ofSeconds(5)));
        tenant = billing.prepaid("100");
        for (int i = 0; i < 3; i++) {
            Reservation r = billing.grant(billing.start(tenant, null, "442071234567"));
            billing.authoriser.carriedBy(r.callId(), RatingFixture.CARRIER);
            cdrs.add(billing.end(r, Duration.ofSeconds(61)));
            clock.advance(Duration.ofMinutes(1));
        }
        billing.pipeline.sweep();
    }

    private Period period() {
        return new Period(tenant, START, START.plus(Duration.ofHours(1)));
    }

    private List<LedgerEntry> reratings() {
        return DATABASE.stores().ledger().entries(tenant, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")).stream()
                .filter(e -> e.kind() == LedgerEntry.Kind.RERATE).toList();
    }

    @Test
    void aCorrectedPlanRefundsTheDifferenceOnceAndTheLedgerBalances() {
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("99.40"));
        long plan = billing.accounts.account(tenant).orElseThrow().planId();
        List<RetailRate> corrected = new ArrayList<>(RatingFixture.retailRates());
        corrected.set(0, RatingFixture.rate("44", "0.08", "0", "0", 60, 60, LocalDate.of(2020, 1, 1), null));
        billing.tariffs.replaceRates(plan, corrected);

        Rerater.Outcome first = billing.rerater.rerate(period(), "alice", "UK price corrected");
        Rerater.Outcome second = billing.rerater.rerate(period(), "alice", "UK price corrected");

        assertThat(first).isEqualTo(new Rerater.Outcome(3, 3, -3 * micros("0.04")));
        assertThat(second).isEqualTo(new Rerater.Outcome(3, 0, 0));
        assertThat(reratings()).hasSize(3).allSatisfy(e -> {
            assertThat(e.amountMicros()).isEqualTo(micros("0.04"));
            assertThat(e.actor()).isEqualTo("alice");
        });
        assertThat(DATABASE.stores().ledger().rating(cdrs.get(0).id()).orElseThrow().price())
                .isEqualTo(new Money(micros("0.16"), "EUR"));
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("99.52"));
        assertThat(billing.accounts.funds(tenant)).isEqualTo(DATABASE.stores().ledger().funds(tenant));
        assertThat(billing.audit.check(tenant).balanced()).isTrue();
    }

    @Test
    void aCorrectedDeckChangesCostAndMarginButChargesNothing() {
        PrefixRateTableBuilder deck = new PrefixRateTableBuilder();
        deck.add(1, new RateRow("44", "UK", micros("0.04"), BillingIncrement.PER_SECOND, LocalDate.of(2020, 1, 1),
                null));
        billing.decks.replace(RatingFixture.CARRIER, deck.build(new DeckErrors(10)).orElseThrow());

        Rerater.Outcome outcome = billing.rerater.rerate(period(), "alice", "deck corrected");

        assertThat(outcome.changed()).isEqualTo(3);
        assertThat(outcome.priceChangeMicros()).isZero();
        assertThat(reratings()).isEmpty();
        // 61 s at 0.04/min by the second: 0.040667; price 0.20
        assertThat(DATABASE.stores().ledger().rating(cdrs.get(1).id()).orElseThrow().margin())
                .isEqualTo(new Money(micros("0.159333"), "EUR"));
        assertThat(billing.rerater.rerate(period(), "alice", "deck corrected").changed()).isZero();
        assertThat(billing.audit.check(tenant).balanced()).isTrue();
    }

    @Test
    void callsOutsideThePeriodAreLeftAlone() {
        long plan = billing.accounts.account(tenant).orElseThrow().planId();
        List<RetailRate> corrected = new ArrayList<>(RatingFixture.retailRates());
        corrected.set(0, RatingFixture.rate("44", "0.08", "0", "0", 60, 60, LocalDate.of(2020, 1, 1), null));
        billing.tariffs.replaceRates(plan, corrected);

        Rerater.Outcome outcome = billing.rerater.rerate(new Period(tenant, START.plusSeconds(60),
                START.plusSeconds(120)), "alice", "one minute only");

        assertThat(outcome.changed()).isEqualTo(1);
        assertThat(DATABASE.stores().ledger().rating(cdrs.get(0).id()).orElseThrow().price())
                .isEqualTo(new Money(micros("0.20"), "EUR"));
    }

    @Test
    void aRunInterruptedBetweenPagesKeepsWhatItCommittedAndARerunCompletesIt() {
        correctUkPrice("0.08");
        Rerater stopsAfterOnePage = new Rerater(billing.accounts, ledgerWith((method, calls) -> {
            if (method.equals("rerate") && calls == 1) {
                Thread.currentThread().interrupt();
            }
        }, false), billing.rater, clock, 1);

        Throwable stopped = catchThrowable(() -> stopsAfterOnePage.rerate(period(), "alice", "UK price corrected"));

        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isTrue();
        assertThat(stopped).isInstanceOf(Rerater.RerateInterruptedException.class);
        assertThat(((Rerater.RerateInterruptedException) stopped).doneSoFar())
                .isEqualTo(new Rerater.Outcome(1, 1, -micros("0.04")));
        assertThat(reratings()).hasSize(1);
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("99.44"));
        assertThat(billing.audit.check(tenant).balanced()).isTrue();

        assertThat(billing.rerater.rerate(period(), "alice", "UK price corrected"))
                .isEqualTo(new Rerater.Outcome(3, 2, -2 * micros("0.04")));
        assertThat(reratings()).hasSize(3);
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("99.52"));
        assertThat(billing.audit.check(tenant).balanced()).isTrue();
    }

    @Test
    void aCommitThatFailsMidwayLeavesItsPageAndTheBalanceInMemoryAsTheyWere() {
        correctUkPrice("0.12");
        RuntimeException crash = new IllegalStateException("disk gone");
        Rerater failsOnSecondPage = new Rerater(billing.accounts, ledgerWith((method, calls) -> {
            if (method.equals("rerate") && calls == 2) {
                throw crash;
            }
        }, true), billing.rater, clock, 1);

        assertThat(catchThrowable(() -> failsOnSecondPage.rerate(period(), "alice", "UK price corrected")))
                .isSameAs(crash);

        // a price rise is charged to memory before its commit: the failed page's charge must be given back
        assertThat(reratings()).hasSize(1);
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("99.36"));
        assertThat(billing.accounts.funds(tenant)).isEqualTo(DATABASE.stores().ledger().funds(tenant));
        assertThat(billing.rerater.rerate(period(), "alice", "UK price corrected"))
                .isEqualTo(new Rerater.Outcome(3, 2, 2 * micros("0.04")));
        assertThat(billing.accounts.funds(tenant).balanceMicros()).isEqualTo(micros("99.28"));
        assertThat(billing.audit.check(tenant).balanced()).isTrue();
    }

    @Test
    void aPageThatCannotBeReadStopsTheRunAfterThePagesBeforeIt() {
        correctUkPrice("0.08");
        RuntimeException lost = new IllegalStateException("database closed");
        Rerater failsReadingThirdPage = new Rerater(billing.accounts, ledgerWith((method, calls) -> {
            if (method.equals("ratings") && calls == 3) {
                throw lost;
            }
        }, true), billing.rater, clock, 1);

        assertThat(catchThrowable(() -> failsReadingThirdPage.rerate(period(), "alice", "UK price corrected")))
                .isSameAs(lost);

        assertThat(reratings()).hasSize(2);
        assertThat(billing.accounts.funds(tenant)).isEqualTo(DATABASE.stores().ledger().funds(tenant));
        assertThat(billing.rerater.rerate(period(), "alice", "UK price corrected").changed()).isEqualTo(1);
        assertThat(billing.audit.check(tenant).balanced()).isTrue();
    }

    private void correctUkPrice(String perMinute) {
        long plan = billing.accounts.account(tenant).orElseThrow().planId();
        List<RetailRate> corrected = new ArrayList<>(RatingFixture.retailRates());
        corrected.set(0, RatingFixture.rate("44", perMinute, "0", "0", 60, 60, LocalDate.of(2020, 1, 1), null));
        billing.tariffs.replaceRates(plan, corrected);
    }

    /** Sees each call of a method by name and its count so far, after (or, {@code before}, before) the real store's. */
    private interface Hook {
        void called(String method, int calls);
    }

    /** The database's ledger store with {@code hook} on every call: where a test stops or breaks a run. */
    private static LedgerStore ledgerWith(Hook hook, boolean before) {
        LedgerStore real = DATABASE.stores().ledger();
        java.util.Map<String, AtomicInteger> counts = new java.util.concurrent.ConcurrentHashMap<>();
        return (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class}, (proxy, method, args) -> {
                    int calls = counts.computeIfAbsent(method.getName(), m -> new AtomicInteger()).incrementAndGet();
                    if (before) {
                        hook.called(method.getName(), calls);
                    }
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (!before) {
                        hook.called(method.getName(), calls);
                    }
                    return result;
                });
    }
}
