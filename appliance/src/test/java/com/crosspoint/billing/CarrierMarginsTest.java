package com.crosspoint.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.CarrierMargin;
import com.crosspoint.testing.MutableClock;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The margins are read from the store over the window up to now, and at most once per maximum age. */
class CarrierMarginsTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(T0);
    private final List<Instant> asked = new ArrayList<>();
    private final List<CarrierMargin> stored = new ArrayList<>();
    /** Only carrierMargins is answered: nothing else may be asked. */
    private final LedgerStore ledger = (LedgerStore) Proxy.newProxyInstance(LedgerStore.class.getClassLoader(),
            new Class<?>[] {LedgerStore.class}, (proxy, method, args) -> {
                assertThat(method.getName()).isEqualTo("carrierMargins");
                asked.add((Instant) args[0]);
                return List.copyOf(stored);
            });
    private final CarrierMargins margins = new CarrierMargins(ledger, clock, Duration.ofSeconds(5));

    private static CarrierMargin margin(long carrierId, String currency, long marginMicros) {
        return new CarrierMargin(carrierId, currency, 1, 60, 10_000, 10_000 + marginMicros, marginMicros);
    }

    @Test
    void theWindowEndsNowAndEachCarrierGetsItsCurrencies() {
        stored.addAll(List.of(margin(2, "EUR", 50_000), margin(2, "USD", -1_000), margin(3, "EUR", 7)));

        assertThat(margins.over(WINDOW)).containsOnlyKeys(2L, 3L)
                .hasEntrySatisfying(2L, m -> assertThat(m).extracting(CarrierMargin::currency).containsExactly("EUR", "USD"));
        assertThat(asked).containsExactly(T0.minus(WINDOW));
    }

    @Test
    void theStoreIsAskedAgainOnlyOnceTheAnswerIsOld() {
        stored.add(margin(2, "EUR", 1));
        margins.over(WINDOW);
        stored.add(margin(4, "EUR", 2));

        clock.advance(Duration.ofMillis(4_999));
        assertThat(margins.over(WINDOW)).as("within the maximum age").containsOnlyKeys(2L);
        clock.advance(Duration.ofMillis(1));
        assertThat(margins.over(WINDOW)).containsOnlyKeys(2L, 4L);
        assertThat(margins.over(Duration.ofMinutes(5))).as("another window is asked at once").containsOnlyKeys(2L, 4L);
        assertThat(asked).containsExactly(T0.minus(WINDOW), T0.plusSeconds(5).minus(WINDOW),
                T0.plusSeconds(5).minus(Duration.ofMinutes(5)));
    }
}
