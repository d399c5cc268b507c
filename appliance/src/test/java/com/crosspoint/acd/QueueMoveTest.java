package com.crosspoint.acd;

import static com.crosspoint.acd.Agents.T0;
import static com.crosspoint.acd.Agents.member;
import static com.crosspoint.acd.Agents.queue;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A supervisor moves a waiting caller from queue 1 (agent 1) to queue 2 (agent 2) of the same tenant. */
class QueueMoveTest {
    private final MutableClock clock = new MutableClock(T0);
    private final List<QueueCallRecord> records = new ArrayList<>();
    /** What the caller's holder heard, in order: "moved:queue" and "offer:queue". */
    private final List<String> heard = new ArrayList<>();
    private final EntrySink holder = new EntrySink() {
        @Override
        public void offer(Offer offer) {
            heard.add("offer:" + offer.entry().queueId());
        }

        @Override
        public void moved(QueueEntry entry) {
            heard.add("moved:" + entry.queueId());
        }
    };
    private ContactCenter center;

    @BeforeEach
    void setUp() {
        center = new ContactCenter(clock, new AgentPicker(n -> 0), new AcdListener() {
            @Override
            public void callRecorded(QueueCallRecord record) {
                records.add(record);
            }
        });
        center.configure(queue(1, Strategy.LONGEST_IDLE), List.of(member(1)));
        center.configure(queue(2, Strategy.LONGEST_IDLE), List.of(member(2)));
    }

    private long join(long queueId, String caller) {
        return center.join(queueId, caller, "", false, holder).entryId();
    }

    private void login(long userId) {
        center.agent(new AgentBoard.Login(1, userId, "100" + userId, 2));
    }

    @Test
    void theCallerJoinsTheEndOfTheOtherQueueKeepingItsJoinTimeAndIsOfferedThere() {
        long waitingThere = join(2, "2002");
        long moving = join(1, "2001");
        clock.advance(Duration.ofSeconds(30));

        Moved moved = center.move(moving, 1, 2);

        assertThat(moved.accepted()).isTrue();
        assertThat(moved.position()).as("behind the caller already waiting there").isEqualTo(2);
        assertThat(center.waiting(1)).isEmpty();
        assertThat(center.waiting(2)).extracting(QueueEntry::id).containsExactly(waitingThere, moving);
        assertThat(center.waiting(2).get(1).joinedAt()).isEqualTo(T0);
        assertThat(heard).containsExactly("moved:2");

        login(2);
        center.offerEnded(2, waitingThere, 2, java.util.Set.of(2L), java.util.Set.of());
        center.callEnded(2, 2, Duration.ofSeconds(10));

        assertThat(heard).containsExactly("moved:2", "offer:2", "offer:2");
    }

    @Test
    void theFirstQueueCountsItTransferredNotAbandonedAndTheSecondOffered() {
        long moving = join(1, "2001");
        clock.advance(Duration.ofSeconds(12));

        center.move(moving, 1, 2);

        QueueStats from = center.stats(1, 1).orElseThrow();
        QueueStats to = center.stats(1, 2).orElseThrow();
        assertThat(from.transferred()).isEqualTo(1);
        assertThat(from.abandoned()).isZero();
        assertThat(from.offered()).isEqualTo(1);
        assertThat(from.serviceLevelPercent()).as("a transfer is neither in nor out of the service level")
                .isEqualTo(100.0);
        assertThat(to.offered()).isEqualTo(1);
        assertThat(to.waiting()).isEqualTo(1);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.queueId()).isEqualTo(1);
            assertThat(r.outcome()).isEqualTo(QueueCallRecord.Outcome.TRANSFERRED);
            assertThat(r.waitMillis()).isEqualTo(12_000);
        });
    }

    @Test
    void aMoveToAQueueWithAFreeAgentOffersTheCallerThereAtOnce() {
        login(2);
        long moving = join(1, "2001");

        center.move(moving, 1, 2);

        assertThat(heard).containsExactly("moved:2", "offer:2");
        assertThat(center.agentState(2).orElseThrow().status()).isEqualTo(AgentStatus.RINGING);
    }

    @Test
    void aHolderStillNamingTheFirstQueueFindsItsCallerInTheSecond() {
        long moving = join(1, "2001");
        center.move(moving, 1, 2);

        assertThat(center.position(1, moving).position()).isEqualTo(1);
        center.leave(1, moving, ContactCenter.Outcome.ABANDONED);

        assertThat(center.waiting(2)).isEmpty();
        assertThat(center.stats(1, 2).orElseThrow().abandoned()).isEqualTo(1);
        assertThat(center.stats(1, 1).orElseThrow().abandoned()).isZero();
    }

    @Test
    void movesThatCannotBeAreRefusedAndChangeNothing() {
        center.configure(new QueueConfig(3, 2, "603", "Other tenant", Strategy.RING_ALL, 0, 0, null, 0, 15, 3, 0, 20,
                null, 0, 0, false), List.of());
        center.configure(new QueueConfig(4, 1, "604", "Full", Strategy.RING_ALL, 0, 1, null, 0, 15, 3, 0, 20,
                null, 0, 0, false), List.of());
        join(4, "2004");
        long waiting = join(1, "2001");

        assertThat(center.move(waiting, 1, 99).refusal()).isEqualTo(Moved.Refusal.NO_SUCH_QUEUE);
        assertThat(center.move(waiting, 1, 3).refusal()).isEqualTo(Moved.Refusal.NO_SUCH_QUEUE);
        assertThat(center.move(waiting, 1, 1).refusal()).isEqualTo(Moved.Refusal.SAME_QUEUE);
        assertThat(center.move(waiting, 1, 4).refusal()).isEqualTo(Moved.Refusal.FULL);
        assertThat(center.move(waiting + 100, 1, 2).refusal()).isEqualTo(Moved.Refusal.NOT_WAITING);
        login(1);
        assertThat(center.move(waiting, 1, 2).refusal()).as("agent 1 is being rung for it")
                .isEqualTo(Moved.Refusal.RINGING);

        assertThat(center.waiting(1)).extracting(QueueEntry::id).containsExactly(waiting);
        assertThat(center.stats(1, 1).orElseThrow().transferred()).isZero();
        assertThat(center.stats(1, 2).orElseThrow().offered()).isZero();
        assertThat(records).isEmpty();
    }
}
