package com.crosspoint.acr.bench;

import com.crosspoint.acr.AdaptiveCallRouter;
import com.crosspoint.acr.availability.BreakerSettings;
import com.crosspoint.acr.availability.CarrierAvailability;
import com.crosspoint.acr.quality.CarrierQuality;
import com.crosspoint.acr.quality.WindowSettings;
import com.crosspoint.acr.rate.ImportOutcome;
import com.crosspoint.acr.rate.ImportProgress;
import com.crosspoint.acr.rate.ParsedDeck;
import com.crosspoint.acr.rate.PrefixRateTable;
import com.crosspoint.acr.rate.RateDeckImporter;
import com.crosspoint.model.Carrier;
import com.crosspoint.model.CarrierTransport;
import com.crosspoint.store.derby.DerbyStores;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Rate-deck figures (docs/benchmarks.md, "Adaptive Call Router"): CSV read-and-build rows/s and heap bytes per
 * prefix for {@code prefixes} prefixes spread over {@code carriers} decks, longest-prefix lookups/s, whole routing
 * decisions/s, and with {@code --store} the import of one deck of all those rows into Derby.
 *
 * <p>Usage: {@code RateLookupBench [PREFIXES=1000000] [CARRIERS=10] [SECONDS=5] [--store]}. Decks are generated
 * while read (no file): prefixes under the real country codes, 1-7 digits longer, so that they nest as real decks do.
 */
public final class RateLookupBench {
    private static final String[] COUNTRIES = {"1", "7", "20", "27", "30", "31", "32", "33", "34", "36", "39", "40",
            "41", "43", "44", "45", "46", "47", "48", "49", "51", "52", "54", "55", "56", "57", "58", "60", "61", "62",
            "63", "64", "65", "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98", "212", "213",
            "234", "254", "351", "352", "353", "358", "359", "370", "380", "420", "421", "852", "880", "966", "971",
            "972"};
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private RateLookupBench() {
    }

    public static void main(String[] args) throws IOException {
        int prefixes = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int carriers = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        boolean store = List.of(args).contains("--store");
        System.out.printf(Locale.ROOT, "# %d prefixes over %d carriers; java %s, %d cores, max heap %d MiB%n",
                prefixes, carriers, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        long heapBefore = usedHeap();
        Map<Long, PrefixRateTable> tables = new HashMap<>();
        long rows = 0;
        long footprint = 0;
        long start = System.nanoTime();
        for (int c = 0; c < carriers; c++) {
            ParsedDeck deck = ParsedDeck.read(new GeneratedDeck(prefixes / carriers, c), 5_000_000, 100,
                    ImportProgress.NONE);
            PrefixRateTable table = deck.table().orElseThrow(() -> new IllegalStateException(
                    deck.errors().reported().toString()));
            tables.put((long) c + 1, table);
            rows += table.rowCount();
            footprint += table.footprintBytes();
        }
        double readSeconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = usedHeap();
        System.out.printf(Locale.ROOT, "read+build: %d rows in %.2f s = %.0f rows/s%n", rows, readSeconds,
                rows / readSeconds);
        System.out.printf(Locale.ROOT, "memory: %.1f bytes/prefix on the heap (%d MiB for %d decks), %.1f bytes/prefix"
                + " of array payload%n", (double) (heapAfter - heapBefore) / rows, (heapAfter - heapBefore) >> 20,
                carriers, (double) footprint / rows);

        String[] numbers = numbers(100_000, new Random(7));
        lookups(tables, numbers, seconds);
        routes(tables, numbers, seconds, carriers);
        if (store) {
            storeOneDeck(prefixes);
        }
    }

    /** Longest-prefix match in every carrier's table for each number, one thread. */
    private static void lookups(Map<Long, PrefixRateTable> tables, String[] numbers, int seconds) {
        PrefixRateTable[] all = tables.values().toArray(new PrefixRateTable[0]);
        int day = (int) DAY.toEpochDay();
        long sink = 0;
        long count = 0;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        long countedFrom = 0;
        boolean counting = false;
        for (int i = 0; ; i++) {
            if ((i & 1023) == 0) {
                long now = System.nanoTime();
                if (!counting && now >= warmEnd) {
                    counting = true;
                    countedFrom = now;
                    count = 0;
                }
                if (now >= end) {
                    double elapsed = (now - countedFrom) / 1e9;
                    System.out.printf(Locale.ROOT, "lookup: %.0f numbers/s against %d tables = %.0f table lookups/s"
                            + " (%.0f ns per table lookup; checksum %d)%n", count / elapsed, all.length,
                            count * all.length / elapsed, elapsed * 1e9 / (count * all.length), sink);
                    return;
                }
            }
            String number = numbers[i % numbers.length];
            for (PrefixRateTable table : all) {
                sink += table.find(number, day);
            }
            count++;
        }
    }

    /** Whole routing decisions (rates, windows, breakers, ranking, explanation values), one thread. */
    private static void routes(Map<Long, PrefixRateTable> tables, String[] numbers, int seconds, int carriers) {
        Clock clock = Clock.systemUTC();
        AdaptiveCallRouter router = new AdaptiveCallRouter(new CarrierQuality(WindowSettings.DEFAULT, 4, clock),
                new CarrierAvailability(BreakerSettings.DEFAULT, clock), clock);
        List<Carrier> list = new ArrayList<>();
        for (int c = 1; c <= carriers; c++) {
            list.add(new Carrier(c, "carrier-" + c, "192.0.2." + c, 5060, CarrierTransport.UDP, null, "", 0, 0, true));
        }
        router.replaceCarriers(list);
        router.replaceTables(tables);
        Instant at = DAY.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        long sink = 0;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        for (int i = 0; System.nanoTime() < warmEnd; i++) {
            sink += router.route(numbers[i % numbers.length], at).carriersToTry().size();
        }
        long count = 0;
        long from = System.nanoTime();
        long end = from + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int j = 0; j < 256; j++, count++) {
                sink += router.route(numbers[(int) (count % numbers.length)], at).carriersToTry().size();
            }
        }
        double elapsed = (System.nanoTime() - from) / 1e9;
        System.out.printf(Locale.ROOT, "route: %.0f decisions/s over %d carriers (%.1f us each; %.1f carriers per"
                + " decision)%n", count / elapsed, carriers, elapsed * 1e6 / count, (double) sink / count);
    }

    /** One deck of {@code prefixes} rows imported into a fresh Derby database, as the admin's upload would be. */
    private static void storeOneDeck(int prefixes) throws IOException {
        Path dir = Files.createTempDirectory("acr-bench-");
        try (DerbyStores stores = DerbyStores.open(dir)) {
            long carrier = stores.carriers().create(new Carrier(0, "bench", "192.0.2.1", 5060, CarrierTransport.UDP,
                    null, "", 0, 0, true)).id();
            RateDeckImporter importer = new RateDeckImporter(stores.rateDecks(), (id, table) -> { },
                    Clock.systemUTC(), RateDeckImporter.Limits.DEFAULT);
            ImportOutcome outcome = importer.importDeck(carrier, new GeneratedDeck(prefixes, 99), "bench.csv",
                    ImportProgress.NONE);
            ImportOutcome.Imported imported = (ImportOutcome.Imported) outcome;
            double read = imported.readTime().toNanos() / 1e9;
            double stored = imported.storeTime().toNanos() / 1e9;
            long rows = imported.deck().rowCount();
            System.out.printf(Locale.ROOT, "import into Derby: %d rows, read+build %.2f s, store+activate %.2f s ="
                    + " %.0f rows/s overall%n", rows, read, stored, rows / (read + stored));
        }
    }

    /** Numbers under the same country codes, some of them under no prefix of any deck. */
    private static String[] numbers(int count, Random random) {
        String[] numbers = new String[count];
        for (int i = 0; i < count; i++) {
            StringBuilder n = new StringBuilder(COUNTRIES[random.nextInt(COUNTRIES.length)]);
            while (n.length() < 11 + random.nextInt(3)) {
                n.append((char) ('0' + random.nextInt(10)));
            }
            numbers[i] = n.toString();
        }
        return numbers;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A deck of distinct prefixes, produced as it is read. */
    static final class GeneratedDeck extends Reader {
        private final int rows;
        private final Random random;
        private final java.util.Set<String> seen = new java.util.HashSet<>();
        private int next;
        private String pending = "prefix,destination,rate,increment,effective_from,effective_until\n";
        private int offset;

        GeneratedDeck(int rows, long seed) {
            this.rows = rows;
            this.random = new Random(seed);
        }

        @Override
        public int read(char[] buffer, int off, int len) {
            if (offset == pending.length()) {
                if (next == rows) {
                    seen.clear();
                    return -1;
                }
                String country;
                String prefix;
                do {
                    country = COUNTRIES[random.nextInt(COUNTRIES.length)];
                    StringBuilder p = new StringBuilder(country);
                    int extra = 1 + random.nextInt(7);
                    for (int i = 0; i < extra; i++) {
                        p.append((char) ('0' + random.nextInt(10)));
                    }
                    prefix = p.toString();
                } while (!seen.add(prefix));
                pending = prefix + ",\"Country " + country + (random.nextInt(4) == 0 ? " - Mobile\"" : " - Fixed\"")
                        + ",0." + (1000 + random.nextInt(9000)) + ",60/60,2026-01-01,\n";
                next++;
                offset = 0;
            }
            int n = Math.min(len, pending.length() - offset);
            pending.getChars(offset, offset + n, buffer, off);
            offset += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
