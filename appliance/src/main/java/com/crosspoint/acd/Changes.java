package com.crosspoint.acd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one change of the contact center caused, gathered under its lock and delivered after it. */
final class Changes {
    private final Map<Long, AgentState> agents = new LinkedHashMap<>();
    private final Map<Long, QueueStats> queues = new LinkedHashMap<>();
    private final List<Runnable> offers = new ArrayList<>();
    private final List<QueueCallRecord> records = new ArrayList<>();

    void agent(AgentState s) {
        agents.put(s.userId(), s);
    }

    void queue(QueueLine line, Map<Long, AgentState> states, Instant now) {
        if (line != null) {
            queues.put(line.config.id(), line.stats(states, now));
        }
    }

    /** The figures of every queue {@code userId} is a member of (its agents by status changed). */
    void queuesOf(long userId, Collection<QueueLine> lines, Map<Long, AgentState> states, Instant now) {
        for (QueueLine line : lines) {
            if (line.isMember(userId)) {
                queue(line, states, now);
            }
        }
    }

    void offer(EntrySink sink, Offer offer) {
        offers.add(() -> sink.offer(offer));
    }

    void moved(EntrySink sink, QueueEntry entry) {
        offers.add(() -> sink.moved(entry));
    }

    void record(QueueCallRecord record) {
        records.add(record);
    }

    void deliver(AcdListener listener) {
        records.forEach(listener::callRecorded);
        agents.values().forEach(listener::agentChanged);
        queues.values().forEach(listener::queueChanged);
        offers.forEach(Runnable::run);
    }
}
