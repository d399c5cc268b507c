package com.crosspoint.chat.report;

import com.crosspoint.acd.report.Interval;
import com.crosspoint.chat.ChatSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chat queue now: the chats waiting for an agent (offered ones too) and the longest of their waits, and today's
 * (UTC) offered, answered and abandoned chats.
 *
 * @param queue see {@link ChatQueues#key}
 */
public record ChatQueueNow(String queue, int waiting, double longestWaitSeconds, int offeredToday,
                           int answeredToday, int abandonedToday) {

    /**
     * Every queue with a chat waiting or one today, by queue.
     *
     * @param unanswered the open chats no agent answered yet
     * @param today      the chats created since midnight UTC
     */
    public static List<ChatQueueNow> of(List<ChatSnapshot> unanswered, List<ChatSnapshot> today, ChatQueues queues,
                                        Instant now) {
        Map<String, ChatQueueNow> rows = new TreeMap<>();
        for (ChatQueueInterval day : ChatIntervalReport.queues(today, Interval.DAY, queues)) {
            rows.merge(day.queue(), new ChatQueueNow(day.queue(), 0, 0, day.offered(), day.answered(),
                    day.abandoned()), ChatQueueNow::plus);
        }
        for (ChatSnapshot c : unanswered) {
            String key = queues.key(c.queue());
            rows.merge(key, new ChatQueueNow(key, 1, Duration.between(c.createdAt(), now).toMillis() / 1000.0,
                    0, 0, 0), ChatQueueNow::plus);
        }
        return List.copyOf(rows.values());
    }

    private ChatQueueNow plus(ChatQueueNow o) {
        return new ChatQueueNow(queue, waiting + o.waiting, Math.max(longestWaitSeconds, o.longestWaitSeconds),
                offeredToday + o.offeredToday, answeredToday + o.answeredToday, abandonedToday + o.abandonedToday);
    }
}
