package com.crosspoint.acd.service;

import com.crosspoint.acd.AgentSpan;
import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.CallbackRequest;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueCallRecord;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.store.AcdStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An in-memory {@link AcdStore} that keeps only callbacks: what {@link CallbackCalls} uses. */
final class CallbackStore implements AcdStore {
    final Map<Long, CallbackRequest> callbacks = new TreeMap<>();
    private long nextId = 1;

    @Override
    public synchronized CallbackRequest addCallback(CallbackRequest r) {
        CallbackRequest stored = new CallbackRequest(nextId++, r.tenantId(), r.queueId(), r.number(), r.name(),
                r.joinedAt(), r.attempts());
        callbacks.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized boolean callbackAttempted(long id) {
        CallbackRequest r = callbacks.get(id);
        if (r == null) {
            return false;
        }
        callbacks.put(id, new CallbackRequest(id, r.tenantId(), r.queueId(), r.number(), r.name(), r.joinedAt(),
                r.attempts() + 1));
        return true;
    }

    @Override
    public synchronized boolean callbackMoved(long id, long queueId) {
        CallbackRequest r = callbacks.get(id);
        if (r == null) {
            return false;
        }
        callbacks.put(id, new CallbackRequest(id, r.tenantId(), queueId, r.number(), r.name(), r.joinedAt(),
                r.attempts()));
        return true;
    }

    @Override
    public synchronized boolean deleteCallback(long id) {
        return callbacks.remove(id) != null;
    }

    @Override
    public synchronized List<CallbackRequest> callbacks() {
        return callbacks.values().stream().sorted(Comparator.comparing(CallbackRequest::joinedAt)).toList();
    }

    @Override
    public QueueConfig createQueue(QueueConfig queue) {
        throw new UnsupportedOperationException();
    }

    @Override
    public QueueConfig updateQueue(QueueConfig queue) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean deleteQueue(long queueId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<QueueConfig> queue(long queueId) {
        return Optional.empty();
    }

    @Override
    public List<QueueConfig> queues() {
        return List.of();
    }

    @Override
    public void setMembers(long queueId, List<Member> members) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Member> members(long queueId) {
        return List.of();
    }

    @Override
    public void saveAgent(AgentState state) {
    }

    @Override
    public List<AgentState> agents() {
        return List.of();
    }

    @Override
    public void addCallRecord(QueueCallRecord record) {
    }

    @Override
    public void addAgentSpan(AgentSpan span) {
    }

    @Override
    public List<QueueCallRecord> callRecords(long tenantId, Instant from, Instant to, int max) {
        return new ArrayList<>();
    }

    @Override
    public List<AgentSpan> agentSpans(long tenantId, Instant from, Instant to, int max) {
        return new ArrayList<>();
    }
}
