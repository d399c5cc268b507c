package com.crosspoint.sip.mwi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Live message-summary subscriptions, by dialog; lapsed ones are dropped when next looked at. */
final class MwiSubscriptions {
    private final Map<String, MwiSubscription> byDialog = new ConcurrentHashMap<>();

    void put(MwiSubscription s) {
        byDialog.put(s.dialog().getDialogId(), s);
    }

    void remove(String dialogId) {
        byDialog.remove(dialogId);
    }

    /** The live subscriptions of a mailbox. */
    List<MwiSubscription> of(long userId, Instant now) {
        byDialog.values().removeIf(s -> !s.liveAt(now));
        return byDialog.values().stream().filter(s -> s.userId() == userId).toList();
    }

    int size() {
        return byDialog.size();
    }
}
