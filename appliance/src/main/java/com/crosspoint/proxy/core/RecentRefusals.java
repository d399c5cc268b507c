package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transaction.TransactionKey;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The transactions lately refused for overload, so a retransmission of a refused request (its 503 was lost, or crossed
 * it) gets the same 503 again at once: no second admission draw that might let it in after the caller gave up on it,
 * no routing work. A fixed table indexed by the key's hash, a newer refusal overwriting an older one in its slot:
 * bounded memory at any refusal rate, and at 10,000 refusals a second a slot lives about 6 s, past the retransmissions
 * of Timer A (0.5, 1.5, 3.5 s). A miss costs only a fresh admission decision.
 */
final class RecentRefusals {
    static final int SLOTS = 1 << 16;
    private final AtomicReferenceArray<TransactionKey> slots = new AtomicReferenceArray<>(SLOTS);

    void remember(TransactionKey key) {
        slots.lazySet(slot(key), key);
    }

    boolean contains(TransactionKey key) {
        return key.equals(slots.get(slot(key)));
    }

    private static int slot(TransactionKey key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (SLOTS - 1);
    }
}
