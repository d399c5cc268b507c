package com.crosspoint.proxy.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.proxy.transaction.TransactionKey;
import com.crosspoint.proxy.wire.Method;
import org.junit.jupiter.api.Test;

class RecentRefusalsTest {
    private final RecentRefusals refusals = new RecentRefusals();

    private static TransactionKey key(int n) {
        return TransactionKey.of("z9hG4bK-" + n, "127.0.0.1:5061", Method.INVITE);
    }

    @Test
    void remembersARefusedTransactionNotItsNeighbours() {
        refusals.remember(key(1));
        assertThat(refusals.contains(key(1))).isTrue();
        assertThat(refusals.contains(key(2))).isFalse();
        assertThat(refusals.contains(TransactionKey.of("z9hG4bK-1", "127.0.0.1:5061", Method.OPTIONS))).isFalse();
    }

    @Test
    void holdsAtMostItsSlotsSoTheOldestGiveWay() {
        for (int i = 0; i < 4 * RecentRefusals.SLOTS; i++) {
            refusals.remember(key(i));
        }
        int kept = 0;
        for (int i = 0; i < 4 * RecentRefusals.SLOTS; i++) {
            if (refusals.contains(key(i))) {
                kept++;
            }
        }
        assertThat(kept).isLessThanOrEqualTo(RecentRefusals.SLOTS).isGreaterThan(RecentRefusals.SLOTS / 2);
        assertThat(refusals.contains(key(4 * RecentRefusals.SLOTS - 1))).as("the newest is always kept").isTrue();
    }
}
