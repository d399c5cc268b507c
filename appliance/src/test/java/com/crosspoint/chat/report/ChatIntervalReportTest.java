package com.crosspoint.chat.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.Strategy;
import com.crosspoint.acd.report.Interval;
import com.crosspoint.chat.ChatAgent;
import com.crosspoint.chat.ChatParty;
import com.crosspoint.chat.ChatSnapshot;
import com.crosspoint.chat.ChatState;
import com.crosspoint.chat.ChatVisitor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed figures: queue 700 ("Support", 30 s service level) reached by number and by name, and "sales",
 * which is no contact-center queue (20 s default).
 */
class ChatIntervalReportTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final ChatQueues QUEUES = new ChatQueues(List.of(new QueueConfig(1, 1, "700", "Support",
            Strategy.RING_ALL, 0, 0, null, 0, 15, 0, 0, 30, null, 0, 0, false)));
    private static final List<ChatSnapshot> CHATS = List.of(
            chat(1, "700", 0, 10, 130, 1),          // answered in 10 s, handled 120 s
            chat(2, "support", 60, 105, 165, 2),    // by name; answered late (45 s), handled 60 s
            chat(3, "700", 120, -1, 140, 0),        // abandoned after 20 s
            chat(4, "sales", 30, 55, 65, 2),        // answered in 25 s, over the default 20 s; handled 10 s
            chat(5, "700", 3590, 3605, 3905, 1),    // 09:59:50, answered at 10:00:05 (15 s): still in 09:00
            chat(6, "700", 3600, -1, -1, 0));       // 10:00:00 and still waiting

    @Test
    void perQueueAndHourTheChatsCountWhereTheyStarted() {
        List<ChatQueueInterval> rows = ChatIntervalReport.queues(CHATS, Interval.HOUR, QUEUES);

        assertThat(rows).extracting(ChatQueueInterval::start, ChatQueueInterval::queue).containsExactly(
                org.assertj.core.groups.Tuple.tuple(T0, "700"), org.assertj.core.groups.Tuple.tuple(T0, "sales"),
                org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(3600), "700"));
        ChatQueueInterval support = rows.get(0);
        assertThat(support.offered()).isEqualTo(4);
        assertThat(support.answered()).isEqualTo(3);
        assertThat(support.abandoned()).isEqualTo(1);
        assertThat(support.averageAbandonSeconds()).isEqualTo(20.0);
        assertThat(support.serviceLevelSeconds()).isEqualTo(30);
        assertThat(support.serviceLevelPercent()).as("10 s and 15 s in time of 3 answered + 1 abandoned")
                .isEqualTo(50.0);
        assertThat(support.averageAnswerSeconds()).isCloseTo(70.0 / 3, within(1e-9));
        assertThat(support.averageHandleSeconds()).isEqualTo(160.0);
        assertThat(support.longestWaitSeconds()).isEqualTo(45.0);

        assertThat(rows.get(1)).isEqualTo(new ChatQueueInterval(T0, "sales", 1, 1, 0, 0, 20, 0.0, 25, 10, 25));
        assertThat(rows.get(2)).as("a chat still waiting is offered only")
                .isEqualTo(new ChatQueueInterval(T0.plusSeconds(3600), "700", 1, 0, 0, 0, 30, 100.0, 0, 0, 0));
    }

    @Test
    void perAgentTheirAnsweredChatsAndAverageHandle() {
        assertThat(ChatIntervalReport.agents(CHATS, Interval.HOUR)).containsExactly(
                new ChatAgentInterval(T0, 1, 2, 210.0),
                new ChatAgentInterval(T0, 2, 2, 35.0));
        assertThat(ChatIntervalReport.agents(CHATS, Interval.FIFTEEN_MINUTES)).containsExactly(
                new ChatAgentInterval(T0, 1, 1, 120.0),
                new ChatAgentInterval(T0, 2, 2, 35.0),
                new ChatAgentInterval(T0.plusSeconds(2700), 1, 1, 300.0));
    }

    @Test
    void aChatAnsweredAtTheThresholdIsInTimeByWholeSeconds() {
        ChatSnapshot atThreshold = new ChatSnapshot(9, 1, "sales", visitor(), ChatState.ENDED, agent(1), T0,
                T0.plusMillis(20_900), T0.plusSeconds(30), ChatParty.AGENT, List.of());
        assertThat(ChatIntervalReport.queues(List.of(atThreshold), Interval.DAY, QUEUES).get(0).serviceLevelPercent())
                .isEqualTo(100.0);
    }

    @Test
    void nowCountsWaitingChatsAndTodaysOnes() {
        List<ChatSnapshot> waiting = CHATS.stream().filter(c -> c.answeredAt() == null && c.endedAt() == null)
                .toList();
        assertThat(ChatQueueNow.of(waiting, CHATS, QUEUES, T0.plusSeconds(3630))).containsExactly(
                new ChatQueueNow("700", 1, 30.0, 5, 3, 1), new ChatQueueNow("sales", 0, 0.0, 1, 1, 0));
    }

    /** {@code answered} or {@code ended} -1: not (yet); seconds after 09:00. */
    private static ChatSnapshot chat(long id, String queue, int created, int answered, int ended, long agent) {
        ChatState state = ended >= 0 ? ChatState.ENDED : answered >= 0 ? ChatState.ACTIVE : ChatState.WAITING;
        return new ChatSnapshot(id, 1, queue, visitor(), state, answered >= 0 ? agent(agent) : null,
                T0.plusSeconds(created), answered >= 0 ? T0.plusSeconds(answered) : null,
                ended >= 0 ? T0.plusSeconds(ended) : null, ended < 0 ? null
                : answered >= 0 ? ChatParty.AGENT : ChatParty.VISITOR, List.of());
    }

    private static ChatAgent agent(long userId) {
        return new ChatAgent(userId, "10" + userId, "Agent " + userId);
    }

    private static ChatVisitor visitor() {
        return new ChatVisitor("Visitor", null, null, "127.0.0.1");
    }
}
