package com.crosspoint.media.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PacingClockTest {

    @Test
    void histogramPercentilesAndMax() {
        SlipHistogram h = new SlipHistogram();
        assertThat(h.percentileMicros(0.99)).isZero();
        for (int i = 0; i < 98; i++) {
            h.record(15); // 10..20 µs bucket
        }
        h.record(1_500);
        h.record(25_000);
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.percentileMicros(0.5)).isEqualTo(20);
        assertThat(h.percentileMicros(0.99)).isEqualTo(1_510);
        assertThat(h.percentileMicros(1.0)).isEqualTo(25_000);
        assertThat(h.maxMicros()).isEqualTo(25_000);
        h.record(-5); // a clock that ran early counts as on time
        assertThat(h.count()).isEqualTo(101);
        h.reset();
        assertThat(h.count()).isZero();
    }

    @Test
    void slipIsMeasuredAgainstTheFixedRateSchedule() {
        // a fake clock: each tick starts 300 µs late and takes 200 µs
        AtomicLong now = new AtomicLong(1_000_000_000L);
        AtomicInteger ticks = new AtomicInteger();
        CapturingExecutor fake = new CapturingExecutor();
        try {
            PacingClock clock = new PacingClock(fake, phase -> {
                ticks.incrementAndGet();
                now.addAndGet(200_000);
            }, 1, now::get);
            clock.start();
            long start = now.get();
            for (int i = 1; i <= 10; i++) {
                now.set(start + i * PacingClock.PERIOD_NANOS + 300_000);
                fake.scheduled.get(0).run();
            }
            assertThat(ticks).hasValue(10);
            assertThat(clock.slip().maxMicros()).isEqualTo(300);
            assertThat(clock.finish().maxMicros()).isEqualTo(500);
        } finally {
            fake.shutdownNow();
        }
    }

    @Test
    void phasesTakeTurnsEachInItsPartOfThePeriod() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        java.util.List<Integer> phases = new java.util.ArrayList<>();
        CapturingExecutor fake = new CapturingExecutor();
        try {
            PacingClock clock = new PacingClock(fake, phases::add, 10, now::get);
            clock.start();
            long start = now.get();
            for (int i = 1; i <= 25; i++) {
                now.set(start + i * 2_000_000L + 100_000); // every wake 100 µs late against its 2 ms schedule
                fake.scheduled.get(0).run();
            }
            assertThat(fake.periods).containsExactly(2_000_000L);
            assertThat(phases.subList(0, 12)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1);
            assertThat(clock.slip().count()).isEqualTo(25);
            assertThat(clock.slip().maxMicros()).isEqualTo(100);
        } finally {
            fake.shutdownNow();
        }
    }

    @Test
    void phasesMustDivideThePeriod() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PacingClock(executor, p -> { }, 7))
                    .isInstanceOf(IllegalArgumentException.class);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PacingClock(executor, p -> { }, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aFailingTickIsCountedAndTheClockGoesOn() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger ticks = new AtomicInteger();
        try {
            PacingClock clock = new PacingClock(executor, () -> {
                if (ticks.incrementAndGet() % 2 == 0) {
                    throw new IllegalStateException("boom");
                }
            });
            clock.start();
            await().atMost(Duration.ofSeconds(2)).until(() -> ticks.get() >= 10);
            clock.close();
            assertThat(clock.failures()).isGreaterThanOrEqualTo(4);
            assertThat(clock.slip().count()).isGreaterThanOrEqualTo(10);
            // real scheduling on an idle-ish machine: well under a tick late at the median
            assertThat(clock.slip().percentileMicros(0.5)).isLessThan(20_000);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Keeps the fixed-rate task and its period instead of running it: the test runs it at the times it sets. */
    private static final class CapturingExecutor extends java.util.concurrent.ScheduledThreadPoolExecutor {
        final java.util.List<Runnable> scheduled = new java.util.ArrayList<>();
        final java.util.List<Long> periods = new java.util.ArrayList<>();

        CapturingExecutor() {
            super(1);
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay,
                                                                            long period,
                                                                            java.util.concurrent.TimeUnit unit) {
            scheduled.add(command);
            periods.add(unit.toNanos(period));
            return null;
        }
    }
}
