package com.crosspoint.acr.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CarrierQualityTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    /** A 5-minute window in 1-minute buckets. */
    private final CarrierQuality quality = new CarrierQuality(new WindowSettings(Duration.ofMinutes(1), 5), 4, clock);

    /** An attempt that ends now: answered after {@code pddMillis} and talked {@code talkSeconds}, or failed. */
    private void call(long carrier, String group, long pddMillis, Long talkSeconds, int code, double mos) {
        Instant ended = clock.instant();
        Instant answered = talkSeconds == null ? null : ended.minusSeconds(talkSeconds);
        Instant first = pddMillis < 0 ? null : answered != null ? answered : ended.minusSeconds(5);
        Instant start = first == null ? ended.minusSeconds(30) : first.minusMillis(pddMillis);
        quality.record(new CallOutcome(carrier, group, start, first, answered, ended, code, mos));
    }

    @Test
    void figuresOfAWindow() {
        call(1, "4420", 2_000, 60L, 200, 4.2);
        call(1, "4420", 4_000, 30L, 200, 3.8);
        call(1, "4420", 3_000, null, 486, Double.NaN);  // busy: effective, not answered
        call(1, "4420", -1, null, 503, Double.NaN);     // network failure, no PDD

        QualityFigures f = quality.figures(1, "4420");
        assertThat(f.attempts()).isEqualTo(4);
        assertThat(f.answered()).isEqualTo(2);
        assertThat(f.asr()).isEqualTo(0.5);
        assertThat(f.ner()).isEqualTo(0.75);
        assertThat(f.acdSeconds()).isCloseTo(45, within(1e-9));
        assertThat(f.pddMillis()).isCloseTo(3_000, within(1e-9));
        assertThat(f.pddSamples()).isEqualTo(3);
        assertThat(f.mos()).isCloseTo(4.0, within(1e-9));
        assertThat(f.mosSamples()).isEqualTo(2);
    }

    @Test
    void groupsAreApartAndTheCarrierTotalHoldsThemAll() {
        call(1, "4420", 1_000, 10L, 200, Double.NaN);
        call(1, "4477", 1_000, null, 503, Double.NaN);
        call(2, "4420", 1_000, null, 503, Double.NaN);

        assertThat(quality.figures(1, "4420").asr()).isEqualTo(1.0);
        assertThat(quality.figures(1, "4477").asr()).isEqualTo(0.0);
        assertThat(quality.figures(1, CarrierQuality.ALL).attempts()).isEqualTo(2);
        assertThat(quality.figures(2, CarrierQuality.ALL).attempts()).isEqualTo(1);
        assertThat(quality.figures(3, CarrierQuality.ALL)).isEqualTo(QualityFigures.NONE);
        assertThat(quality.groupOf("442071234567")).isEqualTo("4420");
        assertThat(quality.groupOf("44")).isEqualTo("44");
    }

    @Test
    void theWindowSlidesBucketByBucket() {
        call(1, "33", 1_000, null, 503, Double.NaN);          // minute 0: a failure
        clock.advance(Duration.ofMinutes(2));
        call(1, "33", 1_000, 10L, 200, Double.NaN);           // minute 2: an answer
        assertThat(quality.figures(1, "33").attempts()).isEqualTo(2);

        clock.advance(Duration.ofMinutes(3));                 // minute 5: minute 0 has left the window
        assertThat(quality.figures(1, "33").attempts()).isEqualTo(1);
        assertThat(quality.figures(1, "33").asr()).isEqualTo(1.0);

        clock.advance(Duration.ofMinutes(2));                 // minute 7: nothing left
        assertThat(quality.figures(1, "33")).isEqualTo(QualityFigures.NONE);

        call(1, "33", 1_000, null, 480, Double.NaN);          // a slot used again starts from zero
        assertThat(quality.figures(1, "33").attempts()).isEqualTo(1);
        assertThat(quality.figures(1, "33").ner()).isEqualTo(1.0);
    }

    @Test
    void anOutcomeOlderThanTheWindowIsDropped() {
        call(1, "33", 1_000, 10L, 200, Double.NaN);
        Instant old = clock.instant().minus(Duration.ofMinutes(7));
        quality.record(new CallOutcome(1, "33", old, null, null, old, 503, Double.NaN));

        assertThat(quality.figures(1, "33").attempts()).isEqualTo(1);
    }

    @Test
    void classificationOfFinalCodes() {
        assertThat(CallResult.of(200)).isEqualTo(CallResult.ANSWERED);
        for (int code : new int[] {404, 480, 486, 487, 603}) {
            assertThat(CallResult.of(code)).isEqualTo(CallResult.USER_FAILURE);
        }
        for (int code : new int[] {403, 408, 488, 500, 502, 503}) {
            assertThat(CallResult.of(code)).isEqualTo(CallResult.NETWORK_FAILURE);
        }
        assertThat(CallResult.carrierUnavailable(503)).isTrue();
        assertThat(CallResult.carrierUnavailable(408)).isTrue();
        assertThat(CallResult.carrierUnavailable(486)).isFalse();
        assertThat(CallResult.carrierUnavailable(403)).isFalse();
    }

    /** Eight threads record at once; nothing is lost. */
    @Test
    void concurrentRecordingLosesNothing() throws InterruptedException {
        int threads = 8;
        int perThread = 20_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            int carrier = t % 2;
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    call(carrier, "4420", 1_000, i % 2 == 0 ? 10L : null, i % 2 == 0 ? 200 : 503, 4.0);
                }
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(quality.figures(0, "4420").attempts() + quality.figures(1, "4420").attempts())
                .isEqualTo((long) threads * perThread);
        assertThat(quality.figures(0, CarrierQuality.ALL).asr()).isEqualTo(0.5);
    }
}
