package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.CallbackReport;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueCallRecord;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.QueueEntry;
import com.crosspoint.acd.QueueStats;
import com.crosspoint.acd.Strategy;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.call.CallSnapshot;
import com.crosspoint.events.AcdEvent;
import com.crosspoint.model.User;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipEvent;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.TestAppliance;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A callback that keeps the caller's place, with real phones: the caller 1001 (sending 1 kHz) waits in a queue,
 * presses 1, confirms their number with 1 and is hung up on; 1005 and 1006 join behind. When the agent 1003
 * (sending 440 Hz, answering by hand) logs in, the callback is offered first: the agent's phone rings showing
 * "Callback 1001", the agent answers, 1001's phone rings, answers, and the two hear each other; then 1005, not
 * 1006, is next. A caller who refuses the callback's call, with no retry left, is dropped and reported.
 */
class CallbackIT {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static TestAppliance pbx;
    private static AcdService acd;
    private static BaresipPhone caller;
    private static BaresipPhone second;
    private static BaresipPhone third;
    private static BaresipPhone agent;
    private static User agentUser;
    private static final List<CallbackReport> reported = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Caller", "pw-caller-1001");
        pbx.user("1005", "Second", "pw-second-1005");
        pbx.user("1006", "Third", "pw-third-1006");
        agentUser = pbx.user("1003", "Agent", "pw-agent-1003");
        acd = pbx.appliance().acd();
        caller = phone("1001", "pw-caller-1001", 1000);
        second = phone("1005", "pw-second-1005", 1300);
        third = phone("1006", "pw-third-1006", 1700);
        agent = phone("1003", "pw-agent-1003", 440);
        for (BaresipPhone p : List.of(caller, second, third, agent)) {
            p.awaitRegistered(WAIT);
        }
        pbx.appliance().events().subscribe("callback-it", e -> {
            if (e instanceof AcdEvent a && a.callback() != null) {
                reported.add(a.callback());
            }
        });
    }

    @AfterAll
    static void stop() {
        BaresipPhone.closeAll(caller, second, third, agent);
        pbx.close();
    }

    @BeforeEach
    void quiet() {
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
        if (acd.center().agentState(agentUser.id()).isPresent()) {
            acd.change(agentUser, new AgentBoard.Logout(agentUser.id()));
        }
        List.of(caller, second, third, agent).forEach(BaresipPhone::clearEvents);
        reported.clear();
    }

    @Test
    void theCallbackKeepsThePlaceIsServedBeforeLaterCallersAndBothPartiesHearEachOther() throws Exception {
        QueueConfig queue = queue("620", 1);
        Instant before = Instant.now();
        asksForACallback(caller, pbx.uri("620"));
        List<QueueEntry> kept = acd.center().waiting(queue.id());
        assertThat(kept).singleElement().satisfies(e -> {
            assertThat(e.callback()).isTrue();
            assertThat(e.caller()).isEqualTo("1001");
        });
        assertThat(pbx.appliance().stores().acd().callbacks()).singleElement()
                .satisfies(c -> assertThat(c.number()).isEqualTo("1001"));
        joins(second, "620");
        joins(third, "620");
        List<QueueEntry> waiting = acd.center().waiting(queue.id());
        assertThat(waiting).extracting(QueueEntry::caller).containsExactly("1001", "1005", "1006");
        assertThat(waiting.get(0).joinedAt()).as("the callback kept the caller's join time")
                .isEqualTo(kept.get(0).joinedAt()).isBefore(waiting.get(1).joinedAt());

        acd.change(agentUser, acd.login(agentUser));

        BaresipEvent ring = agent.awaitEvent("CALL_INCOMING", WAIT);
        assertThat(ring.peerUri()).contains("1001");
        assertThat(ring.json().path("peerdisplayname").asText()).isEqualTo("Callback 1001");
        assertThat(caller.events()).as("the agent is rung first").noneMatch(e -> e.isType("CALL_INCOMING"));
        agent.accept();
        caller.awaitEvent("CALL_INCOMING", WAIT);
        caller.accept();
        caller.awaitEvent("CALL_RTPESTAB", WAIT);
        agent.awaitEvent("CALL_RTPESTAB", WAIT);
        await().atMost(WAIT).until(() -> stats(queue).callbacks().served() == 1);
        Thread.sleep(3_000); // they talk
        assertThat(acd.center().waiting(queue.id())).extracting(QueueEntry::caller).containsExactly("1005", "1006");
        caller.hangup();
        agent.awaitEvent("CALL_CLOSED", WAIT);

        await().atMost(WAIT).until(() -> !caller.recordings().isEmpty() && !agent.recordings().isEmpty());
        assertHears(caller, 440, "the agent's 440 Hz heard by the caller called back");
        assertHears(agent, 1000, "the caller's 1 kHz heard by the agent");

        await("the next in line offered to the agent").atMost(WAIT)
                .until(() -> agent.events().stream().filter(e -> e.isType("CALL_INCOMING")).count() == 2);
        agent.accept();
        await().atMost(WAIT).until(() -> callOf("1005") != null && "1003".equals(callOf("1005").connectedTo()));
        assertThat(acd.center().waiting(queue.id())).extracting(QueueEntry::caller).containsExactly("1006");
        second.hangup();
        third.hangup();
        agent.awaitEvent("CALL_CLOSED", WAIT);

        QueueStats.Callbacks callbacks = stats(queue).callbacks();
        assertThat(callbacks).isEqualTo(new QueueStats.Callbacks(1, 1, 0, 0));
        assertThat(pbx.appliance().stores().acd().callbacks()).isEmpty();
        assertThat(reported).extracting(CallbackReport::step)
                .containsExactly(CallbackReport.Step.REQUESTED, CallbackReport.Step.SERVED);
        await().atMost(WAIT).until(() -> records(queue, before).stream().anyMatch(QueueCallRecord::callback));
        assertThat(records(queue, before)).filteredOn(QueueCallRecord::callback).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(QueueCallRecord.Outcome.ANSWERED));
    }

    @Test
    void aCallerWhoRefusesTheLastTryIsDroppedAndReported() throws Exception {
        QueueConfig queue = queue("621", 0);
        Instant before = Instant.now();
        asksForACallback(caller, pbx.uri("621"));

        acd.change(agentUser, acd.login(agentUser));
        agent.awaitEvent("CALL_INCOMING", WAIT);
        agent.accept();
        caller.awaitEvent("CALL_INCOMING", WAIT);
        caller.hangup(); // refuses the call
        agent.awaitEvent("CALL_CLOSED", WAIT);

        await().atMost(WAIT).until(() -> stats(queue).callbacks().failed() == 1);
        assertThat(stats(queue).callbacks()).isEqualTo(new QueueStats.Callbacks(1, 0, 1, 0));
        assertThat(acd.center().waiting(queue.id())).isEmpty();
        assertThat(pbx.appliance().stores().acd().callbacks()).isEmpty();
        await().atMost(WAIT).until(() -> reported.stream().anyMatch(r -> r.step() == CallbackReport.Step.FAILED));
        assertThat(records(queue, before)).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(QueueCallRecord.Outcome.CALLBACK_FAILED));
        await().atMost(WAIT).until(() -> acd.center().agentState(agentUser.id()).orElseThrow().status()
                == com.crosspoint.acd.AgentStatus.AVAILABLE);
    }

    /**
     * {@code phone} calls the queue, waits for the callback offer (after the position is said), presses 1, then 1
     * again once its number is being read back, and is hung up on after the goodbye.
     */
    static void asksForACallback(BaresipPhone phone, String queueUri) throws InterruptedException {
        phone.dial(queueUri);
        phone.awaitEvent("CALL_ESTABLISHED", WAIT);
        Thread.sleep(8_000); // the position (about 3.5 s), then the offer from the next second on (4 s)
        phone.command("sndcode", "1");
        Thread.sleep(2_000);
        phone.command("sndcode", "1"); // confirms the number read back, after 3 s without another key
        phone.awaitEvent("CALL_CLOSED", WAIT);
    }

    private static void joins(BaresipPhone phone, String number) throws InterruptedException {
        phone.dial(pbx.uri(number));
        phone.awaitEvent("CALL_ESTABLISHED", WAIT);
        Thread.sleep(100); // a join time of its own
    }

    /** A queue of the agent alone, offering callbacks after 1 s, retrying {@code retries} times 10 s apart. */
    private static QueueConfig queue(String number, int retries) {
        QueueConfig q = acd.create(new QueueConfig(0, pbx.tenant().id(), number, "Queue " + number,
                Strategy.LONGEST_IDLE, 0, 0, null, 0, 20, 3, 0, 20, null, 0, 1, false, retries, 10));
        acd.setMembers(pbx.tenant().id(), q.id(), List.of(new Member(0, agentUser.id(), Map.of())));
        return q;
    }

    private static QueueStats stats(QueueConfig queue) {
        return acd.center().stats(pbx.tenant().id(), queue.id()).orElseThrow();
    }

    private static List<QueueCallRecord> records(QueueConfig queue, Instant from) {
        return pbx.appliance().stores().acd().callRecords(pbx.tenant().id(), from.minusSeconds(60),
                Instant.now().plusSeconds(60), 100).stream().filter(r -> r.queueId() == queue.id()).toList();
    }

    private static CallSnapshot callOf(String extension) {
        return pbx.appliance().activeCalls().list(pbx.tenant().id()).stream()
                .filter(c -> extension.equals(c.caller())).findFirst().orElse(null);
    }

    static void assertHears(BaresipPhone phone, double hz, String what) {
        Path heard = phone.recordings().get(phone.recordings().size() - 1);
        assertThat(AudioAnalysis.secondsWithTone(heard, hz)).as(what).isBetween(1, 10);
    }

    private static BaresipPhone phone(String extension, String password, double tone) {
        return BaresipPhone.builder(pbx.uri(extension)).password(password).answerMode(AnswerMode.MANUAL).tone(tone)
                .start();
    }
}
