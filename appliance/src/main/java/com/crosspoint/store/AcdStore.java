package com.crosspoint.store;

import com.crosspoint.acd.AgentSpan;
import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.CallbackRequest;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueCallRecord;
import com.crosspoint.acd.QueueConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The contact center's queues, their members, the agents' lasting state and the callbacks that keep a place. */
public interface AcdStore {
    /**
     * Stores a new queue (its id is ignored).
     *
     * @throws DuplicateKeyException (field {@code number}) when the tenant has a queue with that number
     */
    QueueConfig createQueue(QueueConfig queue);

    /**
     * @throws java.util.NoSuchElementException when there is no such queue
     * @throws DuplicateKeyException (field {@code number}) as for {@link #createQueue}
     */
    QueueConfig updateQueue(QueueConfig queue);

    /** False when absent; its members and callbacks go with it. */
    boolean deleteQueue(long queueId);

    Optional<QueueConfig> queue(long queueId);

    /** Every queue of every tenant (loaded at start). */
    List<QueueConfig> queues();

    /** Replaces the queue's members, kept in the given order (round-robin's order). */
    void setMembers(long queueId, List<Member> members);

    List<Member> members(long queueId);

    /** Keeps what of an agent's state survives a restart (status, pause reason, chat capacity). */
    void saveAgent(AgentState state);

    /** Every agent's kept state. */
    List<AgentState> agents();

    /** Stores a callback request (its id is ignored). */
    CallbackRequest addCallback(CallbackRequest request);

    /** Counts one more attempt; false when it is gone. */
    boolean callbackAttempted(long id);

    /** The callback now keeps a place in another queue (a supervisor moved it); false when it is gone. */
    boolean callbackMoved(long id, long queueId);

    /** False when absent. */
    boolean deleteCallback(long id);

    /** Every stored callback, the earliest joined first (loaded at start). */
    List<CallbackRequest> callbacks();

    /** Keeps an ended queue entry for the history. */
    void addCallRecord(QueueCallRecord record);

    /** Keeps a stretch of an agent's time in one status for the history. */
    void addAgentSpan(AgentSpan span);

    /** The tenant's entries that joined in [from, to), the earliest first, at most {@code max}. */
    List<QueueCallRecord> callRecords(long tenantId, Instant from, Instant to, int max);

    /** The tenant's agent spans that overlap [from, to), the earliest first, at most {@code max}. */
    List<AgentSpan> agentSpans(long tenantId, Instant from, Instant to, int max);
}
