package com.crosspoint.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AuthFailureThrottleTest {

    private static final int LIMIT = 5;
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration BLOCK = Duration.ofMinutes(10);
    private static final String ATTACKER = "192.0.2.66";
    private static final String PHONE = "198.51.100.7";

    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final AuthFailureThrottle throttle = new AuthFailureThrottle(LIMIT, WINDOW, BLOCK, 1000, clock);

    @Test
    void upToTheLimitIsToleratedAndOneMoreBlocks() {
        for (int i = 0; i < LIMIT; i++) {
            assertThat(throttle.recordFailure(ATTACKER, AuthFailureReason.BAD_RESPONSE)).isFalse();
        }
        assertThat(throttle.isBlocked(ATTACKER)).isFalse();

        assertThat(throttle.recordFailure(ATTACKER, AuthFailureReason.BAD_RESPONSE)).isTrue();
        assertThat(throttle.isBlocked(ATTACKER)).isTrue();
    }

    @Test
    void blockLastsForTheBlockDuration() {
        failTimes(ATTACKER, LIMIT + 1, AuthFailureReason.UNKNOWN_USER);

        clock.advance(BLOCK.minusMillis(1));
        assertThat(throttle.isBlocked(ATTACKER)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(throttle.isBlocked(ATTACKER)).isFalse();
    }

    @Test
    void windowSlidesSoSlowFailuresNeverBlock() {
        for (int i = 0; i < 100; i++) {
            assertThat(throttle.recordFailure(PHONE, AuthFailureReason.BAD_RESPONSE)).isFalse();
            clock.advance(WINDOW.dividedBy(LIMIT));
        }
        assertThat(throttle.isBlocked(PHONE)).isFalse();
    }

    @Test
    void onlyFailuresInsideTheWindowCount() {
        failTimes(ATTACKER, LIMIT, AuthFailureReason.WRONG_REALM);
        clock.advance(WINDOW);

        assertThat(throttle.recordFailure(ATTACKER, AuthFailureReason.WRONG_REALM)).isFalse();
        failTimes(ATTACKER, LIMIT - 1, AuthFailureReason.WRONG_REALM);
        assertThat(throttle.isBlocked(ATTACKER)).isFalse();
        assertThat(throttle.recordFailure(ATTACKER, AuthFailureReason.WRONG_REALM)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = AuthFailureReason.class,
            names = {"MISSING", "MALFORMED", "REPLAY", "STALE", "INVALID_NONCE", "UNSUPPORTED_ALGORITHM"})
    void normalProtocolStepsDoNotCount(AuthFailureReason reason) {
        failTimes(PHONE, 10 * LIMIT, reason);

        assertThat(throttle.isBlocked(PHONE)).isFalse();
        assertThat(throttle.trackedSourceCount()).isZero();
    }

    @Test
    void sourcesAreIndependent() {
        failTimes(ATTACKER, LIMIT + 1, AuthFailureReason.BAD_RESPONSE);
        failTimes(PHONE, LIMIT, AuthFailureReason.BAD_RESPONSE);

        assertThat(throttle.isBlocked(ATTACKER)).isTrue();
        assertThat(throttle.isBlocked(PHONE)).isFalse();
        assertThat(throttle.isBlocked("203.0.113.1")).isFalse();
    }

    @Test
    void anotherSourceSucceedingDoesNotHelpABlockedOne() {
        failTimes(ATTACKER, LIMIT + 1, AuthFailureReason.BAD_RESPONSE);

        // A success is simply not recorded: there is nothing that could reset anyone's count.
        assertThat(throttle.recordFailure(PHONE, AuthFailureReason.MISSING)).isFalse();

        assertThat(throttle.isBlocked(ATTACKER)).isTrue();
    }

    @Test
    void memoryStaysBoundedAndBlockedSourcesAreKeptLongest() {
        AuthFailureThrottle small = new AuthFailureThrottle(LIMIT, WINDOW, BLOCK, 100, clock);
        for (int i = 0; i <= LIMIT; i++) {
            small.recordFailure(ATTACKER, AuthFailureReason.BAD_RESPONSE);
        }
        for (int i = 0; i < 10_000; i++) {
            small.recordFailure("10.0." + (i / 256) + "." + (i % 256), AuthFailureReason.UNKNOWN_USER);
            clock.advance(Duration.ofMillis(1));
        }

        assertThat(small.trackedSourceCount()).isLessThanOrEqualTo(100);
        assertThat(small.isBlocked(ATTACKER)).isTrue();
    }

    @Test
    void idleSourcesAreDroppedFirst() {
        AuthFailureThrottle small = new AuthFailureThrottle(LIMIT, WINDOW, BLOCK, 10, clock);
        for (int i = 0; i < 10; i++) {
            small.recordFailure("old-" + i, AuthFailureReason.BAD_RESPONSE);
        }
        clock.advance(WINDOW);

        small.recordFailure("new", AuthFailureReason.BAD_RESPONSE);

        assertThat(small.trackedSourceCount()).isEqualTo(1);
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        int threads = 8;
        int perThread = 250;
        AuthFailureThrottle exact = new AuthFailureThrottle(threads * perThread - 1, WINDOW, BLOCK, 1000, clock);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        exact.recordFailure(ATTACKER, AuthFailureReason.BAD_RESPONSE);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        // limit = total - 1, so only the very last of all the concurrent failures may block.
        assertThat(exact.isBlocked(ATTACKER)).isTrue();
    }

    @Test
    void exactlyTheLimitDoesNotBlock() {
        AuthFailureThrottle exact = new AuthFailureThrottle(2000, WINDOW, BLOCK, 1000, clock);
        failTimes(exact, ATTACKER, 2000);

        assertThat(exact.isBlocked(ATTACKER)).isFalse();
    }

    @Test
    void rejectsNonsenseConfiguration() {
        assertThatThrownBy(() -> new AuthFailureThrottle(-1, WINDOW, BLOCK, 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthFailureThrottle(1, Duration.ZERO, BLOCK, 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthFailureThrottle(1, WINDOW, Duration.ofSeconds(-1), 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuthFailureThrottle(1, WINDOW, BLOCK, 0, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void failTimes(String source, int times, AuthFailureReason reason) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(source, reason);
        }
    }

    private static void failTimes(AuthFailureThrottle target, String source, int times) {
        for (int i = 0; i < times; i++) {
            target.recordFailure(source, AuthFailureReason.BAD_RESPONSE);
        }
    }
}
