package com.crosspoint.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One queue inside the {@link ContactCenter}: its configuration, members, waiting entries and figures. */
final class QueueLine {
    /** Assumed handle time until the queue has measured some. */
    static final long DEFAULT_HANDLE_SECONDS = 120;
    private static final int HANDLE_SAMPLES = 20;

    /** An entry as it waits: who holds it, whether an offer is out, which agents missed it. */
    static final class Waiting {
        final QueueEntry entry;
        final EntrySink sink;
        boolean offering;
        /** The agents the offer out now rings. */
        final Set<Long> offeredTo = new HashSet<>();
        final Set<Long> missedBy = new HashSet<>();
        /** A callback that just failed is not offered again before this (null: any time). */
        Instant notBefore;

        Waiting(QueueEntry entry, EntrySink sink) {
            this.entry = entry;
            this.sink = sink;
        }
    }

    QueueConfig config;
    List<Member> members;
    final List<Waiting> waiting = new ArrayList<>();
    long lastOffered;
    int offered;
    int answered;
    int abandoned;
    int overflowed;
    int transferred;
    int answeredInTime;
    long answerWaitMillis;
    int callbacksRequested;
    int callbacksServed;
    int callbacksFailed;
    private final ArrayDeque<Long> handleSeconds = new ArrayDeque<>();

    QueueLine(QueueConfig config, List<Member> members) {
        this.config = config;
        this.members = List.copyOf(members);
    }

    boolean isMember(long userId) {
        return members.stream().anyMatch(m -> m.userId() == userId);
    }

    int position(long entryId) {
        for (int i = 0; i < waiting.size(); i++) {
            if (waiting.get(i).entry.id() == entryId) {
                return i + 1;
            }
        }
        return 0;
    }

    Waiting find(long entryId) {
        return waiting.stream().filter(w -> w.entry.id() == entryId).findFirst().orElse(null);
    }

    /** Why entry {@code entryId} may not move from {@code from} to {@code to} (null: it may). */
    static Moved.Refusal refuseMove(QueueLine from, long entryId, QueueLine to) {
        Waiting w = from == null ? null : from.find(entryId);
        if (from == null || to == null || to.config.tenantId() != from.config.tenantId()) {
            return Moved.Refusal.NO_SUCH_QUEUE;
        } else if (w == null) {
            return Moved.Refusal.NOT_WAITING;
        } else if (from == to) {
            return Moved.Refusal.SAME_QUEUE;
        } else if (w.offering) {
            return Moved.Refusal.RINGING;
        } else if (to.config.maxLength() > 0 && to.waiting.size() >= to.config.maxLength()) {
            return Moved.Refusal.FULL;
        }
        return null;
    }

    /** The queue an entry waits in: the one its holder names, or the one a supervisor moved it to meanwhile. */
    static QueueLine holding(Map<Long, QueueLine> queues, long queueId, long entryId) {
        QueueLine named = queues.get(queueId);
        if (named != null && named.find(entryId) != null) {
            return named;
        }
        return queues.values().stream().filter(l -> l.find(entryId) != null).findFirst().orElse(named);
    }

    /** A supervisor moves the waiting {@code w} to another queue: it leaves this one, recorded as transferred. */
    QueueCallRecord transferOut(Waiting w, Instant now) {
        waiting.remove(w);
        transferred++;
        return new QueueCallRecord(config.tenantId(), config.id(), w.entry.joinedAt(),
                QueueCallRecord.Outcome.TRANSFERRED, Math.max(0, Duration.between(w.entry.joinedAt(), now).toMillis()),
                0, 0, 0, false);
    }

    /** A moved entry joins the end of this queue, held as before, its join time kept; returns it as it waits here. */
    QueueEntry arrive(Waiting moved) {
        QueueEntry e = moved.entry;
        QueueEntry here = new QueueEntry(e.id(), config.id(), e.caller(), e.callerName(), e.joinedAt(), e.callback());
        waiting.add(new Waiting(here, moved.sink));
        offered++;
        return here;
    }

    /** An entry waited {@code waited} and an agent answered it. */
    void answered(Duration waited) {
        answered++;
        answerWaitMillis += waited.toMillis();
        if (waited.toSeconds() <= config.serviceLevelSeconds()) {
            answeredInTime++;
        }
    }

    void handled(Duration talk) {
        handleSeconds.addLast(Math.max(1, talk.toSeconds()));
        if (handleSeconds.size() > HANDLE_SAMPLES) {
            handleSeconds.removeFirst();
        }
    }

    /** Position times the average handle time, shared among the logged-in members. */
    long estimatedWaitSeconds(int position, Map<Long, AgentState> agents) {
        long aht = handleSeconds.isEmpty() ? DEFAULT_HANDLE_SECONDS
                : handleSeconds.stream().mapToLong(Long::longValue).sum() / handleSeconds.size();
        long present = members.stream().map(m -> agents.get(m.userId()))
                .filter(s -> s != null && s.status().loggedIn() && s.status() != AgentStatus.PAUSED).count();
        return position * aht / Math.max(1, present);
    }

    QueueStats stats(Map<Long, AgentState> agents, Instant now) {
        Map<AgentStatus, Integer> byStatus = new EnumMap<>(AgentStatus.class);
        for (Member m : members) {
            AgentState s = agents.get(m.userId());
            byStatus.merge(s == null ? AgentStatus.LOGGED_OUT : s.status(), 1, Integer::sum);
        }
        long longest = waiting.isEmpty() ? 0
                : Math.max(0, Duration.between(waiting.get(0).entry.joinedAt(), now).toSeconds());
        int counted = answered + abandoned;
        double level = counted == 0 ? 100.0 : 100.0 * answeredInTime / counted;
        double asa = answered == 0 ? 0 : answerWaitMillis / 1000.0 / answered;
        return new QueueStats(config.id(), config.tenantId(), config.number(), config.name(), waiting.size(),
                longest, offered, answered, abandoned, overflowed, transferred, answeredInTime, level, asa, byStatus,
                new QueueStats.Callbacks(callbacksRequested, callbacksServed, callbacksFailed,
                        (int) waiting.stream().filter(w -> w.entry.callback()).count()));
    }
}
