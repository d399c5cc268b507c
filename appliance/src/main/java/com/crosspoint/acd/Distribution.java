package com.crosspoint.acd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Who is offered to whom: the waiting entries of every queue, the queue with the longest wait first and head first
 * within a queue, go to the agents the queue's strategy picks. Runs under the {@link ContactCenter}'s lock.
 */
final class Distribution {
    private final AgentPicker picker;

    Distribution(AgentPicker picker) {
        this.picker = picker;
    }

    void offer(Collection<QueueLine> queues, AgentBoard agents, Changes changes, Instant now) {
        List<QueueLine> byWait = new ArrayList<>(queues);
        byWait.removeIf(l -> l.waiting.isEmpty());
        byWait.sort(Comparator.comparing(l -> l.waiting.get(0).entry.joinedAt()));
        for (QueueLine line : byWait) {
            for (QueueLine.Waiting w : line.waiting) {
                if (w.offering || (w.notBefore != null && now.isBefore(w.notBefore))) {
                    continue; // a callback between two tries keeps its place but lets those behind it go first
                }
                long waited = Duration.between(w.entry.joinedAt(), now).toSeconds();
                List<AgentState> to = picker.pick(line.config, line.members, agents.states(), line.lastOffered,
                        w.missedBy, waited);
                if (to.isEmpty()) {
                    break; // nobody for this one: nobody for those behind it either
                }
                to = w.entry.callback() ? to.subList(0, 1) : to; // a callback rings one agent, then the caller
                w.offering = true;
                to.forEach(a -> w.offeredTo.add(a.userId()));
                line.lastOffered = to.get(to.size() - 1).userId();
                List<AgentState> ringing = to.stream().map(a -> agents.ringing(a.userId())).toList();
                ringing.forEach(changes::agent);
                changes.offer(w.sink, new Offer(w.entry, ringing, line.config.noAnswerSeconds()));
                changes.queue(line, agents.states(), now);
            }
        }
    }
}
