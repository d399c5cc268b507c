package com.crosspoint.acd.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.AgentPicker;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.CallbackReport;
import com.crosspoint.acd.CallbackRequest;
import com.crosspoint.acd.CollectingListener;
import com.crosspoint.acd.ContactCenter;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueCallRecord;
import com.crosspoint.acd.QueueCalls;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.QueueEntry;
import com.crosspoint.acd.QueueStats;
import com.crosspoint.acd.Strategy;
import com.crosspoint.call.CallOrigination;
import com.crosspoint.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A callback's calls and tries, with a fake call placer, an in-memory store and a fake clock. */
class CallbackCallsTest {
    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    /** One retry, 30 s after a failed try. */
    private static final QueueConfig QUEUE = new QueueConfig(1, 1, "600", "Support", Strategy.LONGEST_IDLE, 0, 0,
            null, 0, 15, 3, 0, 20, null, 0, 60, false, 1, 30);

    private record Placed(CallOrigination.Placement placement, CallOrigination.Progress progress) {
    }

    private final MutableClock clock = new MutableClock(T0);
    private final CollectingListener heard = new CollectingListener();
    private final List<QueueCallRecord> records = heard.records;
    private final List<CallbackReport> reports = heard.callbacks;
    private final List<Placed> placed = new ArrayList<>();
    private final CallbackStore store = new CallbackStore();
    private ContactCenter center;
    private CallbackCalls callbacks;

    @BeforeEach
    void setUp() {
        center = new ContactCenter(clock, new AgentPicker(n -> 0), heard);
        center.configure(QUEUE, List.of(new Member(1, 11, Map.of())));
        callbacks = new CallbackCalls(center, new QueueCalls(center), store, heard, clock);
        callbacks.start((placement, progress) -> {
            placed.add(new Placed(placement, progress));
            return "call-" + placed.size();
        });
    }

    private long waitingCaller(String number) {
        long id = center.join(1, number, "Ann", false, offer -> { }).entryId();
        clock.advance(Duration.ofSeconds(10));
        return id;
    }

    private void agentLogsIn() {
        center.agent(new AgentBoard.Login(1, 11, "1011", 0));
    }

    private QueueStats.Callbacks counted() {
        return center.stats(1).get(0).callbacks();
    }

    @Test
    void aKeptCallbackIsStoredAtOnceThenRingsTheAgentFirstShowingTheCaller() {
        long entry = waitingCaller("2001");

        assertThat(callbacks.keep(QUEUE, entry, "5551234", "Ann")).isTrue();

        assertThat(store.callbacks()).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo("5551234");
            assertThat(r.joinedAt()).isEqualTo(T0);
        });
        assertThat(reports).extracting(CallbackReport::step).containsExactly(CallbackReport.Step.REQUESTED);
        agentLogsIn();
        assertThat(placed).singleElement().satisfies(p -> assertThat(p.placement()).isEqualTo(
                new CallOrigination.Placement(1, "1011", 15, "5551234", "Callback 5551234", true)));
    }

    @Test
    void theCallerAnsweringServesTheCallbackAndTheAgentsCallEndsInWrapUp() {
        callbacks.keep(QUEUE, waitingCaller("2001"), "2001", "Ann");
        agentLogsIn();
        CallOrigination.Progress call = placed.get(0).progress();

        call.firstAnswered();
        call.connected();

        assertThat(counted()).isEqualTo(new QueueStats.Callbacks(1, 1, 0, 0));
        assertThat(store.callbacks()).isEmpty();
        assertThat(center.agentState(11).orElseThrow().status()).isEqualTo(AgentStatus.ON_CALL);
        clock.advance(Duration.ofSeconds(60));
        call.ended(true, 200);
        assertThat(center.agentState(11).orElseThrow().status()).isEqualTo(AgentStatus.AVAILABLE);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.callback()).isTrue();
            assertThat(r.outcome()).isEqualTo(QueueCallRecord.Outcome.ANSWERED);
            assertThat(r.talkMillis()).isEqualTo(60_000);
        });
        assertThat(reports).extracting(CallbackReport::step)
                .containsExactly(CallbackReport.Step.REQUESTED, CallbackReport.Step.SERVED);
    }

    @Test
    void aCallerWhoDoesNotAnswerIsTriedAgainAfterThePauseThenDroppedAfterTheLastRetry() {
        long entry = waitingCaller("2001");
        callbacks.keep(QUEUE, entry, "2001", "Ann");
        agentLogsIn();
        placed.get(0).progress().firstAnswered();

        placed.get(0).progress().ended(false, 480);

        assertThat(store.callbacks()).singleElement().extracting(CallbackRequest::attempts).isEqualTo(1);
        assertThat(center.waiting(1)).extracting(QueueEntry::id).containsExactly(entry);
        assertThat(center.agentState(11).orElseThrow().missed()).isZero();
        clock.advance(Duration.ofSeconds(29));
        center.tick();
        assertThat(placed).as("not before the retry pause").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        center.tick();
        assertThat(placed).hasSize(2);

        placed.get(1).progress().firstAnswered();
        placed.get(1).progress().ended(false, 486);

        assertThat(center.waiting(1)).isEmpty();
        assertThat(store.callbacks()).isEmpty();
        assertThat(counted()).isEqualTo(new QueueStats.Callbacks(1, 0, 1, 0));
        assertThat(reports).extracting(CallbackReport::step).containsExactly(CallbackReport.Step.REQUESTED,
                CallbackReport.Step.RETRYING, CallbackReport.Step.FAILED);
        assertThat(reports.get(2).attempts()).isEqualTo(2);
        assertThat(records).singleElement().extracting(QueueCallRecord::outcome)
                .isEqualTo(QueueCallRecord.Outcome.CALLBACK_FAILED);
    }

    @Test
    void anAgentWhoDoesNotAnswerIsMissedAndNoTryIsCounted() {
        callbacks.keep(QUEUE, waitingCaller("2001"), "2001", "Ann");
        agentLogsIn();

        placed.get(0).progress().ended(false, 480);

        assertThat(center.agentState(11).orElseThrow().missed()).isEqualTo(1);
        assertThat(store.callbacks()).singleElement().extracting(CallbackRequest::attempts).isEqualTo(0);
        assertThat(center.waiting(1)).hasSize(1);
    }

    @Test
    void storedCallbacksComeBackIntoTheirQueueInTheOrderTheyJoined() {
        waitingCaller("2009"); // joined at T0, on the line
        store.addCallback(new CallbackRequest(0, 1, 1, "5550002", "", T0.plusSeconds(5), 1));
        store.addCallback(new CallbackRequest(0, 1, 1, "5550001", "", T0.minusSeconds(5), 0));
        store.addCallback(new CallbackRequest(0, 1, 9, "5550003", "", T0, 0)); // its queue is gone

        callbacks.start((placement, progress) -> null);

        assertThat(center.waiting(1)).extracting(QueueEntry::caller).containsExactly("5550001", "2009", "5550002");
        assertThat(callbacks.waiting()).isEqualTo(2);
    }

    @Test
    void aCallbackMovedToAnotherQueueIsStoredThereForARestart() {
        center.configure(new QueueConfig(2, 1, "601", "Sales", Strategy.LONGEST_IDLE, 0, 0, null, 0, 15, 3, 0, 20,
                null, 0, 60, false, 1, 30), List.of(new Member(2, 11, Map.of())));
        long entry = waitingCaller("2001");
        callbacks.keep(QUEUE, entry, "2001", "Ann");

        assertThat(center.move(entry, 1, 2).refusal()).isNull();

        assertThat(store.callbacks()).singleElement().extracting(CallbackRequest::queueId).isEqualTo(2L);
        agentLogsIn();
        assertThat(placed).singleElement().satisfies(p -> assertThat(p.placement().secondNumber())
                .isEqualTo("2001"));
    }

    @Test
    void noCallbackIsKeptForACallerNoLongerWaiting() {
        assertThat(callbacks.keep(QUEUE, 42, "2001", "Ann")).isFalse();
        assertThat(store.callbacks()).isEmpty();
        assertThat(reports).isEmpty();
    }
}
