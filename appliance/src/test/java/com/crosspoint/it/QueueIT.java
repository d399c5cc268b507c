package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.Strategy;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.acd.voice.AgentCodes;
import com.crosspoint.call.CallSnapshot;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.User;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.TestAppliance;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queues over real calls. 1001 (a caller sending 1 kHz) dials queue 600 (longest idle, 3 s to answer); agents
 * 1002 (never answers) and 1003 (answers at once, sending 440 Hz). Queue 601 has no agent logged in and overflows
 * to 1003 after 3 s. Agents log in, pause and log out by feature code and over REST.
 */
class QueueIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestAppliance pbx;
    private static AcdService acd;
    private static BaresipPhone caller;
    private static BaresipPhone silent;
    private static BaresipPhone answering;
    private static User silentAgent;
    private static User answeringAgent;
    private static QueueConfig sales;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Caller", "pw-caller-1001");
        silentAgent = pbx.user("1002", "Silent", "pw-silent-1002");
        answeringAgent = pbx.user("1003", "Answering", "pw-answer-1003");
        acd = pbx.appliance().acd();
        long tenant = pbx.tenant().id();
        sales = acd.create(new QueueConfig(0, tenant, "600", "Sales", Strategy.LONGEST_IDLE, 0, 0, null, 0, 3, 3, 0,
                20, null, 0, 0, false));
        acd.setMembers(tenant, sales.id(), List.of(new Member(0, silentAgent.id(), Map.of()),
                new Member(0, answeringAgent.id(), Map.of())));
        QueueConfig overflowing = acd.create(new QueueConfig(0, tenant, "601", "Night", Strategy.RING_ALL, 3, 0,
                "1003", 0, 3, 3, 0, 20, null, 0, 0, false));
        acd.setMembers(tenant, overflowing.id(), List.of(new Member(0, silentAgent.id(), Map.of())));
        caller = BaresipPhone.builder(pbx.uri("1001")).password("pw-caller-1001").tone(1000)
                .answerMode(AnswerMode.MANUAL).start();
        silent = BaresipPhone.builder(pbx.uri("1002")).password("pw-silent-1002").answerMode(AnswerMode.MANUAL)
                .start();
        answering = BaresipPhone.builder(pbx.uri("1003")).password("pw-answer-1003").tone(440)
                .answerMode(AnswerMode.AUTO).start();
        caller.awaitRegistered(WAIT);
        silent.awaitRegistered(WAIT);
        answering.awaitRegistered(WAIT);
    }

    @AfterAll
    static void stop() {
        BaresipPhone.closeAll(caller, silent, answering);
        pbx.close();
    }

    @BeforeEach
    void quiet() throws InterruptedException {
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
        for (User agent : List.of(silentAgent, answeringAgent)) {
            if (acd.center().agentState(agent.id()).isPresent()) {
                acd.change(agent, new AgentBoard.Logout(agent.id()));
            }
        }
        caller.clearEvents();
        silent.clearEvents();
        answering.clearEvents();
        Thread.sleep(1_100); // a new second: each call gets its own recording file (1 s resolution)
    }

    @Test
    void aCallerWaitsHearingTheQueueThenAnAgentAnswersAndTheyTalk() throws Exception {
        caller.dial(pbx.uri("600"));
        caller.awaitEvent("CALL_ESTABLISHED", WAIT);
        assertThat(onlyCall().connectedTo()).isEqualTo("queue 600");
        Thread.sleep(6_000); // position announcement (about 3.5 s), then music: nobody is logged in

        acd.change(answeringAgent, acd.login(answeringAgent));

        answering.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(WAIT).until(() -> "1003".equals(onlyCall().connectedTo()));
        assertThat(acd.center().agentState(answeringAgent.id()).orElseThrow().status())
                .isEqualTo(AgentStatus.ON_CALL);
        Thread.sleep(3_000); // they talk
        caller.hangup();
        answering.awaitEvent("CALL_CLOSED", WAIT);

        await().atMost(WAIT).until(() -> lastCdr() != null && "600".equals(lastCdr().callee()));
        assertThat(lastCdr().answeredBy()).isEqualTo("1003");
        assertThat(lastCdr().disposition()).isEqualTo(Disposition.ANSWERED);
        await().atMost(WAIT).until(() -> acd.center().agentState(answeringAgent.id()).orElseThrow().status()
                == AgentStatus.AVAILABLE); // wrap-up 0: free again when the call ended
        await().atMost(WAIT).until(() -> caller.recordings().size() > 0);
        Path heard = caller.recordings().get(caller.recordings().size() - 1);
        AudioAnalysis announced = AudioAnalysis.between(heard, 0.5, 3);
        AudioAnalysis music = AudioAnalysis.between(heard, 4.5, 6);
        assertThat(announced.rms()).as("the position announcement").isGreaterThan(0.01);
        assertThat(music.rms()).as("music after the announcement").isGreaterThan(0.01);
        assertThat(music.containsTone(440)).as("no ringback or agent while waiting").isFalse();
        assertThat(AudioAnalysis.secondsWithTone(heard, 440)).as("seconds of the agent's 440 Hz heard by the caller")
                .isBetween(1, 5);
        Path agentHeard = answering.recordings().get(answering.recordings().size() - 1);
        assertThat(AudioAnalysis.secondsWithTone(agentHeard, 1000)).as("seconds of the caller's 1 kHz heard by the agent")
                .isBetween(1, 5);
        assertThat(acd.center().stats(pbx.tenant().id(), sales.id()).orElseThrow().answered()).isPositive();
    }

    @Test
    void anAgentWhoDoesNotAnswerIsSkippedAndMarkedAndTheNextOneAnswers() throws Exception {
        acd.change(silentAgent, acd.login(silentAgent)); // idle longest: offered first
        Thread.sleep(50);
        acd.change(answeringAgent, acd.login(answeringAgent));

        caller.dial(pbx.uri("600"));
        silent.awaitEvent("CALL_INCOMING", WAIT);
        assertThat(answering.events()).noneMatch(e -> e.isType("CALL_INCOMING"));

        answering.awaitEvent("CALL_ESTABLISHED", WAIT); // 3 s later
        silent.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).until(() -> "1003".equals(onlyCall().connectedTo()));
        var skipped = acd.center().agentState(silentAgent.id()).orElseThrow();
        assertThat(skipped.missed()).isEqualTo(1);
        assertThat(skipped.status()).isEqualTo(AgentStatus.AVAILABLE);
        caller.hangup();
        answering.awaitEvent("CALL_CLOSED", WAIT);
    }

    @Test
    void aCallerWaitingLongerThanTheQueueAllowsOverflowsToItsTarget() throws Exception {
        caller.dial(pbx.uri("601"));
        caller.awaitEvent("CALL_ESTABLISHED", WAIT);

        answering.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(WAIT).until(() -> "1003".equals(onlyCall().connectedTo()));
        caller.hangup();
        answering.awaitEvent("CALL_CLOSED", WAIT);

        await().atMost(WAIT).until(() -> lastCdr() != null && "601".equals(lastCdr().callee()));
        assertThat(lastCdr().answeredBy()).isEqualTo("1003");
        var stats = acd.center().stats(pbx.tenant().id()).stream().filter(s -> s.number().equals("601"))
                .findFirst().orElseThrow();
        assertThat(stats.overflowed()).isEqualTo(1);
        assertThat(stats.waiting()).isZero();
    }

    @Test
    void anAgentLogsInPausesAndLogsOutByFeatureCodeAndOverRest() throws Exception {
        featureCode(AgentCodes.LOGIN);
        assertThat(status(silentAgent)).isEqualTo(AgentStatus.AVAILABLE);
        featureCode("*527");
        var paused = acd.center().agentState(silentAgent.id()).orElseThrow();
        assertThat(paused.status()).isEqualTo(AgentStatus.PAUSED);
        assertThat(paused.pauseReason()).isEqualTo("code 7");
        featureCode(AgentCodes.RESUME);
        assertThat(status(silentAgent)).isEqualTo(AgentStatus.AVAILABLE);

        AdminApi api = new AdminApi(pbx.appliance().httpPort(), "admin", "admin-secret");
        HttpResponse<String> put = api.exchange("PUT", "/tenants/" + pbx.tenant().id() + "/agents/"
                + silentAgent.id(), "{\"status\":\"PAUSED\",\"reason\":\"training\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(acd.center().agentState(silentAgent.id()).orElseThrow().pauseReason()).isEqualTo("training");
        featureCode(AgentCodes.LOGOUT);
        assertThat(status(silentAgent)).isEqualTo(AgentStatus.LOGGED_OUT);
        assertThat(pbx.appliance().stores().acd().agents()).filteredOn(a -> a.userId() == silentAgent.id())
                .singleElement().extracting(a -> a.status()).isEqualTo(AgentStatus.LOGGED_OUT);
    }

    /** 1002 dials a feature code and hears the confirmation, after which the appliance hangs up. */
    private static void featureCode(String code) {
        silent.clearEvents();
        silent.dial(pbx.uri(code));
        silent.awaitEvent("CALL_ESTABLISHED", WAIT);
        silent.awaitEvent("CALL_CLOSED", WAIT);
    }

    private static AgentStatus status(User agent) {
        return acd.center().agentState(agent.id()).orElseThrow().status();
    }

    private static CallSnapshot onlyCall() {
        List<CallSnapshot> calls = pbx.appliance().activeCalls().list(pbx.tenant().id());
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    private static CallRecord lastCdr() {
        List<CallRecord> cdrs = pbx.appliance().stores().cdrs().search(pbx.tenant().id(), CdrStore.CdrFilter.any(), 0, 1);
        return cdrs.isEmpty() ? null : cdrs.get(0);
    }
}
