package com.crosspoint.billing.bench;

import com.crosspoint.acr.rate.DeckErrors;
import com.crosspoint.billing.Accounts;
import com.crosspoint.billing.BillingListener;
import com.crosspoint.billing.Rerater;
import com.crosspoint.billing.Tariffs;
import com.crosspoint.billing.rating.CarrierDecks;
import com.crosspoint.billing.rating.Rater;
import com.crosspoint.model.BillableCall;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatePlan;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.RetailRate;
import com.crosspoint.model.SpendLimits;
import com.crosspoint.model.Tenant;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.Period;
import com.crosspoint.store.derby.DerbyStores;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Re-rating a month at full size (issue 14: 10 million CDRs in under 10 minutes). Seeds a database once with
 * {@code CDRS} rated calls of 4 tenants spread over March 2026 (each with its CHARGE line on the ledger, so the books
 * balance) through Derby's bulk import from CSV files, which takes minutes instead of the hours the settle path would;
 * then raises every retail price by one micro-unit a minute and re-rates the month for all tenants (every call
 * changes: a new rating and a RERATE line each), then re-rates it again (nothing changes). A seeded database directory
 * given as the second argument is reused: each run raises the prices once more.
 * Arguments: CDRs (1000000), database directory (a new temporary one), then "seed" to stop once the database is
 * seeded, or "check" to run the full ledger audit at the end (a join over every rating and ledger line: minutes at
 * 10 M).
 */
public final class RerateBench {
    private static final int TENANTS = 4;
    private static final Instant MONTH = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant NEXT_MONTH = Instant.parse("2026-04-01T00:00:00Z");
    private static final long CARRIER = 3;

    private RerateBench() {
    }

    public static void main(String[] args) throws Exception {
        int cdrs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("rerate-bench-");
        String mode = args.length > 2 ? args[2] : "";
        boolean seeded = Files.isDirectory(dir.resolve("db"));
        Random random = new Random(14);
        List<RetailRate> rates = BillingBench.retailRates(random);
        CarrierDecks decks = new CarrierDecks();
        decks.replace(CARRIER, BillingBench.deck(random).build(new DeckErrors(10)).orElseThrow());
        System.out.printf("# machine: %d cores; heap max %d MB; load %s; database %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, BillingBench.load(),
                dir);
        try (DerbyStores stores = DerbyStores.open(dir)) {
            Clock clock = Clock.fixed(NEXT_MONTH.plus(Duration.ofDays(2)), ZoneId.of("UTC"));
            Tariffs tariffs = new Tariffs(stores.ratePlans(), stores.billingAccounts());
            Rater rater = new Rater(tariffs, decks, "EUR");
            if (!seeded) {
                seed(stores, dir, tariffs, rater, rates, cdrs, clock);
            }
            if (mode.equals("seed")) {
                return;
            }
            try (Accounts accounts = new Accounts(stores.billingAccounts(), stores.ledger(), tariffs,
                    BillingListener.NONE, clock)) {
                accounts.load();
                List<Long> tenants = stores.billingAccounts().list().stream().map(BillingAccount::tenantId).toList();
                for (long tenant : tenants) {
                    long plan = accounts.account(tenant).orElseThrow().planId();
                    List<RetailRate> raised = new ArrayList<>();
                    for (RetailRate r : stores.ratePlans().rates(plan)) {
                        raised.add(new RetailRate(0, 0, r.prefix(), r.description(), r.pricePerMinuteMicros() + 1,
                                r.connectionFeeMicros(), r.minimumChargeMicros(), r.firstIncrement(),
                                r.nextIncrement(), r.effectiveFrom(), r.effectiveUntil()));
                    }
                    tariffs.replaceRates(plan, raised);
                }
                Rerater rerater = new Rerater(accounts, counted(stores.ledger()), rater, clock);
                Period month = new Period(null, MONTH, NEXT_MONTH);
                run(rerater, month, "all changed", "price +1 micro-unit a minute");
                run(rerater, month, "nothing changed", "again");
                for (long tenant : tenants) {
                    if (!accounts.funds(tenant).equals(stores.ledger().funds(tenant))) {
                        throw new IllegalStateException("tenant " + tenant + ": memory " + accounts.funds(tenant)
                                + " but database " + stores.ledger().funds(tenant));
                    }
                }
                System.out.println("funds in memory = funds in the database for all " + tenants.size() + " tenants");
                if (mode.equals("check")) {
                    long t0 = System.nanoTime();
                    for (long tenant : tenants) {
                        System.out.printf("tenant %d ledger balanced: %s%n", tenant,
                                stores.ledger().totals(tenant).balanced());
                    }
                    System.out.printf("audit took %.0f s%n", (System.nanoTime() - t0) / 1e9);
                }
            }
        }
    }

    private static void run(Rerater rerater, Period month, String what, String reason) {
        System.gc();
        String loadBefore = BillingBench.load();
        long t0 = System.nanoTime();
        READ.set(0);
        Thread progress = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(60_000);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("  %s: %,d read in %.0f s = %,.0f CDRs/s; load %s%n", what, READ.get(), seconds,
                            READ.get() / seconds, BillingBench.load());
                }
            } catch (InterruptedException e) {
                // the run ended
            }
        }, "rerate-progress");
        progress.setDaemon(true);
        progress.start();
        Rerater.Outcome outcome = rerater.rerate(month, "bench", reason);
        double took = (System.nanoTime() - t0) / 1e9;
        progress.interrupt();
        System.out.printf("re-rate the month (%s): %,d examined, %,d changed in %.1f s = %,.0f CDRs/s;"
                        + " load %s before, %s after; old generation peak %d MB%n", what, outcome.examined(),
                outcome.changed(), took, outcome.examined() / took, loadBefore, BillingBench.load(), heapPeak());
    }

    /** Ratings read so far in the current run, for its progress lines (a run stopped midway still has a figure). */
    private static final AtomicLong READ = new AtomicLong();

    /** The ledger store, counting the ratings the re-rater reads. */
    private static LedgerStore counted(LedgerStore real) {
        return (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
                new Class<?>[] {LedgerStore.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("ratings")) {
                        READ.addAndGet(((List<?>) result).size());
                    }
                    return result;
                });
    }

    /** The old generation's peak use: what stayed live (pages ahead, Derby's page cache), not garbage. */
    private static long heapPeak() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getName().contains("Old")) {
                peak = Math.max(peak, pool.getPeakUsage().getUsed());
            }
        }
        return peak >> 20;
    }
    private static void seed(DerbyStores stores, Path dir, Tariffs tariffs, Rater rater, List<RetailRate> rates,
                             int cdrs, Clock clock) throws Exception {
        long t0 = System.nanoTime();
        long[] tenants = new long[TENANTS];
        Accounts accounts = new Accounts(stores.billingAccounts(), stores.ledger(), tariffs, BillingListener.NONE,
                clock);
        for (int t = 0; t < TENANTS; t++) {
            Tenant tenant = stores.tenants().create("bench" + t, "bench" + t + ".example.com");
            RatePlan plan = tariffs.createPlan(new RatePlan(0, tenant.id(), "Retail", "EUR",
                    ZoneId.of("Europe/Berlin")));
            tariffs.addRates(plan.id(), rates);
            accounts.open(new BillingAccount(tenant.id(), BillingAccount.Kind.PREPAID, "EUR", plan.id(), 0, 0, false,
                    SpendLimits.NONE));
            accounts.topUp(tenant.id(), Money.parse("1000000000", "EUR"), "bench", "bench");
            tenants[t] = tenant.id();
        }
        accounts.close();
        Path ratingCsv = dir.resolve("rating.csv");
        Path ledgerCsv = dir.resolve("ledger.csv");
        try (Connection db = DriverManager.getConnection("jdbc:derby:" + dir.toRealPath().resolve("db"))) {
            long firstLedgerId = nextId(db, "billing_ledger") + 1_000;
            long[] charged = writeCsv(ratingCsv, ledgerCsv, tenants, rater, rates, cdrs, firstLedgerId);
            System.out.printf("seed: %,d CDRs written as CSV in %.0f s%n", cdrs, (System.nanoTime() - t0) / 1e9);
            importCsv(db, "BILLING_RATING", "CALL_ID,TENANT_ID,USER_ID,DESTINATION,CARRIER_ID,RESERVATION_ID,"
                    + "STARTED_AT,ANSWERED_AT,ENDED_AT,BILLED_SECONDS,PRICE_MICROS,PRICE_CURRENCY,SELL_PREFIX,"
                    + "COST_MICROS,COST_CURRENCY,BUY_PREFIX,MARGIN_MICROS,RATED_AT,CDR_ID", ratingCsv);
            importCsv(db, "BILLING_LEDGER", "ID,TENANT_ID,POSTED_AT,KIND,AMOUNT_MICROS,CURRENCY,ACTOR,REASON,USER_ID,"
                    + "CDR_ID", ledgerCsv);
            try (PreparedStatement ids = db.prepareStatement(
                    "UPDATE id_block SET next_id = ? WHERE table_name = 'billing_ledger'");
                 PreparedStatement balance = db.prepareStatement(
                         "UPDATE billing_account SET balance_micros = balance_micros - ? WHERE tenant_id = ?")) {
                ids.setLong(1, firstLedgerId + cdrs);
                ids.executeUpdate();
                for (int t = 0; t < TENANTS; t++) {
                    balance.setLong(1, charged[t]);
                    balance.setLong(2, tenants[t]);
                    balance.executeUpdate();
                }
            }
        }
        Files.delete(ratingCsv);
        Files.delete(ledgerCsv);
        System.out.printf("seed: %,d rated CDRs and their charges imported; %.0f s in all%n", cdrs,
                (System.nanoTime() - t0) / 1e9);
    }

    private static long nextId(Connection db, String table) throws SQLException {
        try (PreparedStatement next = db.prepareStatement("SELECT next_id FROM id_block WHERE table_name = ?")) {
            next.setString(1, table);
            try (ResultSet row = next.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The calls rated by today's plans, as rows of billing_rating and their CHARGE lines; the charges per tenant. */
    private static long[] writeCsv(Path ratingCsv, Path ledgerCsv, long[] tenants, Rater rater, List<RetailRate> rates,
                                   int cdrs, long firstLedgerId) throws Exception {
        Random random = new Random(10_000_000);
        long[] charged = new long[tenants.length];
        long spread = Duration.between(MONTH, NEXT_MONTH).toMillis();
        try (BufferedWriter rating = Files.newBufferedWriter(ratingCsv);
             BufferedWriter ledger = Files.newBufferedWriter(ledgerCsv)) {
            for (int i = 0; i < cdrs; i++) {
                int t = i % tenants.length;
                // in order of start, as CDRs arrive: ids and times rise together
                Instant started = MONTH.plusMillis(spread * i / cdrs);
                Instant answered = started.plusSeconds(3);
                Instant ended = answered.plusSeconds(1 + random.nextInt(600));
                String number = rates.get(random.nextInt(rates.size())).prefix() + (1_000_000 + random.nextInt(9_000_000));
                long cdrId = i + 1L;
                RatedCall r = rater.rate(new BillableCall(cdrId, "rerate-" + i, tenants[t], null, number, CARRIER,
                        started, answered, ended, null));
                Money cost = r.cost();
                Money margin = r.margin();
                rating.append("rerate-").append(Integer.toString(i)).append(',').append(Long.toString(tenants[t]))
                        .append(",,").append(number).append(',').append(Long.toString(CARRIER)).append(",,")
                        .append(Long.toString(started.toEpochMilli())).append(',')
                        .append(Long.toString(answered.toEpochMilli())).append(',')
                        .append(Long.toString(ended.toEpochMilli())).append(',')
                        .append(Long.toString(r.billedSeconds())).append(',')
                        .append(Long.toString(r.price().micros())).append(',').append(r.price().currency()).append(',')
                        .append(text(r.sellPrefix())).append(',')
                        .append(cost == null ? "" : Long.toString(cost.micros())).append(',')
                        .append(cost == null ? "" : cost.currency()).append(',').append(text(r.buyPrefix())).append(',')
                        .append(margin == null ? "" : Long.toString(margin.micros())).append(',')
                        .append(Long.toString(ended.toEpochMilli())).append(',').append(Long.toString(cdrId))
                        .append('\n');
                ledger.append(Long.toString(firstLedgerId + i)).append(',').append(Long.toString(tenants[t])).append(',')
                        .append(Long.toString(ended.toEpochMilli())).append(",CHARGE,")
                        .append(Long.toString(-r.price().micros())).append(',').append(r.price().currency())
                        .append(",system,call,,").append(Long.toString(cdrId)).append('\n');
                charged[t] += r.price().micros();
            }
        }
        return charged;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void importCsv(Connection db, String table, String columns, Path csv) throws SQLException {
        long t0 = System.nanoTime();
        try (CallableStatement load = db.prepareCall(
                "CALL SYSCS_UTIL.SYSCS_IMPORT_DATA(NULL, ?, ?, NULL, ?, NULL, NULL, NULL, 0)")) {
            load.setString(1, table);
            load.setString(2, columns);
            load.setString(3, csv.toString());
            load.execute();
        }
        System.out.printf("seed: %s imported in %.0f s%n", table, (System.nanoTime() - t0) / 1e9);
    }
}
