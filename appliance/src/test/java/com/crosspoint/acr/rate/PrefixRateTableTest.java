package com.crosspoint.acr.rate;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.BillingIncrement;
import com.crosspoint.model.RateRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrefixRateTableTest {
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate JUL = LocalDate.of(2026, 7, 1);

    private static RateRow rate(String prefix, long micros, LocalDate from, LocalDate until) {
        return new RateRow(prefix, "d" + prefix, micros, BillingIncrement.PER_SECOND, from, until);
    }

    private static PrefixRateTable table(List<RateRow> rows) {
        PrefixRateTableBuilder builder = new PrefixRateTableBuilder();
        for (int i = 0; i < rows.size(); i++) {
            builder.add(i + 2, rows.get(i));
        }
        DeckErrors errors = new DeckErrors(10);
        Optional<PrefixRateTable> table = builder.build(errors);
        assertThat(errors.reported()).isEmpty();
        return table.orElseThrow();
    }

    private static Optional<Long> micros(PrefixRateTable table, String number, LocalDate day) {
        return table.match(number, day).map(RateMatch::ratePerMinuteMicros);
    }

    @Test
    void theLongestPrefixWins() {
        PrefixRateTable table = table(List.of(rate("44", 100, JAN, null), rate("4420", 80, JAN, null),
                rate("447", 300, JAN, null), rate("1", 10, JAN, null)));

        assertThat(table.match("442071234567", JAN)).contains(new RateMatch("4420", "d4420", 80,
                BillingIncrement.PER_SECOND, JAN, null));
        assertThat(micros(table, "447700900123", JAN)).contains(300L);
        assertThat(micros(table, "4430", JAN)).contains(100L);
        assertThat(micros(table, "12125550100", JAN)).contains(10L);
        assertThat(micros(table, "33123", JAN)).isEmpty();
        assertThat(micros(table, "4", JAN)).isEmpty();
        assertThat(micros(table, "", JAN)).isEmpty();
        assertThat(table.prefixCount()).isEqualTo(4);
    }

    @Test
    void aPrefixNotYetOrNoLongerEffectiveGivesWayToAShorterOne() {
        PrefixRateTable table = table(List.of(rate("44", 100, JAN, null), rate("4420", 80, JAN, JUL),
                rate("4420", 70, JUL, null), rate("447", 300, JUL, null), rate("449", 900, JAN, JUL)));

        assertThat(micros(table, "44201", JUL.minusDays(1))).contains(80L);
        assertThat(micros(table, "44201", JUL)).contains(70L);
        assertThat(micros(table, "4470", JAN)).contains(100L);
        assertThat(micros(table, "4470", JUL)).contains(300L);
        assertThat(micros(table, "4490", JUL)).contains(100L);
        assertThat(micros(table, "4490", JAN.minusDays(1))).isEmpty();
    }

    @Test
    void aNonDigitEndsTheWalk() {
        PrefixRateTable table = table(List.of(rate("4", 1, JAN, null), rate("44", 2, JAN, null)));

        assertThat(micros(table, "4x4", JAN)).contains(1L);
    }

    @Test
    void overlappingPeriodsOfOnePrefixAreReportedWithBothRows() {
        PrefixRateTableBuilder builder = new PrefixRateTableBuilder();
        builder.add(2, rate("44", 1, JAN, null));
        builder.add(3, rate("33", 1, JAN, JUL));
        builder.add(4, rate("44", 2, JUL, null));
        builder.add(5, rate("33", 2, JUL, null));
        builder.add(6, rate("33", 3, JUL.plusDays(10), JUL.plusDays(20)));
        DeckErrors errors = new DeckErrors(10);

        assertThat(builder.build(errors)).isEmpty();
        assertThat(errors.reported()).containsExactlyInAnyOrder(
                "row 4: prefix 44 from 2026-07-01 overlaps row 2 (2026-01-01 to open)",
                "row 6: prefix 33 from 2026-07-11 overlaps row 5 (2026-07-01 to open)");
    }

    @Test
    void rowsComeBackInPrefixOrderWithEveryField() {
        List<RateRow> rows = List.of(rate("5", 5, JAN, null), rate("40", 4, JAN, JUL),
                new RateRow("4", "Germany, \"all\"", 123_456_789, new BillingIncrement(30, 6), JAN, null),
                rate("40", 3, JUL, null));
        List<RateRow> back = new ArrayList<>();
        table(rows).forEachRow(back::add);

        assertThat(back).containsExactly(rows.get(2), rows.get(1), rows.get(3), rows.get(0));
    }

    @Test
    void anEmptyTableMatchesNothing() {
        assertThat(PrefixRateTable.empty().match("44", JAN)).isEmpty();
        assertThat(PrefixRateTable.empty().rowCount()).isZero();
    }

    /** The compact trie against the obvious search over every row, on random decks. */
    @Test
    void agreesWithABruteForceSearchOnRandomDecks() {
        Random random = new Random(20260301);
        for (int round = 0; round < 10; round++) {
            List<RateRow> rows = randomDeck(random, 2_000 + random.nextInt(3_000));
            PrefixRateTable table = table(rows);
            for (int q = 0; q < 5_000; q++) {
                // half the numbers extend a prefix of the deck, so that deep matches are tried too
                String number = random.nextBoolean() ? randomDigits(random, 1 + random.nextInt(15), "44")
                        : rows.get(random.nextInt(rows.size())).prefix() + randomDigits(random, random.nextInt(4), "0");
                LocalDate day = JAN.plusDays(random.nextInt(400) - 30);
                Optional<RateMatch> expected = bruteForce(rows, number, day);
                assertThat(table.match(number, day)).as("%s on %s", number, day).isEqualTo(expected);
            }
            List<RateRow> back = new ArrayList<>();
            table.forEachRow(back::add);
            assertThat(back).containsExactlyInAnyOrderElementsOf(rows);
        }
    }

    private static Optional<RateMatch> bruteForce(List<RateRow> rows, String number, LocalDate day) {
        return rows.stream().filter(r -> number.startsWith(r.prefix()) && r.effectiveOn(day))
                .max(Comparator.comparingInt(r -> r.prefix().length()))
                .map(r -> new RateMatch(r.prefix(), r.destination(), r.ratePerMinuteMicros(), r.increment(),
                        r.effectiveFrom(), r.effectiveUntil()));
    }

    /** Prefixes crowded under a few stems, some with two periods (an old rate and a new one). */
    private static List<RateRow> randomDeck(Random random, int size) {
        List<RateRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (rows.size() < size) {
            String prefix = randomDigits(random, 1 + random.nextInt(RateRow.MAX_PREFIX_DIGITS), "4");
            if (!seen.add(prefix)) {
                continue;
            }
            long micros = random.nextInt(1_000_000);
            if (random.nextInt(4) == 0) {
                LocalDate change = JAN.plusDays(1 + random.nextInt(365));
                rows.add(new RateRow(prefix, "d" + random.nextInt(50), micros, BillingIncrement.PER_MINUTE, JAN,
                        change));
                rows.add(new RateRow(prefix, "d" + random.nextInt(50), micros + 1, BillingIncrement.PER_SECOND,
                        change, random.nextBoolean() ? null : change.plusDays(30)));
            } else {
                rows.add(new RateRow(prefix, "d" + random.nextInt(50), micros, BillingIncrement.PER_MINUTE,
                        JAN.plusDays(random.nextInt(60)), null));
            }
        }
        return rows;
    }

    private static String randomDigits(Random random, int length, String stems) {
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // the first two digits from few values, so that prefixes share paths and nest
            digits.append(i < 2 ? stems.charAt(random.nextInt(stems.length())) : (char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
