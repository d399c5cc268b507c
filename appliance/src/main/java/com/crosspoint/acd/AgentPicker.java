package com.crosspoint.acd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * The strategies: which free members of a queue its head entry is offered to. Pure; the caller holds the locks.
 */
public final class AgentPicker {
    private final IntUnaryOperator random;

    /** @param random given n, a number in [0, n) (the random strategy's source) */
    public AgentPicker(IntUnaryOperator random) {
        this.random = random;
    }

    /**
     * The agents to ring for the entry: all free ones for ring-all, else one; empty when nobody may take it.
     *
     * @param members       the queue's members in their configured order
     * @param states        the agents' states by user id (a member with none is logged out)
     * @param lastOffered   the user offered last by this queue, for round-robin (0: none yet)
     * @param exclude       agents who already missed this entry
     * @param waitedSeconds how long the entry has waited, for skills-based widening
     */
    public List<AgentState> pick(QueueConfig queue, List<Member> members, Map<Long, AgentState> states,
                                 long lastOffered, Set<Long> exclude, long waitedSeconds) {
        List<Member> free = new ArrayList<>();
        for (Member m : members) {
            AgentState s = states.get(m.userId());
            if (s != null && s.canTakeCall(true) && !exclude.contains(m.userId())) {
                free.add(m);
            }
        }
        if (free.isEmpty()) {
            return List.of();
        }
        return switch (queue.strategy()) {
            case RING_ALL -> free.stream().map(m -> states.get(m.userId())).toList();
            case LONGEST_IDLE -> List.of(free.stream().map(m -> states.get(m.userId()))
                    .min(Comparator.comparing(AgentPicker::idleSince)).orElseThrow());
            case FEWEST_CALLS -> List.of(free.stream().map(m -> states.get(m.userId()))
                    .min(Comparator.comparingInt(AgentState::callsAnswered)
                            .thenComparing(AgentPicker::idleSince)).orElseThrow());
            case ROUND_ROBIN -> List.of(states.get(nextAfter(members, free, lastOffered).userId()));
            case RANDOM -> List.of(states.get(free.get(random.applyAsInt(free.size())).userId()));
            case SKILLS_BASED -> skilled(queue, free, states, waitedSeconds);
        };
    }

    /** Never-called agents count as idle since they logged in. */
    private static Instant idleSince(AgentState s) {
        return s.lastCallEnded() != null ? s.lastCallEnded() : s.since();
    }

    /** The first free member after {@code lastOffered} in member order, wrapping around. */
    private static Member nextAfter(List<Member> members, List<Member> free, long lastOffered) {
        int start = 0;
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).userId() == lastOffered) {
                start = i + 1;
                break;
            }
        }
        for (int k = 0; k < members.size(); k++) {
            Member m = members.get((start + k) % members.size());
            if (free.contains(m)) {
                return m;
            }
        }
        return free.get(0);
    }

    private static List<AgentState> skilled(QueueConfig queue, List<Member> free, Map<Long, AgentState> states,
                                            long waitedSeconds) {
        List<Member> able = free.stream().filter(m -> m.level(queue.skill()) > 0).toList();
        if (able.isEmpty()) {
            return List.of();
        }
        int widened = queue.widenAfterSeconds() > 0 ? (int) (waitedSeconds / queue.widenAfterSeconds()) : 0;
        int allowed = 1 + widened;
        return able.stream().filter(m -> m.level(queue.skill()) <= allowed)
                .min(Comparator.<Member>comparingInt(m -> m.level(queue.skill()))
                        .thenComparing(m -> idleSince(states.get(m.userId()))))
                .map(m -> List.of(states.get(m.userId()))).orElse(List.of());
    }
}
