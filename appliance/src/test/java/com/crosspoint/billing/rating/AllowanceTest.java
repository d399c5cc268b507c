package com.crosspoint.billing.rating;

import static com.crosspoint.billing.rating.RatingFixture.micros;
import static com.crosspoint.billing.rating.RatingFixture.rate;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.RetailRate;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AllowanceTest {
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    @Test
    void aBalanceWorthThirtySecondsAllowsThirtySeconds() {
        RetailRate perSecond = rate("44", "0.60", "0", "0", 1, 1, FROM, null);

        assertThat(Allowance.seconds(perSecond, micros("0.30"), 14_400)).isEqualTo(30);
        assertThat(Allowance.seconds(perSecond, micros("0.299999"), 14_400)).isEqualTo(29);
    }

    @Test
    void theAllowanceIsWholeIncrements() {
        RetailRate thirtySix = rate("44", "0.60", "0", "0", 30, 6, FROM, null);

        assertThat(Allowance.seconds(thirtySix, micros("0.41"), 14_400)).isEqualTo(36);
        assertThat(Allowance.seconds(thirtySix, micros("0.29"), 14_400)).isZero();
    }

    @Test
    void feeAndMinimumMustFitBeforeAnySecond() {
        RetailRate withFee = rate("44", "0.60", "0.10", "0.50", 1, 1, FROM, null);

        assertThat(Allowance.seconds(withFee, micros("0.49"), 14_400)).isZero();
        // 0.50 pays the minimum, which covers fee + 40 s; 0.70 pays fee + 60 s
        assertThat(Allowance.seconds(withFee, micros("0.50"), 14_400)).isEqualTo(40);
        assertThat(Allowance.seconds(withFee, micros("0.70"), 14_400)).isEqualTo(60);
    }

    @Test
    void aFreeRateOrAHugeBudgetStopsAtTheCap() {
        assertThat(Allowance.seconds(rate("44", "0", "0", "0", 60, 60, FROM, null), 0, 7_200)).isEqualTo(7_200);
        assertThat(Allowance.seconds(rate("44", "0.01", "0", "0", 60, 60, FROM, null), micros("1000000"), 7_230))
                .isEqualTo(7_200);
    }

    @Test
    void agreesWithABruteForceSearchOnRandomRates() {
        Random random = new Random(14);
        int[][] increments = {{60, 60}, {30, 6}, {1, 1}, {6, 6}, {60, 1}};
        for (int i = 0; i < 20_000; i++) {
            int[] inc = increments[random.nextInt(increments.length)];
            RetailRate r = new RetailRate(0, 1, "4", "", random.nextInt(2_000_000), random.nextInt(3) * 50_000L,
                    random.nextInt(3) * 100_000L, inc[0], inc[1], FROM, null);
            long budget = random.nextInt(5_000_000) - 100_000;
            long cap = 1 + random.nextInt(5_000);

            assertThat(Allowance.seconds(r, budget, cap)).as("%s budget %d cap %d", r, budget, cap)
                    .isEqualTo(bruteForce(r, budget, cap));
        }
    }

    /** The last grid point whose price fits, walking the grid one increment at a time. */
    private static long bruteForce(RetailRate r, long budget, long cap) {
        long s = r.firstIncrement();
        if (Charges.priceOfBilled(r, s) > budget) {
            return 0;
        }
        while (s + r.nextIncrement() <= cap && Charges.priceOfBilled(r, s + r.nextIncrement()) <= budget) {
            s += r.nextIncrement();
        }
        return s;
    }
}
