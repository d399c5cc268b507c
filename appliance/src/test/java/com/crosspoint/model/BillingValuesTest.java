package com.crosspoint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad billing input is refused with the field named (the API shows the field; nothing is stored). */
class BillingValuesTest {
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    private static RetailRate rate(String prefix, long price, long fee, long minimum, int first, int next,
                                   LocalDate until) {
        return new RetailRate(0, 1, prefix, "", price, fee, minimum, first, next, JAN, until);
    }

    private static void assertField(Runnable construction, String field) {
        assertThatThrownBy(construction::run).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo(field))
                .hasMessageStartingWith(field + ": ");
    }

    @Test
    void aBadRateNamesItsField() {
        assertField(() -> rate("44", -1, 0, 0, 60, 60, null), "pricePerMinute");
        assertField(() -> rate("44", 1, -1, 0, 60, 60, null), "connectionFee");
        assertField(() -> rate("44", 1, 0, -1, 60, 60, null), "minimumCharge");
        assertField(() -> rate("44", 1, 0, 0, 0, 60, null), "firstIncrement");
        assertField(() -> rate("44", 1, 0, 0, 60, 0, null), "nextIncrement");
        assertField(() -> rate("4a", 1, 0, 0, 60, 60, null), "prefix");
        assertField(() -> rate("44", 1, 0, 0, 60, 60, JAN), "effectiveUntil");
        assertField(() -> rate("44", RetailRate.MAX_PRICE_MICROS + 1, 0, 0, 60, 60, null), "pricePerMinute");
    }

    @Test
    void overlappingPeriodsOfOnePrefixAreRefusedAndAdjoiningOnesAccepted() {
        LocalDate march = LocalDate.of(2026, 3, 1);
        RetailRate untilMarch = rate("44", 1, 0, 0, 60, 60, march);
        RetailRate fromMarch = new RetailRate(0, 1, "44", "", 2, 0, 0, 60, 60, march, null);
        RetailRate fromFebruary = new RetailRate(0, 1, "44", "", 2, 0, 0, 60, 60, LocalDate.of(2026, 2, 1), null);

        RetailRate.checkNoOverlap(List.of(untilMarch, fromMarch, rate("447", 1, 0, 0, 1, 1, null)));
        assertThatThrownBy(() -> RetailRate.checkNoOverlap(List.of(untilMarch, fromFebruary)))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("prefix 44")
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("effectiveFrom"));
    }

    @Test
    void anUnknownCurrencyIsRefusedWherever() {
        assertField(() -> new RatePlan(0, 1, "Retail", "EUX", ZoneId.of("UTC")), "currency");
        assertField(() -> new RatePlan(0, 1, "Retail", "eur", ZoneId.of("UTC")), "currency");
        assertField(() -> Money.parse("1", "ABC"), "currency");
        assertField(() -> new BillingAccount(1, BillingAccount.Kind.PREPAID, "XYZ", 1, 0, 0, false, SpendLimits.NONE),
                "currency");
    }

    @Test
    void accountsAndLimitsNameTheirFields() {
        assertField(() -> new BillingAccount(1, BillingAccount.Kind.PREPAID, "EUR", 1, 5, 0, false, SpendLimits.NONE),
                "creditLimit");
        assertField(() -> new BillingAccount(1, null, "EUR", 1, 0, 0, false, SpendLimits.NONE), "kind");
        assertField(() -> new SpendLimits(-1, 0, 0, List.of()), "maxConcurrentCalls");
        assertField(() -> new SpendLimits(0, -1, 0, List.of()), "maxSpendPerHour");
        assertField(() -> new SpendLimits(0, 0, 0, List.of("44*")), "blockedPatterns");
        assertField(() -> new LedgerEntry(0, 1, java.time.Instant.EPOCH, LedgerEntry.Kind.TOP_UP, -5, "EUR", "admin",
                "why", null, null), "amount");
        assertField(() -> new LedgerEntry(0, 1, java.time.Instant.EPOCH, LedgerEntry.Kind.TOP_UP, 5, "EUR", " ",
                "why", null, null), "actor");
        assertField(() -> new LedgerEntry(0, 1, java.time.Instant.EPOCH, LedgerEntry.Kind.ADJUSTMENT, 5, "EUR",
                "admin", "", null, null), "reason");
    }

    @ParameterizedTest
    @CsvSource({"12.5, 12500000", "-0.0125, -12500", "0.000001, 1", "3, 3000000", "1e2, 100000000"})
    void moneyReadsDecimalsExactly(String text, long micros) {
        assertThat(Money.parse(text, "EUR").micros()).isEqualTo(micros);
    }

    @Test
    void moneyRefusesWhatItCannotHoldExactly() {
        assertField(() -> Money.parse("0.0000001", "EUR"), "amount");
        assertField(() -> Money.parse("abc", "EUR"), "amount");
        assertField(() -> Money.parse("1000000001", "EUR"), "amount");
        assertThat(Money.parse("0.10", "EUR").toDecimal()).isEqualTo("0.1");
        assertThat(Money.parse("0.1", "EUR").plus(Money.parse("0.2", "EUR"))).isEqualTo(Money.parse("0.3", "EUR"));
        assertThatThrownBy(() -> Money.parse("1", "EUR").plus(Money.parse("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
