package com.crosspoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.Carrier;
import com.crosspoint.model.RateDeck;
import com.crosspoint.model.RateRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** Behaviour every {@link RateDeckStore} shows: staged decks are invisible until activated, which is atomic. */
public interface RateDeckStoreContract {
    Stores stores();

    private RateDeckStore decks() {
        return stores().rateDecks();
    }

    private Carrier carrier() {
        return stores().carriers().create(StoreFixtures.carrier(StoreFixtures.unique("deck-carrier")));
    }

    private static List<RateRow> read(RateDeckStore decks, long deckId) {
        List<RateRow> rows = new ArrayList<>();
        decks.forEachRow(deckId, rows::add);
        return rows;
    }

    @Test
    default void rowsReadBackExactlyInTheOrderAdded() {
        Carrier c = carrier();
        RateDeck deck = decks().stage(c.id(), "carrier-a.csv", StoreFixtures.T0);
        List<RateRow> first = List.of(
                new RateRow("4420", "London, \"fixed\"", 8_000, BillingIncrement.PER_SECOND,
                        LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1)),
                new RateRow("44", "United Kingdom", 12_345_678, new BillingIncrement(30, 6), LocalDate.of(2025, 12, 31),
                        null));
        List<RateRow> second = List.of(StoreFixtures.rate("1", 0));
        decks().addRows(deck.id(), first);
        decks().addRows(deck.id(), second);

        List<RateRow> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(read(decks(), deck.id())).isEqualTo(all);
        assertThat(decks().find(deck.id())).contains(new RateDeck(deck.id(), c.id(), "carrier-a.csv",
                StoreFixtures.T0, 3, RateDeck.Status.STAGED));
    }

    @Test
    default void aStagedDeckIsNotTheCarriersDeckUntilActivated() {
        Carrier c = carrier();
        RateDeck deck = decks().stage(c.id(), "a.csv", StoreFixtures.T0);
        decks().addRows(deck.id(), List.of(StoreFixtures.rate("33", 1)));

        assertThat(decks().active(c.id())).isEmpty();
        assertThat(decks().activeDecks()).extracting(RateDeck::carrierId).doesNotContain(c.id());
        assertThat(decks().inactive()).extracting(RateDeck::id).contains(deck.id());

        RateDeck active = decks().activate(deck.id());
        assertThat(active.status()).isEqualTo(RateDeck.Status.ACTIVE);
        assertThat(active.rowCount()).isEqualTo(1);
        assertThat(decks().active(c.id())).contains(active);
        assertThat(decks().activeDecks()).contains(active);
        assertThat(decks().inactive()).extracting(RateDeck::id).doesNotContain(deck.id());
    }

    @Test
    default void activatingANewDeckRetiresTheOldOneInTheSameStep() {
        Carrier c = carrier();
        RateDeck old = decks().stage(c.id(), "old.csv", StoreFixtures.T0);
        decks().addRows(old.id(), List.of(StoreFixtures.rate("49", 10)));
        decks().activate(old.id());
        RateDeck fresh = decks().stage(c.id(), "new.csv", StoreFixtures.T0.plusSeconds(60));
        decks().addRows(fresh.id(), List.of(StoreFixtures.rate("49", 20), StoreFixtures.rate("491", 30)));

        assertThat(decks().active(c.id()).orElseThrow().id()).isEqualTo(old.id());
        decks().activate(fresh.id());

        assertThat(decks().active(c.id()).orElseThrow().id()).isEqualTo(fresh.id());
        assertThat(decks().find(old.id()).orElseThrow().status()).isEqualTo(RateDeck.Status.RETIRED);
        assertThat(read(decks(), fresh.id())).extracting(RateRow::ratePerMinuteMicros).containsExactly(20L, 30L);
    }

    @Test
    default void onlyAStagedDeckTakesRowsOrIsActivated() {
        Carrier c = carrier();
        RateDeck deck = decks().stage(c.id(), "a.csv", StoreFixtures.T0);
        decks().activate(deck.id());

        assertThatThrownBy(() -> decks().addRows(deck.id(), List.of(StoreFixtures.rate("1", 1))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> decks().activate(deck.id())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> decks().activate(987_654_321L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> decks().stage(987_654_321L, "x.csv", StoreFixtures.T0))
                .isInstanceOf(NoSuchElementException.class);
    }

    @Test
    default void discardDeletesAnInactiveDeckWithItsRowsButNeverTheActiveOne() {
        Carrier c = carrier();
        RateDeck active = decks().stage(c.id(), "a.csv", StoreFixtures.T0);
        decks().activate(active.id());
        RateDeck abandoned = decks().stage(c.id(), "b.csv", StoreFixtures.T0);
        List<RateRow> many = new ArrayList<>();
        for (int i = 0; i < 25_000; i++) {
            many.add(StoreFixtures.rate(Integer.toString(100_000 + i), i));
        }
        decks().addRows(abandoned.id(), many);

        assertThat(decks().discard(abandoned.id())).isTrue();
        assertThat(decks().find(abandoned.id())).isEmpty();
        assertThat(read(decks(), abandoned.id())).isEmpty();
        assertThat(decks().discard(abandoned.id())).isFalse();
        assertThatThrownBy(() -> decks().discard(active.id())).isInstanceOf(IllegalStateException.class);
        assertThat(decks().active(c.id())).isPresent();
    }

    @Test
    default void aLargeDeckIsReadBackWhole() {
        Carrier c = carrier();
        RateDeck deck = decks().stage(c.id(), "big.csv", StoreFixtures.T0);
        List<RateRow> rows = new ArrayList<>();
        for (int i = 0; i < 23_456; i++) {
            rows.add(StoreFixtures.rate(Integer.toString(1_000_000 + i), i));
        }
        for (int from = 0; from < rows.size(); from += 5_000) {
            decks().addRows(deck.id(), rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }

        assertThat(read(decks(), deck.id())).isEqualTo(rows);
    }
}
