package com.crosspoint.billing.rating;

import static com.crosspoint.billing.rating.RatingFixture.rate;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.RetailRate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetailRateTableTest {
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2026, 2, 1);

    @Test
    void aLongerPrefixNotYetEffectiveGivesWayToAShorterOne() {
        RetailRate shorter = rate("44", "0.10", "0", "0", 1, 1, JAN, null);
        RetailRate longerFromFebruary = rate("447", "0.30", "0", "0", 1, 1, FEB, null);
        RetailRateTable table = RetailRateTable.of(List.of(shorter, longerFromFebruary));

        assertThat(table.find("447700", JAN.plusDays(5))).isEqualTo(shorter);
        assertThat(table.find("447700", FEB)).isEqualTo(longerFromFebruary);
        assertThat(table.find("33", FEB)).isNull();
        assertThat(table.find("4+7", FEB)).isEqualTo(null);
    }

    @Test
    void agreesWithABruteForceSearchOnRandomPlans() {
        Random random = new Random(12);
        List<RetailRate> rates = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String prefix = Integer.toString(1 + random.nextInt(999));
            LocalDate from = JAN.plusDays(random.nextInt(60));
            RetailRate candidate = rate(prefix, "0.01", "0", "0", 1, 1, from, from.plusDays(1 + random.nextInt(60)));
            if (rates.stream().noneMatch(candidate::overlaps)) {
                rates.add(candidate);
            }
        }
        RetailRateTable table = RetailRateTable.of(rates);
        for (int i = 0; i < 20_000; i++) {
            String number = Long.toString(1_000_000 + random.nextInt(9_000_000));
            LocalDate day = JAN.plusDays(random.nextInt(130));

            assertThat(table.find(number, day)).isEqualTo(bruteForce(rates, number, day));
        }
    }

    private static RetailRate bruteForce(List<RetailRate> rates, String number, LocalDate day) {
        RetailRate best = null;
        for (RetailRate r : rates) {
            if (number.startsWith(r.prefix()) && r.effectiveOn(day)
                    && (best == null || r.prefix().length() > best.prefix().length())) {
                best = r;
            }
        }
        return best;
    }
}
