package com.crosspoint.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crosspoint.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NonceServiceTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final NonceService nonces = new NonceService(SECRET, TTL, 1000, clock);
    private ExecutorService pool;

    @AfterEach
    void stopPool() throws InterruptedException {
        if (pool != null) {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void issuedNoncesAreValidUrlSafeAndUnique() {
        String first = nonces.issue();
        String second = nonces.issue();

        assertThat(first).hasSize(75).matches("[A-Za-z0-9_-]+");
        assertThat(second).isNotEqualTo(first);
        assertThat(nonces.check(first)).isEqualTo(NonceStatus.VALID);
        assertThat(nonces.check(second)).isEqualTo(NonceStatus.VALID);
    }

    @Test
    void nonceGoesStaleExactlyAtTheTimeToLive() {
        String nonce = nonces.issue();

        clock.advance(TTL.minusMillis(1));
        assertThat(nonces.check(nonce)).isEqualTo(NonceStatus.VALID);
        clock.advance(Duration.ofMillis(1));
        assertThat(nonces.check(nonce)).isEqualTo(NonceStatus.STALE);
        clock.advance(Duration.ofDays(365));
        assertThat(nonces.check(nonce)).isEqualTo(NonceStatus.STALE);
    }

    @Test
    void nonceFromTheFutureIsStaleNotValid() {
        String nonce = nonces.issue();

        clock.advance(Duration.ofSeconds(-1));

        assertThat(nonces.check(nonce)).isEqualTo(NonceStatus.STALE);
    }

    @Test
    void everySingleCharacterChangeMakesANonceInvalid() {
        String nonce = nonces.issue();

        for (int i = 0; i < nonce.length(); i++) {
            char replacement = nonce.charAt(i) == 'A' ? 'B' : 'A';
            String forged = nonce.substring(0, i) + replacement + nonce.substring(i + 1);
            assertThat(nonces.check(forged)).as("changed position %d", i).isEqualTo(NonceStatus.INVALID);
        }
    }

    @Test
    void anotherSpellingOfTheSameBytesIsInvalid() {
        String nonce = nonces.issue();
        // 56 bytes fill 74 characters and 4 bits of the 75th: its 2 low bits are padding the
        // decoder ignores, so flipping one gives a different string with identical bytes.
        char last = nonce.charAt(nonce.length() - 1);
        char sameBytes = BASE64URL.charAt(BASE64URL.indexOf(last) ^ 1);
        String respelled = nonce.substring(0, nonce.length() - 1) + sameBytes;

        assertThat(nonces.check(respelled)).isEqualTo(NonceStatus.INVALID);
        assertThat(nonces.acceptNonceCount(respelled, 1)).isFalse();
    }

    @Test
    void nonceOfAnotherSecretIsInvalid() {
        NonceService other = NonceService.withRandomSecret(TTL, 1000, clock);

        assertThat(nonces.check(other.issue())).isEqualTo(NonceStatus.INVALID);
        assertThat(other.check(nonces.issue())).isEqualTo(NonceStatus.INVALID);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "dcd98b7102dd2f0e8b11d0f600bfb0c093",
        "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    })
    void garbageIsInvalidWithoutThrowing(String garbage) {
        assertThat(nonces.check(garbage)).isEqualTo(NonceStatus.INVALID);
        assertThat(nonces.acceptNonceCount(garbage, 1)).isFalse();
    }

    @Test
    void increasingNonceCountsAreAcceptedAndRepeatsOrLowerOnesAreReplays() {
        String nonce = nonces.issue();

        assertThat(nonces.acceptNonceCount(nonce, 1)).isTrue();
        assertThat(nonces.acceptNonceCount(nonce, 1)).as("same nc again").isFalse();
        assertThat(nonces.acceptNonceCount(nonce, 2)).isTrue();
        assertThat(nonces.acceptNonceCount(nonce, 5)).as("gaps are fine").isTrue();
        assertThat(nonces.acceptNonceCount(nonce, 3)).as("lower than the highest").isFalse();
        assertThat(nonces.acceptNonceCount(nonce, 5)).isFalse();
        assertThat(nonces.acceptNonceCount(nonce, 6)).isTrue();
    }

    @Test
    void countsAreTrackedPerNonce() {
        String first = nonces.issue();
        String second = nonces.issue();

        assertThat(nonces.acceptNonceCount(first, 1)).isTrue();
        assertThat(nonces.acceptNonceCount(second, 1)).isTrue();
        assertThat(nonces.acceptNonceCount(first, 1)).isFalse();
    }

    @Test
    void zeroAndNegativeCountsAreRejected() {
        String nonce = nonces.issue();

        assertThat(nonces.acceptNonceCount(nonce, 0)).isFalse();
        assertThat(nonces.acceptNonceCount(nonce, -1)).isFalse();
        assertThat(nonces.acceptNonceCount(nonce, 1)).isTrue();
    }

    @Test
    void staleNonceCountsAreRejected() {
        String nonce = nonces.issue();
        clock.advance(TTL);

        assertThat(nonces.acceptNonceCount(nonce, 1)).isFalse();
    }

    @Test
    void countsOfStaleNoncesAreForgotten() {
        for (int i = 0; i < 10; i++) {
            assertThat(nonces.acceptNonceCount(nonces.issue(), 1)).isTrue();
        }
        assertThat(nonces.trackedNonceCount()).isEqualTo(10);

        clock.advance(TTL);
        assertThat(nonces.acceptNonceCount(nonces.issue(), 1)).isTrue();

        assertThat(nonces.trackedNonceCount()).isEqualTo(1);
    }

    @Test
    void memoryIsCappedAndAnEvictedNonceIsRefusedRatherThanReplayable() {
        NonceService small = new NonceService(SECRET, TTL, 3, clock);
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String nonce = small.issue();
            issued.add(nonce);
            assertThat(small.acceptNonceCount(nonce, 1)).isTrue();
            clock.advance(Duration.ofMillis(1));
        }

        assertThat(small.trackedNonceCount()).isEqualTo(3);
        // The oldest two were evicted while still fresh; their counts are unknown, so any count is refused.
        assertThat(small.acceptNonceCount(issued.get(0), 1)).isFalse();
        assertThat(small.acceptNonceCount(issued.get(0), 100)).isFalse();
        // The tracked ones keep working, and nonces issued after the eviction are unaffected.
        assertThat(small.acceptNonceCount(issued.get(4), 2)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(small.acceptNonceCount(small.issue(), 1)).isTrue();
    }

    @Test
    void rejectsWeakConfiguration() {
        assertThatThrownBy(() -> new NonceService(new byte[16], TTL, 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NonceService(SECRET, Duration.ZERO, 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NonceService(SECRET, TTL, 0, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentUsesOfOneNonceAcceptEachCountAtMostOnce() throws Exception {
        String nonce = nonces.issue();
        int threads = 8;
        int counts = 2000;
        Set<Long> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        runConcurrently(threads, () -> {
            for (long nc = 1; nc <= counts; nc++) {
                if (nonces.acceptNonceCount(nonce, nc) && !accepted.add(nc)) {
                    duplicates.incrementAndGet();
                }
            }
        });

        assertThat(duplicates).hasValue(0);
        assertThat(accepted).contains((long) counts);
        assertThat(nonces.acceptNonceCount(nonce, counts)).isFalse();
    }

    @Test
    void concurrentFirstUsesOfManyNoncesLetExactlyOneWinEach() throws Exception {
        int nonceCount = 5000;
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < nonceCount; i++) {
            issued.add(nonces.issue());
        }
        NonceService roomy = new NonceService(SECRET, TTL, 2 * nonceCount, clock);
        AtomicInteger wins = new AtomicInteger();
        runConcurrently(8, () -> {
            for (String nonce : issued) {
                if (roomy.acceptNonceCount(nonce, 1)) {
                    wins.incrementAndGet();
                }
            }
        });

        assertThat(wins).hasValue(nonceCount);
        assertThat(roomy.trackedNonceCount()).isEqualTo(nonceCount);
    }

    @Test
    void concurrentIssueAndCheckAgree() throws Exception {
        AtomicInteger invalid = new AtomicInteger();
        runConcurrently(8, () -> {
            for (int i = 0; i < 2000; i++) {
                if (nonces.check(nonces.issue()) != NonceStatus.VALID) {
                    invalid.incrementAndGet();
                }
            }
        });

        assertThat(invalid).hasValue(0);
    }

    private void runConcurrently(int threads, Runnable task) throws Exception {
        pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                task.run();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
    }
}
