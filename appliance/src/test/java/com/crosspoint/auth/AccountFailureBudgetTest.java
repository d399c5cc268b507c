package com.crosspoint.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountFailureBudgetTest {
    private final MutableClock clock = MutableClock.atEpochPlusOneDay();
    private final AccountFailureBudget budget = new AccountFailureBudget(3, Duration.ofSeconds(10),
            Duration.ofSeconds(60), 100, clock);

    @Test
    void theFreeFailuresCostNothingAndTheNextOnesDoubleTheBackoffUpToTheCap() {
        for (int i = 0; i < 3; i++) {
            assertThat(budget.recordFailure("alice")).isEmpty();
        }
        assertThat(budget.closedFor("alice", "10.0.0.1")).isZero();
        assertThat(budget.recordFailure("alice")).hasValue(new AccountFailureBudget.Backoff(4, Duration.ofSeconds(10)));
        assertThat(budget.recordFailure("alice").orElseThrow().retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(budget.recordFailure("alice").orElseThrow().retryAfter()).isEqualTo(Duration.ofSeconds(40));
        assertThat(budget.recordFailure("alice").orElseThrow().retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(budget.closedFor("alice", "10.0.0.2")).isEqualTo(Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(45));
        assertThat(budget.closedFor("alice", "10.0.0.3")).isEqualTo(Duration.ofSeconds(15));
        assertThat(budget.closedFor("bob", "10.0.0.3")).as("other accounts").isZero();
    }

    @Test
    void anAddressTheAccountLoggedInFromPassesThroughTheBackoff() {
        budget.recordSuccess("alice", "192.0.2.7");
        for (int i = 0; i < 6; i++) {
            budget.recordFailure("alice");
        }
        assertThat(budget.closedFor("alice", "192.0.2.7")).isZero();
        assertThat(budget.closedFor("alice", "198.51.100.1")).isPositive();
    }

    @Test
    void aQuietSpellAfterTheBackoffRestoresTheWholeBudget() {
        for (int i = 0; i < 5; i++) {
            budget.recordFailure("alice");
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(budget.closedFor("alice", "10.0.0.1")).isZero();
        assertThat(budget.recordFailure("alice")).as("first failure after the quiet spell").isEmpty();
    }

    @Test
    void onlyTheLastTrustedAddressesAreKept() {
        for (int i = 0; i <= AccountFailureBudget.TRUSTED_PER_ACCOUNT; i++) {
            budget.recordSuccess("alice", "10.0.0." + i);
        }
        for (int i = 0; i < 4; i++) {
            budget.recordFailure("alice");
        }
        assertThat(budget.closedFor("alice", "10.0.0.0")).as("the oldest, forgotten").isPositive();
        assertThat(budget.closedFor("alice", "10.0.0." + AccountFailureBudget.TRUSTED_PER_ACCOUNT)).isZero();
    }

    @Test
    void memoryIsBoundedByTheLeastRecentlyTouchedAccount() {
        AccountFailureBudget small = new AccountFailureBudget(1, Duration.ofSeconds(10), Duration.ofSeconds(60), 2, clock);
        small.recordFailure("a");
        small.recordFailure("b");
        small.recordFailure("c");
        assertThat(small.trackedAccounts()).isEqualTo(2);
    }
}
