package com.crosspoint.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An account's failure budget across sources, its back-off, and the sources it trusts (issue 10 item 6). */
class AccountFailureBudgetTest {
    private static final String ALICE = "1001@acme.example";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final AccountFailureBudget budget = new AccountFailureBudget(3, Duration.ofMinutes(10),
            Duration.ofMinutes(1), Duration.ofMinutes(8), 100, clock);

    @Test
    void failuresFromRotatingSourcesStartABackOffForUntrustedSources() {
        for (int i = 1; i <= 3; i++) {
            assertThat(budget.recordFailure(ALICE, "198.51.100." + i)).isEmpty();
        }
        Optional<AccountFailureBudget.BackOff> backOff = budget.recordFailure(ALICE, "198.51.100.4");

        assertThat(backOff).hasValueSatisfying(b -> {
            assertThat(b.failures()).isEqualTo(4);
            assertThat(b.sources()).isEqualTo(4);
            assertThat(b.duration()).isEqualTo(Duration.ofMinutes(1));
            assertThat(b.until()).isEqualTo(clock.instant().plusSeconds(60));
        });
        assertThat(budget.allows(ALICE, "198.51.100.5")).isFalse();
        assertThat(budget.allows("1002@acme.example", "198.51.100.5")).as("other accounts").isTrue();
        clock.advance(Duration.ofSeconds(60));
        assertThat(budget.allows(ALICE, "198.51.100.5")).isTrue();
    }

    @Test
    void refusedForTellsTheWaitLeftToSourcesTheBackOffRefuses() {
        budget.recordSuccess(ALICE, "192.0.2.10");
        for (int i = 1; i <= 4; i++) {
            budget.recordFailure(ALICE, "198.51.100." + i);
        }
        clock.advance(Duration.ofSeconds(15));
        assertThat(budget.refusedFor(ALICE, "198.51.100.7")).isEqualTo(Duration.ofSeconds(45));
        assertThat(budget.refusedFor(ALICE, "192.0.2.10")).as("the owner's address").isZero();
        assertThat(budget.refusedFor("1002@acme.example", "198.51.100.7")).isZero();
        clock.advance(Duration.ofSeconds(45));
        assertThat(budget.refusedFor(ALICE, "198.51.100.7")).isZero();
    }

    @Test
    void theOwnersAddressesAreNeverRefused() {
        budget.recordSuccess(ALICE, "192.0.2.10");
        for (int i = 0; i < 4; i++) {
            budget.recordFailure(ALICE, "198.51.100.9");
        }
        assertThat(budget.allows(ALICE, "198.51.100.9")).isFalse();
        assertThat(budget.allows(ALICE, "192.0.2.10")).isTrue();
    }

    @Test
    void backOffsInARowDoubleUpToTheMaximumAndAQuietAccountStartsShortAgain() {
        Duration[] expected = {Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(8)};
        for (Duration d : expected) {
            assertThat(fourFailures()).contains(d);
            clock.advance(d);
        }
        clock.advance(Duration.ofMinutes(19));
        assertThat(fourFailures()).contains(Duration.ofMinutes(1));
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        for (int i = 0; i < 3; i++) {
            budget.recordFailure(ALICE, "198.51.100.1");
        }
        clock.advance(Duration.ofMinutes(10));
        assertThat(budget.recordFailure(ALICE, "198.51.100.1")).isEmpty();
        assertThat(budget.allows(ALICE, "198.51.100.1")).isTrue();
    }

    @Test
    void memoryIsBoundedAndAccountsBackingOffAreKept() {
        for (int i = 0; i < 4; i++) {
            budget.recordFailure(ALICE, "198.51.100.1");
        }
        for (int i = 0; i < 500; i++) {
            budget.recordFailure("guess" + i + "@acme.example", "198.51.100.2");
        }
        assertThat(budget.trackedAccountCount()).isLessThanOrEqualTo(100);
        assertThat(budget.allows(ALICE, "198.51.100.3")).isFalse();
    }

    private Optional<Duration> fourFailures() {
        Optional<AccountFailureBudget.BackOff> last = Optional.empty();
        for (int i = 0; i < 4; i++) {
            last = budget.recordFailure(ALICE, "198.51.100.7");
        }
        return last.map(AccountFailureBudget.BackOff::duration);
    }
}
