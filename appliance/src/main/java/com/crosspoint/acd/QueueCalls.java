package com.crosspoint.acd;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queue calls agents are on, by call id, so that the end of a call (seen on the event bus) puts its agent into
 * wrap-up. Thread-safe.
 */
public final class QueueCalls {
    private record Talk(long queueId, long userId, Instant joinedAt, Instant answeredAt, boolean callback) {
    }

    private final ContactCenter center;
    private final Map<String, Talk> calls = new ConcurrentHashMap<>();

    public QueueCalls(ContactCenter center) {
        this.center = center;
    }

    /** The agent {@code userId} answered the queue call {@code callId}, which joined the queue at {@code joinedAt}. */
    public void answered(String callId, long queueId, long userId, Instant joinedAt, Instant at) {
        calls.put(callId, new Talk(queueId, userId, joinedAt, at, false));
    }

    /** As {@link #answered}, for a callback: the agent talks to the caller called back. */
    public void calledBack(String callId, long queueId, long userId, Instant joinedAt, Instant at) {
        calls.put(callId, new Talk(queueId, userId, joinedAt, at, true));
    }

    /** A call ended; if an agent was on it, they go into the queue's wrap-up. */
    public void ended(String callId, Instant at) {
        Talk talk = calls.remove(callId);
        if (talk != null) {
            center.callEnded(talk.queueId(), talk.userId(), talk.joinedAt(), talk.answeredAt(), at, talk.callback());
        }
    }

    /** Calls agents are on now. */
    public int size() {
        return calls.size();
    }
}
