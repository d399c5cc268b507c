package com.crosspoint.acr.availability;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker("test",
            new BreakerSettings(3, Duration.ofSeconds(30), Duration.ofSeconds(10)), clock);

    private void openByCalls() {
        breaker.callFailed();
        breaker.callFailed();
        breaker.callFailed();
    }

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        breaker.callFailed();
        breaker.callFailed();
        breaker.callSucceeded(); // the run is broken
        breaker.callFailed();
        breaker.callFailed();
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.consecutiveFailures()).isEqualTo(2);

        breaker.callFailed();
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        assertThat(breaker.tryAcquireTrial()).isFalse();
    }

    @Test
    void oneFailedProbeOpens() {
        breaker.probeFailed();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void halfOpenAfterTheCoolDownLetsOneTrialThrough() {
        openByCalls();
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);

        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breaker.wouldAdmit()).isTrue();
        assertThat(breaker.tryAcquireTrial()).isTrue();
        assertThat(breaker.wouldAdmit()).isFalse();
        assertThat(breaker.tryAcquireTrial()).isFalse();
    }

    @Test
    void aSuccessfulTrialCloses() {
        openByCalls();
        clock.advance(Duration.ofSeconds(30));
        breaker.tryAcquireTrial();

        breaker.callSucceeded();

        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);
        assertThat(breaker.consecutiveFailures()).isZero();
        assertThat(breaker.tryAcquireTrial()).isTrue();
    }

    @Test
    void aFailedTrialOpensForAnotherCoolDown() {
        openByCalls();
        clock.advance(Duration.ofSeconds(30));
        breaker.tryAcquireTrial();

        breaker.callFailed();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        clock.advance(Duration.ofSeconds(29));
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.state()).isEqualTo(BreakerState.HALF_OPEN);
    }

    @Test
    void aProbeDecidesHalfOpenToo() {
        breaker.probeFailed();
        clock.advance(Duration.ofSeconds(30));
        breaker.probeSucceeded();
        assertThat(breaker.state()).isEqualTo(BreakerState.CLOSED);

        breaker.probeFailed();
        clock.advance(Duration.ofSeconds(30));
        breaker.probeFailed();
        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void aSuccessfulProbeDoesNotCutTheCoolDownShort() {
        breaker.probeFailed();
        clock.advance(Duration.ofSeconds(5));
        breaker.probeSucceeded();

        assertThat(breaker.state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void aTrialNobodyReportsOnIsGivenUp() {
        openByCalls();
        clock.advance(Duration.ofSeconds(30));
        assertThat(breaker.tryAcquireTrial()).isTrue();

        clock.advance(Duration.ofSeconds(9));
        assertThat(breaker.tryAcquireTrial()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(breaker.tryAcquireTrial()).isTrue();
    }

    @Test
    void registryReportsProbesToEachCarriersBreaker() {
        CarrierAvailability availability = new CarrierAvailability(BreakerSettings.DEFAULT, clock);
        availability.probeFailed(7);

        assertThat(availability.of(7).state()).isEqualTo(BreakerState.OPEN);
        assertThat(availability.of(8).state()).isEqualTo(BreakerState.CLOSED);
    }
}
