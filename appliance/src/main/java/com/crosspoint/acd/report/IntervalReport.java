package com.crosspoint.acd.report;

import com.crosspoint.acd.AgentSpan;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.QueueCallRecord;
import com.crosspoint.acd.QueueCallRecord.Outcome;
import com.crosspoint.acd.report.IntervalBuckets.Bucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The historical figures per interval, from the stored queue call records and agent spans. Entries count in the
 * interval they joined in; an agent's time is cut at interval boundaries. Pure.
 */
public final class IntervalReport {
    private IntervalReport() {
    }

    /** Per queue and interval, oldest interval first, then by queue id. */
    public static List<QueueInterval> queues(List<QueueCallRecord> calls, Interval interval) {
        List<QueueInterval> rows = new ArrayList<>();
        IntervalBuckets.group(calls, interval, QueueCallRecord::joinedAt, QueueCallRecord::queueId)
                .forEach((key, group) -> rows.add(queueRow(key, group)));
        return rows;
    }

    private static QueueInterval queueRow(Bucket<Long> key, List<QueueCallRecord> group) {
        List<QueueCallRecord> answered = only(group, Outcome.ANSWERED);
        List<QueueCallRecord> abandoned = only(group, Outcome.ABANDONED);
        long inTime = answered.stream().filter(QueueCallRecord::inServiceLevel).count();
        int counted = answered.size() + abandoned.size();
        return new QueueInterval(key.start(), key.key(), group.size(), answered.size(), abandoned.size(),
                only(group, Outcome.OVERFLOWED).size(), only(group, Outcome.TRANSFERRED).size(), meanSeconds(abandoned, QueueCallRecord::waitMillis),
                counted == 0 ? 100.0 : 100.0 * inTime / counted, meanSeconds(answered, QueueCallRecord::waitMillis),
                meanSeconds(answered, IntervalReport::handleMillis),
                group.stream().mapToLong(QueueCallRecord::waitMillis).max().orElse(0) / 1000.0,
                (int) group.stream().filter(QueueCallRecord::callback).count(),
                (int) answered.stream().filter(QueueCallRecord::callback).count(),
                only(group, Outcome.CALLBACK_FAILED).size());
    }

    /** Per agent and interval: calls they answered, and their staffed and busy time cut into the intervals. */
    public static List<AgentInterval> agents(List<QueueCallRecord> calls, List<AgentSpan> spans, Interval interval) {
        Map<Bucket<Long>, List<QueueCallRecord>> answered = IntervalBuckets.group(only(calls, Outcome.ANSWERED),
                interval, QueueCallRecord::joinedAt, QueueCallRecord::agentUserId);
        Map<Bucket<Long>, long[]> time = new TreeMap<>(); // staffed, busy millis
        answered.keySet().forEach(key -> time.put(key, new long[2]));
        for (AgentSpan span : spans) {
            if (span.status() == AgentStatus.PAUSED || !span.status().loggedIn()) {
                continue;
            }
            boolean busy = span.status() == AgentStatus.ON_CALL || span.status() == AgentStatus.WRAP_UP;
            Instant from = span.from();
            while (from.isBefore(span.to())) {
                Instant start = interval.start(from);
                Instant end = start.plus(interval.length());
                Instant until = end.isBefore(span.to()) ? end : span.to();
                long millis = Duration.between(from, until).toMillis();
                long[] t = time.computeIfAbsent(new Bucket<>(start, span.userId()), k -> new long[2]);
                t[0] += millis;
                if (busy) {
                    t[1] += millis;
                }
                from = until;
            }
        }
        List<AgentInterval> rows = new ArrayList<>();
        time.forEach((key, t) -> {
            List<QueueCallRecord> taken = answered.getOrDefault(key, List.of());
            rows.add(new AgentInterval(key.start(), key.key(), taken.size(),
                    meanSeconds(taken, IntervalReport::handleMillis), t[0] / 1000.0,
                    t[0] == 0 ? 0 : 100.0 * t[1] / t[0]));
        });
        return rows;
    }

    private static long handleMillis(QueueCallRecord c) {
        return c.talkMillis() + c.wrapUpMillis();
    }

    private static List<QueueCallRecord> only(List<QueueCallRecord> calls, Outcome outcome) {
        return calls.stream().filter(c -> c.outcome() == outcome).toList();
    }

    private static double meanSeconds(List<QueueCallRecord> calls,
                                      java.util.function.ToLongFunction<QueueCallRecord> millis) {
        return IntervalBuckets.meanSeconds(calls, millis);
    }
}
