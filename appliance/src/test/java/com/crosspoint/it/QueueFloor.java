package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.AgentState;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.QueueStats;
import com.crosspoint.acd.Strategy;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.call.CallSnapshot;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.User;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The floor QueueIT works on: one appliance, two callers (1001 sending 1 kHz, 1005 sending 1.3 kHz), and three
 * agents: 1002 never answers, 1003 answers at once sending 440 Hz, 1004 answers at once sending 700 Hz.
 */
final class QueueFloor implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(30);

    final TestAppliance pbx;
    final AcdService acd;
    final BaresipPhone caller;
    final BaresipPhone secondCaller;
    final BaresipPhone silent;
    final BaresipPhone answering;
    final BaresipPhone third;
    final User silentAgent;
    final User answeringAgent;
    final User thirdAgent;

    QueueFloor() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Caller", "pw-caller-1001");
        pbx.user("1005", "Second", "pw-second-1005");
        silentAgent = pbx.user("1002", "Silent", "pw-silent-1002");
        answeringAgent = pbx.user("1003", "Answering", "pw-answer-1003");
        thirdAgent = pbx.user("1004", "Third", "pw-third-1004");
        acd = pbx.appliance().acd();
        caller = phone("1001", "pw-caller-1001", 1000, AnswerMode.MANUAL);
        secondCaller = phone("1005", "pw-second-1005", 1300, AnswerMode.MANUAL);
        silent = phone("1002", "pw-silent-1002", 0, AnswerMode.MANUAL);
        answering = phone("1003", "pw-answer-1003", 440, AnswerMode.AUTO);
        third = phone("1004", "pw-third-1004", 700, AnswerMode.AUTO);
        for (BaresipPhone p : phones()) {
            p.awaitRegistered(WAIT);
        }
    }

    private BaresipPhone phone(String extension, String password, double tone, AnswerMode mode) {
        BaresipPhone.Builder b = BaresipPhone.builder(pbx.uri(extension)).password(password).answerMode(mode);
        return (tone > 0 ? b.tone(tone) : b).start();
    }

    List<BaresipPhone> phones() {
        return List.of(caller, secondCaller, silent, answering, third);
    }

    List<User> agents() {
        return List.of(silentAgent, answeringAgent, thirdAgent);
    }

    /** A queue with the given strategy and timers, its other settings off. */
    QueueConfig queue(String number, Strategy strategy, int wrapUpSeconds, int serviceLevelSeconds,
                      int announceSeconds, List<Member> members) {
        return queue(new QueueConfig(0, pbx.tenant().id(), number, "Queue " + number, strategy, 0, 0, null,
                announceSeconds, 3, 3, wrapUpSeconds, serviceLevelSeconds, null, 0, 0, false), members);
    }

    QueueConfig queue(QueueConfig draft, List<Member> members) {
        QueueConfig q = acd.create(draft);
        acd.setMembers(pbx.tenant().id(), q.id(), members);
        return q;
    }

    static Member member(User agent) {
        return new Member(0, agent.id(), Map.of());
    }

    /** No call left, every agent logged out, no event left over. */
    void quiet() {
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
        for (User agent : agents()) {
            if (acd.center().agentState(agent.id()).isPresent()) {
                acd.change(agent, new AgentBoard.Logout(agent.id()));
            }
        }
        phones().forEach(BaresipPhone::clearEvents);
    }

    void login(User... agents) throws InterruptedException {
        for (User agent : agents) {
            acd.change(agent, acd.login(agent));
            Thread.sleep(20); // each logs in at its own instant: longest-idle has an order
        }
    }

    AgentState state(User agent) {
        return acd.center().agentState(agent.id()).orElseThrow();
    }

    void awaitStatus(User agent, AgentStatus status) {
        await(agent.extension() + " " + status + " (is " + state(agent) + ")").atMost(WAIT)
                .until(() -> state(agent).status() == status);
    }

    /**
     * {@code from} calls {@code number}; the queue hands it to {@code agent}, who talks a moment and is hung up on;
     * the other answering agent got no call meanwhile.
     */
    void servedBy(BaresipPhone from, String number, BaresipPhone agent, User agentUser) throws InterruptedException {
        phones().forEach(BaresipPhone::clearEvents);
        from.dial(pbx.uri(number));
        agent.awaitEvent("CALL_ESTABLISHED", WAIT);
        Thread.sleep(500);
        from.hangup();
        agent.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).until(() -> state(agentUser).status() != AgentStatus.ON_CALL);
        BaresipPhone other = agent == answering ? third : answering;
        assertThat(other.events()).as(other.name() + " got no call").noneMatch(e -> e.isType("CALL_ESTABLISHED"));
    }

    QueueStats stats(QueueConfig queue) {
        return acd.center().stats(pbx.tenant().id(), queue.id()).orElseThrow();
    }

    CallSnapshot onlyCall() {
        List<CallSnapshot> calls = pbx.appliance().activeCalls().list(pbx.tenant().id());
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    /** The tenant's CDRs, newest first. */
    List<CallRecord> cdrs(int max) {
        return pbx.appliance().stores().cdrs().search(pbx.tenant().id(), CdrStore.CdrFilter.any(), 0, max);
    }

    CallRecord lastCdr() {
        List<CallRecord> cdrs = cdrs(1);
        return cdrs.isEmpty() ? null : cdrs.get(0);
    }

    @Override
    public void close() {
        BaresipPhone.closeAll(phones().toArray(BaresipPhone[]::new));
        pbx.close();
    }
}
