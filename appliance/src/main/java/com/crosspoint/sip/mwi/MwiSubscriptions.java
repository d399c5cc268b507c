package com.crosspoint.sip.mwi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live message-summary subscriptions, by the subscriber's side of their dialog (Call-ID and From tag, known before
 * the dialog is confirmed); lapsed ones are dropped when next looked at.
 */
final class MwiSubscriptions {
    private final Map<String, MwiSubscription> byKey = new ConcurrentHashMap<>();

    /**
     * Adds or refreshes the subscription under {@code key}, unless its user holds {@code maxPerUser} others already
     * (each costs a NOTIFY per mailbox change): then nothing changes and the answer is false.
     */
    synchronized boolean put(String key, MwiSubscription s, int maxPerUser, Instant now) {
        byKey.values().removeIf(x -> !x.liveAt(now));
        long others = byKey.entrySet().stream()
                .filter(e -> e.getValue().userId() == s.userId() && !e.getKey().equals(key)).count();
        if (others >= maxPerUser) {
            return false;
        }
        byKey.put(key, s);
        return true;
    }

    void remove(String key) {
        byKey.remove(key);
    }

    /** The live subscriptions of a mailbox. */
    List<MwiSubscription> of(long userId, Instant now) {
        byKey.values().removeIf(s -> !s.liveAt(now));
        return byKey.values().stream().filter(s -> s.userId() == userId).toList();
    }

    int size() {
        return byKey.size();
    }
}
