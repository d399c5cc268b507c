package com.crosspoint.acr.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.Carrier;
import com.crosspoint.model.CarrierTransport;
import com.crosspoint.model.RateDeck;
import com.crosspoint.model.RateRow;
import com.crosspoint.store.RateDeckStore;
import com.crosspoint.store.StoreException;
import com.crosspoint.store.derby.DerbyStores;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports against a real Derby database: all or nothing, in the database and in memory. */
class RateDeckImporterTest {
    private static final String HEADER = "prefix,destination,rate,increment,effective_from,effective_until\n";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    @TempDir
    static Path dataDir;
    private static DerbyStores stores;

    /** The router's side of a swap, as the router keeps it: one table per carrier, replaced whole. */
    private final Map<Long, PrefixRateTable> live = new ConcurrentHashMap<>();
    private final RateDeckImporter importer = importer(null);

    @BeforeAll
    static void open() {
        stores = DerbyStores.open(dataDir);
    }

    @AfterAll
    static void close() {
        stores.close();
    }

    private RateDeckImporter importer(RateDeckStore store) {
        return new RateDeckImporter(store == null ? stores.rateDecks() : store, live::put, Clock.systemUTC(),
                new RateDeckImporter.Limits(1_000, 100, 2));
    }

    private static long carrier() {
        return stores.carriers().create(new Carrier(0, "c" + System.nanoTime(), "192.0.2.1", 5060,
                CarrierTransport.UDP, null, "", 0, 0, true)).id();
    }

    private static List<RateRow> stored(long carrierId) {
        List<RateRow> rows = new ArrayList<>();
        stores.rateDecks().active(carrierId).ifPresent(d -> stores.rateDecks().forEachRow(d.id(), rows::add));
        return rows;
    }

    private long liveRate(long carrierId, String number) {
        return live.get(carrierId).match(number, DAY).orElseThrow().ratePerMinuteMicros();
    }

    private ImportOutcome load(long carrierId, String rows) throws IOException {
        return importer.importDeck(carrierId, new StringReader(HEADER + rows), "deck.csv", ImportProgress.NONE);
    }

    @Test
    void aGoodDeckBecomesTheCarriersDeckInTheDatabaseAndInMemory() throws IOException {
        long c = carrier();
        List<Long> stored = new ArrayList<>();
        ImportOutcome outcome = importer.importDeck(c, new StringReader(HEADER
                + "44,UK,0.0125,60/60,2026-01-01,\n4420,London,0.008,1/1,2026-01-01,\n33,France,0.02,,2026-01-01,\n"
                + "1,NANP,0.005,6/6,2026-01-01,\n"), "deck.csv", new ImportProgress() {
                    @Override
                    public void rowsStored(long rows) {
                        stored.add(rows);
                    }
                });

        assertThat(outcome).isInstanceOf(ImportOutcome.Imported.class);
        RateDeck deck = ((ImportOutcome.Imported) outcome).deck();
        assertThat(deck.rowCount()).isEqualTo(4);
        assertThat(deck.status()).isEqualTo(RateDeck.Status.ACTIVE);
        assertThat(stored).containsExactly(2L, 4L, 4L);
        assertThat(stored(c)).extracting(RateRow::prefix).containsExactly("1", "33", "44", "4420");
        assertThat(liveRate(c, "442071234567")).isEqualTo(8_000);
    }

    @Test
    void aDeckWithABadRowChangesNothingAnywhere() throws IOException {
        long c = carrier();
        load(c, "44,UK,0.01,60/60,2026-01-01,\n");
        PrefixRateTable before = live.get(c);

        ImportOutcome outcome = load(c, "44,UK,0.02,60/60,2026-01-01,\n45,DK,abc,60/60,2026-01-01,\n");

        assertThat(outcome).isEqualTo(new ImportOutcome.Rejected(2, List.of("row 3: rate 'abc' is not a number"), 0));
        assertThat(live.get(c)).isSameAs(before);
        assertThat(stored(c)).extracting(RateRow::ratePerMinuteMicros).containsExactly(10_000L);
        assertThat(stores.rateDecks().inactive()).noneMatch(d -> d.carrierId() == c);
    }

    @Test
    void aNewDeckReplacesTheOldOneWhichIsRemoved() throws IOException {
        long c = carrier();
        RateDeck first = ((ImportOutcome.Imported) load(c, "44,UK,0.01,60/60,2026-01-01,\n")).deck();

        load(c, "44,UK,0.03,60/60,2026-01-01,\n49,DE,0.02,60/60,2026-01-01,\n");

        assertThat(liveRate(c, "4420")).isEqualTo(30_000);
        assertThat(stored(c)).extracting(RateRow::ratePerMinuteMicros).containsExactly(30_000L, 20_000L);
        assertThat(stores.rateDecks().find(first.id())).isEmpty();
    }

    @Test
    void aDatabaseFailureHalfWayLeavesTheOldDeckEverywhere() throws IOException {
        long c = carrier();
        load(c, "44,UK,0.01,60/60,2026-01-01,\n");
        PrefixRateTable before = live.get(c);
        RateDeckImporter failing = importer(new FailingOnSecondBatch(stores.rateDecks()));

        assertThatThrownBy(() -> failing.importDeck(c, new StringReader(HEADER + "44,UK,0.05,60/60,2026-01-01,\n"
                + "45,DK,0.05,60/60,2026-01-01,\n46,SE,0.05,60/60,2026-01-01,\n"), "new.csv", ImportProgress.NONE))
                .isInstanceOf(StoreException.class);

        assertThat(live.get(c)).isSameAs(before);
        assertThat(stored(c)).extracting(RateRow::ratePerMinuteMicros).containsExactly(10_000L);
        assertThat(stores.rateDecks().inactive()).noneMatch(d -> d.carrierId() == c);
    }

    @Test
    void theLoaderRebuildsActiveDecksAndRemovesLeftovers() throws IOException {
        long c = carrier();
        load(c, "44,UK,0.01,60/60,2026-01-01,\n4420,London,0.005,1/1,2026-01-01,2026-06-01\n");
        RateDeck leftover = stores.rateDecks().stage(c, "crashed.csv", java.time.Instant.now());
        stores.rateDecks().addRows(leftover.id(), List.of(new RateRow("44", "", 1, com.crosspoint.model.BillingIncrement
                .PER_MINUTE, DAY, null)));

        Map<Long, PrefixRateTable> loaded = new RateDeckLoader(stores.rateDecks()).load();

        assertThat(loaded.get(c).match("44201", DAY).orElseThrow().ratePerMinuteMicros()).isEqualTo(5_000);
        assertThat(loaded.get(c).match("44201", LocalDate.of(2026, 6, 1)).orElseThrow().ratePerMinuteMicros())
                .isEqualTo(10_000);
        assertThat(stores.rateDecks().find(leftover.id())).isEmpty();
    }

    /** The real store, failing the second batch of rows as a full disk would. */
    private static final class FailingOnSecondBatch implements RateDeckStore {
        private final RateDeckStore real;
        private int batches;

        FailingOnSecondBatch(RateDeckStore real) {
            this.real = real;
        }

        @Override
        public RateDeck stage(long carrierId, String source, java.time.Instant importedAt) {
            return real.stage(carrierId, source, importedAt);
        }

        @Override
        public void addRows(long deckId, List<RateRow> rows) {
            if (++batches == 2) {
                throw new StoreException("disk full", null);
            }
            real.addRows(deckId, rows);
        }

        @Override
        public RateDeck activate(long deckId) {
            return real.activate(deckId);
        }

        @Override
        public Optional<RateDeck> find(long deckId) {
            return real.find(deckId);
        }

        @Override
        public Optional<RateDeck> active(long carrierId) {
            return real.active(carrierId);
        }

        @Override
        public List<RateDeck> activeDecks() {
            return real.activeDecks();
        }

        @Override
        public List<RateDeck> inactive() {
            return real.inactive();
        }

        @Override
        public void forEachRow(long deckId, Consumer<RateRow> rows) {
            real.forEachRow(deckId, rows);
        }

        @Override
        public boolean discard(long deckId) {
            return real.discard(deckId);
        }
    }
}
