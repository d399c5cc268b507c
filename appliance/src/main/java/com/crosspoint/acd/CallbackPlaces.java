package com.crosspoint.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Callbacks that keep a caller's place in a queue: a waiting caller becomes a virtual entry with the same place and
 * join time, a stored one comes back after a restart in join order, and a try whose caller did not answer either
 * waits for the next try at the same place (those behind it may be served meanwhile) or, after the last retry,
 * is dropped as a failed callback. The virtual entry is offered as any other, to one agent at a time; its holder
 * ends the offer with {@link ContactCenter#offerEnded} when the agent does not answer or the caller is connected.
 */
public final class CallbackPlaces {
    private final ContactCenter center;

    public CallbackPlaces(ContactCenter center) {
        this.center = center;
    }

    /**
     * The waiting caller {@code entryId} asked to be called back at {@code number}: the entry keeps its id, place
     * and join time, and {@code sink} (the callback's holder) hears its offers from now on. Empty when the entry no
     * longer waits or an offer is out for it (the caller is being put through: no callback needed).
     */
    public Optional<QueueEntry> keepPlace(long queueId, long entryId, String number, EntrySink sink) {
        return center.change(queueId, Optional.empty(), (line, agents, changes, now) -> {
            QueueLine.Waiting w = line.find(entryId);
            if (w == null || w.offering) {
                return Optional.empty();
            }
            QueueEntry virtual = new QueueEntry(entryId, queueId, number, w.entry.callerName(), w.entry.joinedAt(),
                    true);
            line.waiting.set(line.waiting.indexOf(w), new QueueLine.Waiting(virtual, sink));
            line.callbacksRequested++;
            return Optional.of(virtual);
        });
    }

    /**
     * A stored callback comes back (at start): it is placed among the waiting entries by its join time. Returns its
     * new entry, empty when the queue is gone.
     */
    public Optional<QueueEntry> restore(long queueId, String number, String name, Instant joinedAt,
                                        EntrySink sink) {
        return center.change(queueId, Optional.empty(), (line, agents, changes, now) -> {
            QueueEntry virtual = new QueueEntry(center.newEntryId(), queueId, number, name, joinedAt, true);
            int at = 0;
            while (at < line.waiting.size() && !line.waiting.get(at).entry.joinedAt().isAfter(joinedAt)) {
                at++;
            }
            line.waiting.add(at, new QueueLine.Waiting(virtual, sink));
            return Optional.of(virtual);
        });
    }

    /**
     * The agent {@code userId} took the callback but its caller did not answer: the agent is free again (not
     * missed). With {@code retryAt} the entry waits on at its place and is offered again from then on; without,
     * it was the last try: the entry is dropped, counted and recorded as a failed callback. False when the entry
     * no longer waits.
     */
    public boolean attemptFailed(long queueId, long entryId, long userId, Instant retryAt) {
        return center.change(queueId, false, (line, agents, changes, now) -> {
            QueueLine.Waiting w = line.find(entryId);
            if (w == null) {
                return false;
            }
            if (w.offeredTo.contains(userId)) {
                changes.agent(agents.offerRefused(userId));
            }
            w.offering = false;
            w.offeredTo.clear();
            if (retryAt != null) {
                w.notBefore = retryAt;
                return true;
            }
            line.waiting.remove(w);
            line.callbacksFailed++;
            changes.record(new QueueCallRecord(line.config.tenantId(), queueId, w.entry.joinedAt(),
                    QueueCallRecord.Outcome.CALLBACK_FAILED,
                    Math.max(0, Duration.between(w.entry.joinedAt(), now).toMillis()), 0, 0, 0, false, true));
            return true;
        });
    }
}
