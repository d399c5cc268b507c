package com.crosspoint.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One stack trace per interval, however many failures. */
class TraceBudgetTest {
    private final AtomicLong now = new AtomicLong(5_000);
    private final TraceBudget budget = new TraceBudget(Duration.ofSeconds(60), now::get);

    @Test
    void theFirstFailureOfAnIntervalGetsItsTraceTheRestDoNot() {
        assertThat(budget.spend()).isTrue();
        for (int i = 0; i < 100; i++) {
            assertThat(budget.spend()).isFalse();
        }
        now.addAndGet(59_999);
        assertThat(budget.spend()).isFalse();
        now.addAndGet(1);
        assertThat(budget.spend()).isTrue();
    }
}
