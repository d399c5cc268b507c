package com.crosspoint.acd.service;

import com.crosspoint.acd.AcdListener;
import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.CallbackPlaces;
import com.crosspoint.acd.CallbackReport;
import com.crosspoint.acd.CallbackRequest;
import com.crosspoint.acd.ContactCenter;
import com.crosspoint.acd.EntrySink;
import com.crosspoint.acd.Offer;
import com.crosspoint.acd.QueueCalls;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.QueueEntry;
import com.crosspoint.call.CallOrigination;
import com.crosspoint.store.AcdStore;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the callbacks that keep callers' places: stores each at once (a restart finds it), and when the queue
 * offers one, has the appliance place the call ({@link CallOrigination}): the agent is rung first, showing
 * "Callback &lt;number&gt;", and once they answer the caller is dialled and bridged. An agent who does not answer
 * is skipped as for any entry; a caller who does not answer (or is busy) is tried again after the queue's retry
 * pause, the entry keeping its place meanwhile, and dropped after the last retry, reported and counted as failed.
 * Thread-safe: offers and call progress arrive on any thread.
 */
public final class CallbackCalls {
    /** Refusals of an agent's phone that are no missed offer (busy, declined). */
    private static final Set<Integer> REFUSED = Set.of(486, 600, 603);

    private final ContactCenter center;
    private final CallbackPlaces places;
    private final QueueCalls calls;
    private final AcdStore store;
    private final AcdListener listener;
    private final Clock clock;
    /** The stored request of each virtual entry, by entry id. */
    private final Map<Long, CallbackRequest> byEntry = new ConcurrentHashMap<>();
    private volatile CallOrigination origination;

    public CallbackCalls(ContactCenter center, QueueCalls calls, AcdStore store, AcdListener listener, Clock clock) {
        this.center = center;
        this.places = new CallbackPlaces(center);
        this.calls = calls;
        this.store = store;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Calls can be placed from now on: the stored callbacks go back into their queues, in the order they joined
     * (once, when call control is up).
     */
    public void start(CallOrigination placer) {
        this.origination = placer;
        for (CallbackRequest r : store.callbacks()) {
            places.restore(r.queueId(), r.number(), r.name(), r.joinedAt(), new Holder(r))
                    .ifPresent(entry -> byEntry.put(entry.id(), r));
        }
    }

    /**
     * The waiting caller {@code entryId} of {@code queue} asked to be called back at {@code number}: stored, then
     * their entry becomes the callback's. False (and nothing kept) when the entry no longer waits.
     */
    public boolean keep(QueueConfig queue, long entryId, String number, String name) {
        QueueEntry waiting = center.waiting(queue.id()).stream().filter(e -> e.id() == entryId).findFirst()
                .orElse(null);
        if (waiting == null) {
            return false;
        }
        CallbackRequest stored = store.addCallback(new CallbackRequest(0, queue.tenantId(), queue.id(), number,
                name == null ? "" : name, waiting.joinedAt(), 0));
        byEntry.put(entryId, stored);
        if (places.keepPlace(queue.id(), entryId, number, new Holder(stored)).isEmpty()) {
            byEntry.remove(entryId);
            store.deleteCallback(stored.id());
            return false;
        }
        listener.callbackChanged(report(stored, CallbackReport.Step.REQUESTED, 0));
        return true;
    }

    /** Callbacks waiting in queues now. */
    public int waiting() {
        return byEntry.size();
    }

    /** Holds one callback's entry: its offers place calls; a supervisor's move is stored for a restart. */
    private final class Holder implements EntrySink {
        private final CallbackRequest request;

        Holder(CallbackRequest request) {
            this.request = request;
        }

        @Override
        public void offer(Offer offer) {
            offered(request, offer);
        }

        @Override
        public void moved(QueueEntry entry) {
            store.callbackMoved(request.id(), entry.queueId());
            byEntry.computeIfPresent(entry.id(), (id, r) -> new CallbackRequest(r.id(), r.tenantId(),
                    entry.queueId(), r.number(), r.name(), r.joinedAt(), r.attempts()));
        }
    }

    private void offered(CallbackRequest request, Offer offer) {
        AgentState agent = offer.agents().get(0);
        CallbackRequest now = byEntry.getOrDefault(offer.entry().id(), request);
        Attempt attempt = new Attempt(now, offer.entry(), agent.userId());
        CallOrigination placer = origination;
        String callId = placer == null ? null : placer.originate(new CallOrigination.Placement(now.tenantId(),
                agent.extension(), offer.ringSeconds(), now.number(), "Callback " + now.number(), true), attempt);
        if (callId == null) {
            attempt.callerUnreached(); // no such agent any more: counts as a try, so it cannot loop for ever
        } else {
            attempt.callId = callId;
        }
    }

    /** One try: the agent's phone rings, then the caller's. */
    private final class Attempt implements CallOrigination.Progress {
        private final CallbackRequest request;
        private final QueueEntry entry;
        private final long agent;
        private volatile String callId;
        private volatile boolean agentAnswered;

        Attempt(CallbackRequest request, QueueEntry entry, long agent) {
            this.request = request;
            this.entry = entry;
            this.agent = agent;
        }

        @Override
        public void firstAnswered() {
            agentAnswered = true;
        }

        @Override
        public void connected() {
            center.offerEnded(entry.queueId(), entry.id(), agent, Set.of(agent), Set.of());
            calls.calledBack(callId, entry.queueId(), agent, entry.joinedAt(), clock.instant());
            byEntry.remove(entry.id());
            store.deleteCallback(request.id());
            listener.callbackChanged(report(request, CallbackReport.Step.SERVED, request.attempts() + 1));
        }

        @Override
        public void ended(boolean connected, int status) {
            if (connected) {
                calls.ended(callId, clock.instant());
            } else if (agentAnswered) {
                callerUnreached();
            } else {
                center.offerEnded(entry.queueId(), entry.id(), 0, Set.of(agent),
                        REFUSED.contains(status) ? Set.of() : Set.of(agent));
            }
        }

        /** The caller did not answer: another try later, or, after the last retry, the callback is given up. */
        void callerUnreached() {
            int attempts = request.attempts() + 1;
            QueueConfig queue = center.queue(entry.queueId()).orElse(null);
            if (queue != null && attempts <= queue.callbackRetries()) {
                store.callbackAttempted(request.id());
                byEntry.put(entry.id(), withAttempts(request, attempts));
                places.attemptFailed(entry.queueId(), entry.id(), agent,
                        clock.instant().plusSeconds(queue.callbackRetrySeconds()));
                listener.callbackChanged(report(request, CallbackReport.Step.RETRYING, attempts));
            } else {
                byEntry.remove(entry.id());
                store.deleteCallback(request.id());
                places.attemptFailed(entry.queueId(), entry.id(), agent, null);
                listener.callbackChanged(report(request, CallbackReport.Step.FAILED, attempts));
            }
        }
    }

    private static CallbackRequest withAttempts(CallbackRequest r, int attempts) {
        return new CallbackRequest(r.id(), r.tenantId(), r.queueId(), r.number(), r.name(), r.joinedAt(), attempts);
    }

    private static CallbackReport report(CallbackRequest r, CallbackReport.Step step, int attempts) {
        return new CallbackReport(r.tenantId(), r.queueId(), r.number(), step, attempts);
    }
}
