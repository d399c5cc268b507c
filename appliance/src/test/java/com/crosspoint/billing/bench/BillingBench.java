package com.crosspoint.billing.bench;

import com.crosspoint.acr.rate.DeckErrors;
import com.crosspoint.acr.rate.PrefixRateTableBuilder;
import com.crosspoint.billing.Accounts;
import com.crosspoint.billing.Authorisation;
import com.crosspoint.billing.Authoriser;
import com.crosspoint.billing.BillingListener;
import com.crosspoint.billing.BillingSettings;
import com.crosspoint.billing.CallSettlement;
import com.crosspoint.billing.CallStart;
import com.crosspoint.billing.RatingPipeline;
import com.crosspoint.billing.Rerater;
import com.crosspoint.billing.Tariffs;
import com.crosspoint.billing.rating.CarrierDecks;
import com.crosspoint.billing.rating.PricedPlan;
import com.crosspoint.billing.rating.Rater;
import com.crosspoint.billing.rating.RetailPlans;
import com.crosspoint.billing.rating.RetailRateTable;
import com.crosspoint.model.BillableCall;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatePlan;
import com.crosspoint.model.RateRow;
import com.crosspoint.model.Reservation;
import com.crosspoint.model.RetailRate;
import com.crosspoint.model.SpendLimits;
import com.crosspoint.model.Tenant;
import com.crosspoint.store.LedgerStore.Period;
import com.crosspoint.store.derby.DerbyStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * Billing figures (issue 14): rating CDRs/s in memory on 1 and 2 threads (a plan of 5,000 prefixes, a carrier deck of
 * 100,000), then on a fresh Derby database: authorisation latency (a committed reservation each), rating and
 * settling stored CDRs/s (the pipeline's sweep: rating row, charge, reservation in one transaction each), and
 * re-rating throughput after a price correction (pages of 1,000 in one transaction each).
 * Arguments: seconds for the in-memory runs (5), calls for the database runs (10000), the set-up rate whose p99 is
 * asked for (520: the PBX's B2BUA peak; the lean router's is about 5,000), run at once and at twice.
 */
public final class BillingBench {
    /** The PBX's peak B2BUA set-up rate measured on this class of machine (docs/benchmarks.md), by default. */
    private static final int PBX_PEAK_RATE = 520;
    private static final LocalDate ALWAYS = LocalDate.of(2020, 1, 1);
    private static final Instant START = Instant.parse("2026-02-10T11:00:00Z");

    private BillingBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int peak = args.length > 2 ? Integer.parseInt(args[2]) : PBX_PEAK_RATE;
        Random random = new Random(14);
        List<RetailRate> rates = retailRates(random);
        inMemoryRating(rates, random, seconds);
        onDerby(rates, calls, peak);
    }

    /** The 1-minute load average, printed beside each Derby figure: the box is shared. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** A retail plan of 5,000 random prefixes, 30/6 increments. */
    static List<RetailRate> retailRates(Random random) {
        List<RetailRate> rates = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (rates.size() < 5_000) {
            String prefix = (1 + random.nextInt(99)) + Integer.toString(random.nextInt(10_000));
            if (seen.add(prefix)) {
                rates.add(new RetailRate(0, 1, prefix, "", 1_000 + random.nextInt(500_000), random.nextInt(3) * 10_000L,
                        0, 30, 6, ALWAYS, null));
            }
        }
        return rates;
    }

    /** A carrier deck of 100,000 random prefixes, by the second. */
    static PrefixRateTableBuilder deck(Random random) {
        PrefixRateTableBuilder deck = new PrefixRateTableBuilder();
        for (int i = 0; i < 100_000; i++) {
            String prefix = (1 + random.nextInt(99)) + Integer.toString(100_000 + i);
            deck.add(i + 1, new RateRow(prefix, "", 500 + random.nextInt(300_000), BillingIncrement.PER_SECOND, ALWAYS,
                    null));
        }
        return deck;
    }

    private static void inMemoryRating(List<RetailRate> rates, Random random, int seconds) throws Exception {
        RatePlan plan = new RatePlan(1, 1, "Retail", "EUR", ZoneId.of("Europe/Berlin"));
        RetailPlans plans = new RetailPlans(Map.of(1L, new PricedPlan(plan, RetailRateTable.of(rates))), Map.of(1L, 1L),
                Map.of());
        CarrierDecks decks = new CarrierDecks();
        decks.replace(3, deck(random).build(new DeckErrors(10)).orElseThrow());
        Rater rater = new Rater(() -> plans, decks, "EUR");
        BillableCall[] sample = new BillableCall[100_000];
        for (int i = 0; i < sample.length; i++) {
            String number = (1 + random.nextInt(99)) + Long.toString(1_000_000_000L + random.nextInt(900_000_000));
            Instant start = START.plusSeconds(random.nextInt(86_400 * 30));
            sample[i] = new BillableCall(i, "c" + i, 1, null, number, 3L, start, start.plusSeconds(3),
                    start.plusSeconds(3 + random.nextInt(600)), null);
        }
        for (int threads : new int[] {1, 2}) {
            rate(rater, sample, threads, 2);
            double perSecond = rate(rater, sample, threads, seconds);
            System.out.printf("rating in memory, %d thread(s): %,.0f CDRs/s (%.2f µs each)%n", threads, perSecond,
                    threads * 1e6 / perSecond);
        }
    }

    private static double rate(Rater rater, BillableCall[] sample, int threads, int seconds) throws Exception {
        LongAdder rated = new LongAdder();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Long>> sinks = new ArrayList<>();
        long began = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t * 7_919;
            sinks.add(pool.submit(() -> {
                long sink = 0;
                int i = offset;
                while (System.nanoTime() < end) {
                    for (int k = 0; k < 1_000; k++) {
                        sink += rater.rate(sample[i++ % sample.length]).price().micros();
                    }
                    rated.add(1_000);
                }
                return sink;
            }));
        }
        for (Future<Long> sink : sinks) {
            sink.get();
        }
        pool.shutdown();
        return rated.sum() / ((System.nanoTime() - began) / 1e9);
    }

    private static void onDerby(List<RetailRate> rates, int calls, int peak) throws Exception {
        Path dir = Files.createTempDirectory("billing-bench-");
        try (DerbyStores stores = DerbyStores.open(dir)) {
            Clock clock = Clock.fixed(START, ZoneId.of("UTC"));
            Tariffs tariffs = new Tariffs(stores.ratePlans(), stores.billingAccounts());
            Accounts accounts = new Accounts(stores.billingAccounts(), stores.ledger(), tariffs, BillingListener.NONE,
                    clock);
            accounts.load();
            Tenant tenant = stores.tenants().create("bench", "bench.example.com");
            RatePlan plan = tariffs.createPlan(new RatePlan(0, tenant.id(), "Retail", "EUR", ZoneId.of("Europe/Berlin")));
            tariffs.addRates(plan.id(), rates);
            accounts.open(new BillingAccount(tenant.id(), BillingAccount.Kind.PREPAID, "EUR", plan.id(), 0, 0, false,
                    SpendLimits.NONE));
            accounts.topUp(tenant.id(), Money.parse("100000000", "EUR"), "bench", "bench");
            BillingSettings settings = new BillingSettings("EUR", 600, Duration.ofSeconds(5));
            Authoriser authoriser = new Authoriser(accounts, tariffs, stores.ledger(), BillingListener.NONE, settings);
            Rater rater = new Rater(tariffs, new CarrierDecks(), "EUR");
            CallSettlement settlement = new CallSettlement(accounts, stores.ledger(), rater, BillingListener.NONE, clock);

            long[] nanos = new long[calls];
            List<Reservation> held = new ArrayList<>(calls);
            for (int i = 0; i < calls; i++) {
                String number = rates.get(i % rates.size()).prefix() + "1234567";
                long t0 = System.nanoTime();
                Authorisation a = authoriser.authorise(new CallStart("bench-" + i, tenant.id(), null, number,
                        START.plusMillis(i)));
                nanos[i] = System.nanoTime() - t0;
                held.add(((Authorisation.Granted) a).reservation());
            }
            Arrays.sort(nanos);
            System.out.printf("authorise on Derby (reservation committed), one call at a time: p50 %.0f µs, p99 %.0f µs,"
                    + " max %.0f µs over %,d calls%n", nanos[calls / 2] / 1e3, nanos[calls * 99 / 100] / 1e3,
                    nanos[calls - 1] / 1e3, calls);
            for (int rate : new int[] {peak, 2 * peak}) {
                // both ways in turn, twice, so that neither has the quieter moment of the loaded box to itself
                for (int round = 0; round < 2; round++) {
                    for (boolean atOnce : new boolean[] {false, true}) {
                        held.addAll(AuthorisationLoad.offer(authoriser, tenant.id(), rates, START, rate, calls / 2,
                                "load-" + rate + "-" + round + "-" + atOnce, atOnce));
                    }
                }
            }

            for (Reservation r : held) {
                Instant answered = r.createdAt().plusSeconds(2);
                stores.cdrs().save(new CallRecord(0, tenant.id(), r.callId(), "201", r.destination(), r.createdAt(),
                        answered, answered.plusSeconds(61), Disposition.ANSWERED, HangupParty.CALLER, 200));
            }
            RatingPipeline pipeline = new RatingPipeline(stores.ledger(), settlement, Duration.ofMinutes(1));
            long t0 = System.nanoTime();
            int found = stores.ledger().pendingCalls(500).size();
            System.out.printf("one page of %d pending calls found in %.1f ms%n", found, (System.nanoTime() - t0) / 1e6);
            t0 = System.nanoTime();
            int settled = pipeline.sweep();
            double took = (System.nanoTime() - t0) / 1e9;
            System.out.printf("rate + settle stored CDRs on Derby: %,d in %.1f s = %,.0f CDRs/s; load %s%n", settled,
                    took, settled / took, load());

            List<RetailRate> corrected = new ArrayList<>();
            for (RetailRate r : rates) {
                corrected.add(new RetailRate(0, 0, r.prefix(), r.description(), r.pricePerMinuteMicros() + 1,
                        r.connectionFeeMicros(), r.minimumChargeMicros(), r.firstIncrement(), r.nextIncrement(),
                        r.effectiveFrom(), r.effectiveUntil()));
            }
            tariffs.replaceRates(plan.id(), corrected);
            Rerater rerater = new Rerater(accounts, stores.ledger(), rater, clock);
            Period all = new Period(tenant.id(), START.minusSeconds(1), START.plus(Duration.ofDays(1)));
            t0 = System.nanoTime();
            Rerater.Outcome outcome = rerater.rerate(all, "bench", "price +1 micro-unit");
            took = (System.nanoTime() - t0) / 1e9;
            System.out.printf("re-rate on Derby (all changed): %,d in %.1f s = %,.0f CDRs/s; load %s%n",
                    outcome.changed(), took, outcome.examined() / took, load());
            t0 = System.nanoTime();
            outcome = rerater.rerate(all, "bench", "again");
            took = (System.nanoTime() - t0) / 1e9;
            System.out.printf("re-rate on Derby (nothing changed): %,d examined in %.1f s = %,.0f CDRs/s%n",
                    outcome.examined(), took, outcome.examined() / took);
            System.out.println("ledger balanced: " + stores.ledger().totals(tenant.id()).balanced());
        }
    }
}
