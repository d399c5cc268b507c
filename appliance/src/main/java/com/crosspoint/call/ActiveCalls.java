package com.crosspoint.call;

import com.crosspoint.events.CallEvent;
import com.crosspoint.events.EventBus;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls in progress, as snapshots. Call lanes write; the API and the event stream read.
 * Every change is published as a {@link CallEvent}.
 */
public final class ActiveCalls {
    private final Map<String, CallSnapshot> calls = new ConcurrentHashMap<>();
    private final EventBus events;
    private final Clock clock;

    public ActiveCalls(EventBus events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records the call's new state and tells subscribers; an ENDED call leaves the table. */
    public void update(CallSnapshot snapshot) {
        if (snapshot.state().isActive()) {
            calls.put(snapshot.id(), snapshot);
        } else {
            calls.remove(snapshot.id());
        }
        events.publish(new CallEvent(snapshot, clock.instant()));
    }

    public Optional<CallSnapshot> find(String id) {
        return Optional.ofNullable(calls.get(id));
    }

    public List<CallSnapshot> list(long tenantId) {
        return calls.values().stream()
                .filter(c -> c.tenantId() == tenantId)
                .sorted(Comparator.comparing(CallSnapshot::startedAt))
                .toList();
    }

    public List<CallSnapshot> listAll() {
        return calls.values().stream().sorted(Comparator.comparing(CallSnapshot::startedAt)).toList();
    }

    public int size() {
        return calls.size();
    }
}
