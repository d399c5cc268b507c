package com.crosspoint.chat.report;

import com.crosspoint.acd.report.Interval;
import com.crosspoint.acd.report.IntervalBuckets;
import com.crosspoint.chat.ChatSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat figures per interval, from the stored chats: a chat counts in the interval it started in, as a queue
 * call counts where it joined. Answered: an agent accepted it; abandoned: it ended before that; a chat still
 * waiting is offered only. Pure.
 */
public final class ChatIntervalReport {
    private ChatIntervalReport() {
    }

    /** Per queue (see {@link ChatQueues#key}) and interval, oldest interval first, then by queue. */
    public static List<ChatQueueInterval> queues(List<ChatSnapshot> chats, Interval interval, ChatQueues queues) {
        List<ChatQueueInterval> rows = new ArrayList<>();
        IntervalBuckets.group(chats, interval, ChatSnapshot::createdAt, c -> queues.key(c.queue()))
                .forEach((bucket, group) -> {
                    int threshold = queues.serviceLevelSeconds(bucket.key());
                    List<ChatSnapshot> answered = group.stream().filter(c -> c.answeredAt() != null).toList();
                    List<ChatSnapshot> abandoned = group.stream()
                            .filter(c -> c.answeredAt() == null && c.endedAt() != null).toList();
                    // whole seconds, as the voice side counts
                    long inTime = answered.stream().filter(c -> waitMillis(c) / 1000 <= threshold).count();
                    int counted = answered.size() + abandoned.size();
                    rows.add(new ChatQueueInterval(bucket.start(), bucket.key(), group.size(), answered.size(),
                            abandoned.size(), IntervalBuckets.meanSeconds(abandoned, ChatIntervalReport::waitMillis),
                            threshold, counted == 0 ? 100.0 : 100.0 * inTime / counted,
                            IntervalBuckets.meanSeconds(answered, ChatIntervalReport::waitMillis),
                            IntervalBuckets.meanSeconds(ended(answered), ChatIntervalReport::handleMillis),
                            group.stream().filter(c -> c.answeredAt() != null || c.endedAt() != null)
                                    .mapToLong(ChatIntervalReport::waitMillis).max().orElse(0) / 1000.0));
                });
        return rows;
    }

    /** Per agent and interval: the chats they answered that started in it. */
    public static List<ChatAgentInterval> agents(List<ChatSnapshot> chats, Interval interval) {
        List<ChatSnapshot> answered = chats.stream().filter(c -> c.answeredAt() != null && c.agent() != null).toList();
        List<ChatAgentInterval> rows = new ArrayList<>();
        IntervalBuckets.group(answered, interval, ChatSnapshot::createdAt, c -> c.agent().userId())
                .forEach((bucket, group) -> rows.add(new ChatAgentInterval(bucket.start(), bucket.key(), group.size(),
                        IntervalBuckets.meanSeconds(ended(group), ChatIntervalReport::handleMillis))));
        return rows;
    }

    /** Created to answered, or to the end when nobody answered. */
    static long waitMillis(ChatSnapshot c) {
        return Duration.between(c.createdAt(), c.answeredAt() != null ? c.answeredAt() : c.endedAt()).toMillis();
    }

    private static long handleMillis(ChatSnapshot c) {
        return Duration.between(c.answeredAt(), c.endedAt()).toMillis();
    }

    private static List<ChatSnapshot> ended(List<ChatSnapshot> chats) {
        return chats.stream().filter(c -> c.endedAt() != null).toList();
    }
}
