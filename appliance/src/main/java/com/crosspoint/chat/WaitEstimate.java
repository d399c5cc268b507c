package com.crosspoint.chat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A rough wait for a visitor at place N of a queue: N times the average time to answer of the queue's last
 * {@link #WINDOW} answered chats; unknown (null) until one was answered. Not thread-safe (the service's lock).
 */
final class WaitEstimate {
    static final int WINDOW = 20;
    private final Map<String, Deque<Long>> answered = new HashMap<>();

    void answered(long tenantId, String queue, Duration waited) {
        Deque<Long> recent = answered.computeIfAbsent(tenantId + "/" + queue, k -> new ArrayDeque<>());
        recent.addLast(Math.max(0, waited.toMillis()));
        if (recent.size() > WINDOW) {
            recent.removeFirst();
        }
    }

    Duration estimate(long tenantId, String queue, int position) {
        Deque<Long> recent = answered.get(tenantId + "/" + queue);
        if (recent == null || recent.isEmpty() || position < 1) {
            return null;
        }
        long average = recent.stream().mapToLong(Long::longValue).sum() / recent.size();
        return Duration.ofMillis(average * position);
    }
}
