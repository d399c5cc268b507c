package com.crosspoint.acd;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live contact center: queues with their waiting entries, the agents' one state, and the distribution of
 * entries to agents. Thread-safe: every change runs under one lock, and what it causes (offers to entry holders,
 * reports to the listener) is delivered after the lock is released, in order of the change.
 */
public final class ContactCenter {
    /** Why a caller could not join. */
    public enum Refusal { NO_SUCH_QUEUE, FULL }

    /** The answer to {@link #join}: a position and estimated wait, or a refusal. */
    public record Joined(long entryId, int position, long estimatedWaitSeconds, Refusal refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    private final Clock clock;
    private final Distribution distribution;
    private final AcdListener listener;
    private final AgentBoard agents;
    private final Map<Long, QueueLine> queues = new HashMap<>();
    private final AtomicLong entryIds = new AtomicLong();
    private final Object lock = new Object();

    public ContactCenter(Clock clock, AgentPicker picker, AcdListener listener) {
        this.clock = clock;
        this.distribution = new Distribution(picker);
        this.listener = listener;
        this.agents = new AgentBoard(clock);
    }

    // ---- configuration -----------------------------------------------------------------------------------------

    /** Adds or replaces a queue; its waiting entries stay. */
    public void configure(QueueConfig config, List<Member> members) {
        Changes changes = new Changes();
        synchronized (lock) {
            QueueLine line = queues.get(config.id());
            if (line == null) {
                queues.put(config.id(), new QueueLine(config, members));
            } else {
                line.config = config;
                line.members = List.copyOf(members);
            }
            dispatch(changes);
            changes.queue(queues.get(config.id()), agents.states(), clock.instant());
        }
        changes.deliver(listener);
    }

    /** Removes a queue; entries still waiting in it stay with their holders, who will hear nothing more. */
    public void remove(long queueId) {
        synchronized (lock) {
            queues.remove(queueId);
        }
    }

    public Optional<QueueConfig> queue(long queueId) {
        synchronized (lock) {
            return Optional.ofNullable(queues.get(queueId)).map(l -> l.config);
        }
    }

    /** The queue of {@code tenantId} dialled as {@code number}. */
    public Optional<QueueConfig> queueByNumber(long tenantId, String number) {
        synchronized (lock) {
            return queues.values().stream().map(l -> l.config)
                    .filter(c -> c.tenantId() == tenantId && c.number().equals(number)).findFirst();
        }
    }

    public List<Member> members(long queueId) {
        synchronized (lock) {
            QueueLine line = queues.get(queueId);
            return line == null ? List.of() : line.members;
        }
    }

    public List<QueueStats> stats(long tenantId) {
        synchronized (lock) {
            Instant now = clock.instant();
            return queues.values().stream().filter(l -> l.config.tenantId() == tenantId)
                    .sorted(Comparator.comparing(l -> l.config.number()))
                    .map(l -> l.stats(agents.states(), now)).toList();
        }
    }

    public Optional<QueueStats> stats(long tenantId, long queueId) {
        return stats(tenantId).stream().filter(s -> s.queueId() == queueId).findFirst();
    }

    /** The entries waiting in a queue, head first. */
    public List<QueueEntry> waiting(long queueId) {
        synchronized (lock) {
            QueueLine line = queues.get(queueId);
            return line == null ? List.of() : line.waiting.stream().map(w -> w.entry).toList();
        }
    }

    // ---- agents ------------------------------------------------------------------------------------------------

    /** Applies {@code change} to the agent's state (log in, pause, ...), reports it and offers waiting entries. */
    public AgentState agent(AgentBoard.Change change) {
        Changes changes = new Changes();
        AgentState after;
        synchronized (lock) {
            after = agents.apply(change);
            changes.agent(after);
            dispatch(changes);
            changes.queuesOf(after.userId(), queues.values(), agents.states(), clock.instant());
        }
        changes.deliver(listener);
        return after;
    }

    /** Whether {@code userId} is a member of any queue. */
    public boolean isAgent(long userId) {
        synchronized (lock) {
            return queues.values().stream().anyMatch(l -> l.isMember(userId));
        }
    }

    /** The queues {@code userId} is a member of. */
    public List<QueueConfig> queuesOf(long userId) {
        synchronized (lock) {
            return queues.values().stream().filter(l -> l.isMember(userId)).map(l -> l.config)
                    .sorted(Comparator.comparing(QueueConfig::number)).toList();
        }
    }

    public Optional<AgentState> agentState(long userId) {
        synchronized (lock) {
            return Optional.ofNullable(agents.states().get(userId));
        }
    }

    public List<AgentState> agents(long tenantId) {
        synchronized (lock) {
            return agents.states().values().stream().filter(a -> a.tenantId() == tenantId)
                    .sorted(Comparator.comparing(AgentState::extension)).toList();
        }
    }

    /** The members of a queue who may be offered one more chat now (the chat side's distribution). */
    public List<AgentState> chatAgents(long queueId) {
        synchronized (lock) {
            QueueLine line = queues.get(queueId);
            if (line == null) {
                return List.of();
            }
            return line.members.stream().map(m -> agents.states().get(m.userId()))
                    .filter(s -> s != null && s.canTakeChat(line.config.chatWhileOnCall())).toList();
        }
    }

    // ---- entries -----------------------------------------------------------------------------------------------

    /** A caller joins the end of a queue; {@code sink} will hear the offers made for it. */
    public Joined join(long queueId, String caller, String callerName, boolean callback, EntrySink sink) {
        Changes changes = new Changes();
        Joined joined;
        synchronized (lock) {
            QueueLine line = queues.get(queueId);
            if (line == null) {
                return new Joined(0, 0, 0, Refusal.NO_SUCH_QUEUE);
            }
            line.offered++;
            if (line.config.maxLength() > 0 && line.waiting.size() >= line.config.maxLength()) {
                line.overflowed++;
                changes.record(new QueueCallRecord(line.config.tenantId(), queueId, clock.instant(),
                        QueueCallRecord.Outcome.OVERFLOWED, 0, 0, 0, 0, false));
                changes.queue(line, agents.states(), clock.instant());
                joined = new Joined(0, 0, 0, Refusal.FULL);
            } else {
                QueueEntry entry = new QueueEntry(entryIds.incrementAndGet(), queueId, caller, callerName,
                        clock.instant(), callback);
                line.waiting.add(new QueueLine.Waiting(entry, sink));
                int position = line.waiting.size();
                joined = new Joined(entry.id(), position, line.estimatedWaitSeconds(position, agents.states()), null);
                dispatch(changes);
                changes.queue(line, agents.states(), clock.instant());
            }
        }
        changes.deliver(listener);
        return joined;
    }

    /** Position (1 = next) and estimated wait of a waiting entry; position 0 when it no longer waits. */
    public Joined position(long queueId, long entryId) {
        synchronized (lock) {
            QueueLine line = QueueLine.holding(queues, queueId, entryId);
            int position = line == null ? 0 : line.position(entryId);
            long wait = position == 0 ? 0 : line.estimatedWaitSeconds(position, agents.states());
            return new Joined(entryId, position, wait, null);
        }
    }

    /**
     * A supervisor moves a waiting entry to the end of another queue of the same tenant. It keeps its holder (who
     * hears {@link EntrySink#moved}) and its join time (the caller's wait goes on); the first queue records it as
     * transferred, the second counts it as offered. An entry ringing an agent now stays.
     */
    public Moved move(long entryId, long fromQueueId, long toQueueId) {
        Changes changes = new Changes();
        Moved moved;
        synchronized (lock) {
            QueueLine from = queues.get(fromQueueId);
            QueueLine to = queues.get(toQueueId);
            Moved.Refusal refusal = QueueLine.refuseMove(from, entryId, to);
            if (refusal != null) {
                return new Moved(0, 0, refusal);
            }
            Instant now = clock.instant();
            QueueLine.Waiting w = from.find(entryId);
            changes.record(from.transferOut(w, now));
            changes.moved(w.sink, to.arrive(w)); // before any offer from the new queue: its holder learns it first
            moved = new Moved(to.waiting.size(), to.estimatedWaitSeconds(to.waiting.size(), agents.states()), null);
            dispatch(changes);
            changes.queue(from, agents.states(), now);
            changes.queue(to, agents.states(), now);
        }
        changes.deliver(listener);
        return moved;
    }

    /** How the wait of an entry ended. */
    public enum Outcome { ABANDONED, OVERFLOWED }

    /**
     * The entry leaves without an agent: the caller hung up, or went to the overflow target. An offer still out for
     * it ends with it: the agents it rings are free again, not counted as missing it.
     */
    public void leave(long queueId, long entryId, Outcome outcome) {
        Changes changes = new Changes();
        synchronized (lock) {
            QueueLine line = QueueLine.holding(queues, queueId, entryId);
            QueueLine.Waiting w = line == null ? null : line.find(entryId);
            if (w == null) {
                return;
            }
            line.waiting.remove(w);
            if (w.offering) {
                // its holder will not end the offer (a caller who hung up): free the agents still ringing for it
                for (long userId : w.offeredTo) {
                    if (agents.states().get(userId).status() == AgentStatus.RINGING) {
                        changes.agent(agents.offerRefused(userId));
                    }
                }
            }
            if (outcome == Outcome.ABANDONED) {
                line.abandoned++;
            } else {
                line.overflowed++;
            }
            Instant now = clock.instant();
            changes.record(new QueueCallRecord(line.config.tenantId(), queueId, w.entry.joinedAt(),
                    outcome == Outcome.ABANDONED ? QueueCallRecord.Outcome.ABANDONED
                            : QueueCallRecord.Outcome.OVERFLOWED,
                    Math.max(0, Duration.between(w.entry.joinedAt(), now).toMillis()), 0, 0, 0, false));
            dispatch(changes);
            changes.queue(line, agents.states(), clock.instant());
        }
        changes.deliver(listener);
    }

    /**
     * The offer of an entry ended: {@code answeredBy} took it (0: nobody), every other agent in {@code missed}
     * did not answer in time and is counted (auto-paused after the queue's limit); an unanswered entry waits on at
     * its place. Agents who were offered it but refused (busy) are freed without a miss.
     */
    public void offerEnded(long queueId, long entryId, long answeredBy, Set<Long> offered, Set<Long> missed) {
        Changes changes = new Changes();
        synchronized (lock) {
            QueueLine line = QueueLine.holding(queues, queueId, entryId);
            QueueLine.Waiting w = line == null ? null : line.find(entryId);
            Instant now = clock.instant();
            for (long userId : offered) {
                if (userId == answeredBy) {
                    changes.agent(agents.answered(userId));
                } else if (missed.contains(userId)) {
                    changes.agent(agents.missed(userId, line == null ? 0 : line.config.missesBeforePause()));
                } else {
                    changes.agent(agents.offerRefused(userId));
                }
            }
            if (w != null) {
                w.offering = false;
                w.offeredTo.clear();
                w.missedBy.addAll(offered);
                if (answeredBy != 0) {
                    line.waiting.remove(w);
                    line.answered(Duration.between(w.entry.joinedAt(), now));
                    line.callbacksServed += w.entry.callback() ? 1 : 0;
                } else if (line.members.stream().allMatch(m -> w.missedBy.contains(m.userId()))) {
                    w.missedBy.clear(); // everyone had a go: start again
                }
            }
            dispatch(changes);
            if (line != null) {
                changes.queue(line, agents.states(), now);
            }
        }
        changes.deliver(listener);
    }

    /**
     * An agent's queue call (joined the queue at {@code joinedAt}, answered at {@code answeredAt}) ended: wrap-up
     * (the queue's time), then available; the call is recorded for the history ({@code callback}: the caller
     * had been called back).
     */
    public void callEnded(long queueId, long userId, Instant joinedAt, Instant answeredAt, Instant endedAt,
                          boolean callback) {
        endCall(queueId, userId, Duration.between(answeredAt, endedAt), Duration.between(joinedAt, answeredAt),
                joinedAt, callback);
    }

    /** As the other {@code callEnded}, for a caller who knows only the talk time: nothing goes into the history. */
    public void callEnded(long queueId, long userId, Duration talk) {
        endCall(queueId, userId, talk, null, null, false);
    }

    private void endCall(long queueId, long userId, Duration talk, Duration waited, Instant joinedAt,
                         boolean callback) {
        Changes changes = new Changes();
        synchronized (lock) {
            QueueLine line = queues.get(queueId);
            int wrapUp = line == null ? 0 : line.config.wrapUpSeconds();
            if (line != null) {
                line.handled(talk);
            }
            if (line != null && waited != null) {
                changes.record(new QueueCallRecord(line.config.tenantId(), queueId, joinedAt,
                        QueueCallRecord.Outcome.ANSWERED, Math.max(0, waited.toMillis()), userId,
                        Math.max(0, talk.toMillis()), wrapUp * 1000L,
                        waited.toSeconds() <= line.config.serviceLevelSeconds(), callback));
            }
            changes.agent(agents.callEnded(userId, wrapUp));
            dispatch(changes);
            changes.queuesOf(userId, queues.values(), agents.states(), clock.instant());
        }
        changes.deliver(listener);
    }

    /** A change of one queue made under the lock ({@link CallbackPlaces}); its results are delivered after it. */
    interface Work<T> {
        T on(QueueLine line, AgentBoard agents, Changes changes, Instant now);
    }

    /** Runs {@code work} on the queue and offers what waits; {@code none} when there is no such queue. */
    <T> T change(long queueId, T none, Work<T> work) {
        Changes changes = new Changes();
        T result;
        synchronized (lock) {
            QueueLine line = queues.get(queueId);
            if (line == null) {
                return none;
            }
            result = work.on(line, agents, changes, clock.instant());
            dispatch(changes);
            changes.queue(line, agents.states(), clock.instant());
        }
        changes.deliver(listener);
        return result;
    }

    long newEntryId() {
        return entryIds.incrementAndGet();
    }

    /** Ends wrap-up times that are over and offers what waits; run every second or so. */
    public void tick() {
        Changes changes = new Changes();
        synchronized (lock) {
            for (AgentState freed : agents.endWrapUps()) {
                changes.agent(freed);
                changes.queuesOf(freed.userId(), queues.values(), agents.states(), clock.instant());
            }
            dispatch(changes);
        }
        changes.deliver(listener);
    }

    /** Offers waiting entries to free agents. Under the lock. */
    private void dispatch(Changes changes) {
        distribution.offer(queues.values(), agents, changes, clock.instant());
    }
}
