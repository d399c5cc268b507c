package com.crosspoint.it;

import static com.crosspoint.it.QueueFloor.WAIT;
import static com.crosspoint.it.QueueFloor.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.crosspoint.acd.AgentBoard;
import com.crosspoint.acd.AgentStatus;
import com.crosspoint.acd.Member;
import com.crosspoint.acd.QueueConfig;
import com.crosspoint.acd.QueueStats;
import com.crosspoint.acd.Strategy;
import com.crosspoint.acd.service.AcdService;
import com.crosspoint.acd.voice.AgentCodes;
import com.crosspoint.media.play.PromptLibrary;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.User;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.PcmWav;
import com.crosspoint.testing.PromptMatch;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queues over real calls, on one {@link QueueFloor} (callers 1001 and 1005; agents 1002 silent, 1003 and 1004
 * answering at once). Every queue rings an agent for 3 s; each test has its own queue, so its figures are its own.
 */
class QueueIT {
    private static QueueFloor floor;
    private static TestAppliance pbx;
    private static AcdService acd;
    private static BaresipPhone caller;
    private static BaresipPhone silent;
    private static BaresipPhone answering;
    private static BaresipPhone third;
    private static User silentAgent;
    private static User answeringAgent;
    private static User thirdAgent;
    private static QueueConfig sales;

    @BeforeAll
    static void start() {
        floor = new QueueFloor();
        pbx = floor.pbx;
        acd = floor.acd;
        caller = floor.caller;
        silent = floor.silent;
        answering = floor.answering;
        third = floor.third;
        silentAgent = floor.silentAgent;
        answeringAgent = floor.answeringAgent;
        thirdAgent = floor.thirdAgent;
        sales = floor.queue("600", Strategy.LONGEST_IDLE, 0, 20, 0,
                List.of(member(silentAgent), member(answeringAgent), member(thirdAgent)));
        floor.queue(new QueueConfig(0, pbx.tenant().id(), "601", "Night", Strategy.RING_ALL, 3, 0, "1003", 0, 3, 3,
                0, 20, null, 0, 0, false), List.of(member(silentAgent)));
    }

    @AfterAll
    static void stop() {
        floor.close();
    }

    @BeforeEach
    void quiet() throws InterruptedException {
        floor.quiet();
        Thread.sleep(1_100); // a new second: each call gets its own recording file (1 s resolution)
    }

    @Test
    void aCallerWaitsHearingTheQueueThenAnAgentAnswersAndTheyTalk() throws Exception {
        caller.dial(pbx.uri("600"));
        caller.awaitEvent("CALL_ESTABLISHED", WAIT);
        assertThat(floor.onlyCall().connectedTo()).isEqualTo("queue 600");
        Thread.sleep(6_000); // position announcement (about 3.5 s), then music: nobody is logged in

        acd.change(answeringAgent, acd.login(answeringAgent));

        answering.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(WAIT).until(() -> "1003".equals(floor.onlyCall().connectedTo()));
        assertThat(acd.center().agentState(answeringAgent.id()).orElseThrow().status())
                .isEqualTo(AgentStatus.ON_CALL);
        Thread.sleep(3_000); // they talk
        caller.hangup();
        answering.awaitEvent("CALL_CLOSED", WAIT);

        await().atMost(WAIT).until(() -> floor.lastCdr() != null && "600".equals(floor.lastCdr().callee()));
        assertThat(floor.lastCdr().answeredBy()).isEqualTo("1003");
        assertThat(floor.lastCdr().disposition()).isEqualTo(Disposition.ANSWERED);
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
        floor.login(silentAgent, answeringAgent); // 1002 idle longest: offered first

        caller.dial(pbx.uri("600"));
        silent.awaitEvent("CALL_INCOMING", WAIT);
        assertThat(answering.events()).noneMatch(e -> e.isType("CALL_INCOMING"));

        answering.awaitEvent("CALL_ESTABLISHED", WAIT); // 3 s later
        silent.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).until(() -> "1003".equals(floor.onlyCall().connectedTo()));
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
        await().atMost(WAIT).until(() -> "1003".equals(floor.onlyCall().connectedTo()));
        caller.hangup();
        answering.awaitEvent("CALL_CLOSED", WAIT);

        await().atMost(WAIT).until(() -> floor.lastCdr() != null && "601".equals(floor.lastCdr().callee()));
        assertThat(floor.lastCdr().answeredBy()).isEqualTo("1003");
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

    @Test
    void longestIdleOffersTheAgentIdleLongest() throws Exception {
        floor.login(thirdAgent, answeringAgent);

        floor.servedBy(caller, "600", third, thirdAgent); // and not 1003, who idled less
        floor.servedBy(caller, "600", answering, answeringAgent); // 1004 just had a call
    }

    @Test
    void skillsBasedOffersTheLevelOneAgentAndWidensAfterTheWait() throws Exception {
        QueueConfig billing = floor.queue(new QueueConfig(0, pbx.tenant().id(), "602", "Billing",
                Strategy.SKILLS_BASED, 0, 0, null, 0, 3, 3, 0, 20, "billing", 3, 0, false),
                List.of(new Member(0, answeringAgent.id(), Map.of("billing", 2)),
                        new Member(0, thirdAgent.id(), Map.of("billing", 1))));
        floor.login(answeringAgent, thirdAgent); // 1003 idle longest, but level 2

        floor.servedBy(caller, "602", third, thirdAgent); // not 1003

        acd.change(thirdAgent, new AgentBoard.Pause(thirdAgent.id(), "lunch"));
        double waited = answeredAfter("602", answering);
        assertThat(waited).as("level 2 admitted only after 3 s of waiting").isBetween(2.0, 6.0);
        caller.hangup();
        answering.awaitEvent("CALL_CLOSED", WAIT);
        assertThat(floor.stats(billing).answered()).isEqualTo(2);
    }

    @Test
    void ringAllRingsEveryFreeAgentAndTheOthersAreNotCountedAsMissing() throws Exception {
        floor.queue("603", Strategy.RING_ALL, 0, 20, 0, List.of(member(silentAgent), member(answeringAgent)));
        floor.login(silentAgent, answeringAgent);

        floor.servedBy(caller, "603", answering, answeringAgent);
        assertThat(silent.events()).as("1002 rang too").anyMatch(e -> e.isType("CALL_INCOMING"));
        silent.awaitEvent("CALL_CLOSED", WAIT);
        assertThat(floor.state(silentAgent).missed()).isZero();
        assertThat(floor.state(silentAgent).status()).isEqualTo(AgentStatus.AVAILABLE);
    }

    @Test
    void roundRobinTakesTheMembersInTurn() throws Exception {
        floor.queue("604", Strategy.ROUND_ROBIN, 0, 20, 0, List.of(member(answeringAgent), member(thirdAgent)));
        floor.login(thirdAgent, answeringAgent);

        floor.servedBy(caller, "604", answering, answeringAgent);
        floor.servedBy(caller, "604", third, thirdAgent);
        floor.servedBy(caller, "604", answering, answeringAgent);
    }

    @Test
    void fewestCallsOffersTheAgentWithFewestCallsThoughAnotherIdledLonger() throws Exception {
        floor.queue("609", Strategy.FEWEST_CALLS, 0, 20, 0, List.of(member(answeringAgent), member(thirdAgent)));
        floor.login(answeringAgent);
        floor.servedBy(caller, "609", answering, answeringAgent);
        floor.servedBy(caller, "609", answering, answeringAgent);
        floor.login(thirdAgent); // idle for less time than 1003, who has answered 2 calls

        floor.servedBy(caller, "609", third, thirdAgent); // 0 calls against 2 (longest-idle would pick 1003)
        floor.servedBy(caller, "609", third, thirdAgent); // 1 against 2
        floor.servedBy(caller, "609", answering, answeringAgent); // 2 each: then the one idle longest
        assertThat(floor.state(answeringAgent).callsAnswered()).isEqualTo(3);
        assertThat(floor.state(thirdAgent).callsAnswered()).isEqualTo(2);
    }

    @Test
    void wrapUpHoldsTheNextCallUntilItIsOver() throws Exception {
        floor.queue("605", Strategy.LONGEST_IDLE, 3, 20, 0, List.of(member(thirdAgent)));
        floor.login(thirdAgent);
        floor.servedBy(caller, "605", third, thirdAgent);
        long ended = System.nanoTime();
        assertThat(floor.state(thirdAgent).status()).isEqualTo(AgentStatus.WRAP_UP);

        third.clearEvents();
        caller.clearEvents();
        caller.dial(pbx.uri("605"));
        third.awaitEvent("CALL_ESTABLISHED", WAIT);
        double held = (System.nanoTime() - ended) / 1e9;
        assertThat(held).as("wrap-up of 3 s before the next call").isBetween(2.5, 8.0);
        caller.hangup();
        third.awaitEvent("CALL_CLOSED", WAIT);
    }

    @Test
    void aCallerHangingUpJustAsTheAgentAnswersLeavesTheAgentFree() throws Exception {
        QueueConfig racing = floor.queue("608", Strategy.LONGEST_IDLE, 0, 20, 0, List.of(member(thirdAgent)));
        floor.login(thirdAgent);
        caller.dial(pbx.uri("608"));
        third.awaitEvent("CALL_ESTABLISHED", WAIT);
        caller.hangup(); // while the caller may still be moved over to the agent

        third.awaitEvent("CALL_CLOSED", WAIT);
        floor.awaitStatus(thirdAgent, AgentStatus.AVAILABLE);
        await().atMost(WAIT).until(() -> floor.stats(racing).waiting() == 0);
        QueueStats stats = floor.stats(racing);
        assertThat(stats.answered() + stats.abandoned()).as("counted once").isEqualTo(1);
    }

    @Test
    void theQueueFiguresMatchTheCallsMade() throws Exception {
        QueueConfig counted = floor.queue("606", Strategy.LONGEST_IDLE, 0, 2, 0, List.of(member(answeringAgent)));
        floor.login(answeringAgent);
        double fastWait = answeredAfter("606", answering); // at once: within the 2 s
        caller.hangup();
        answering.awaitEvent("CALL_CLOSED", WAIT);
        floor.awaitStatus(answeringAgent, AgentStatus.AVAILABLE);

        acd.change(answeringAgent, new AgentBoard.Logout(answeringAgent.id()));
        caller.clearEvents();
        caller.dial(pbx.uri("606"));
        caller.awaitEvent("CALL_ESTABLISHED", WAIT);
        Thread.sleep(1_000);
        caller.hangup(); // abandoned after about 1 s
        caller.awaitEvent("CALL_CLOSED", WAIT);

        new Thread(() -> {
            sleepQuietly(3_500);
            acd.change(answeringAgent, acd.login(answeringAgent));
        }).start();
        double slowWait = answeredAfter("606", answering);
        caller.hangup();
        answering.awaitEvent("CALL_CLOSED", WAIT);

        QueueStats stats = floor.stats(counted);
        assertThat(stats.offered()).isEqualTo(3);
        assertThat(stats.answered()).isEqualTo(2);
        assertThat(stats.abandoned()).isEqualTo(1);
        assertThat(stats.overflowed()).isZero();
        assertThat(stats.waiting()).isZero();
        assertThat(stats.answeredInTime()).as("only the first within 2 s").isEqualTo(1);
        assertThat(stats.serviceLevelPercent()).isCloseTo(100.0 / 3, within(0.01));
        assertThat(stats.averageAnswerSeconds()).isCloseTo((fastWait + slowWait) / 2, within(0.6));
        await().atMost(WAIT).until(() -> floor.cdrs(50).stream().filter(c -> "606".equals(c.callee())).count() == 3);
        List<CallRecord> cdrs = floor.cdrs(50).stream().filter(c -> "606".equals(c.callee())).toList();
        assertThat(cdrs).filteredOn(c -> "1003".equals(c.answeredBy())).hasSize(stats.answered());

        JsonNode rest = new AdminApi(pbx.appliance().httpPort(), "admin", "admin-secret")
                .get("/tenants/" + pbx.tenant().id() + "/queues/" + counted.id() + "/stats");
        assertThat(rest.path("offered").asInt()).isEqualTo(3);
        assertThat(rest.path("abandoned").asInt()).isEqualTo(1);
        assertThat(rest.path("averageAnswerSeconds").asDouble()).isEqualTo(stats.averageAnswerSeconds());

        // the same calls in the stored history (an answered one is stored when its call ended)
        AdminApi api = new AdminApi(pbx.appliance().httpPort(), "admin", "admin-secret");
        String day = "/tenants/" + pbx.tenant().id() + "/acd/history/queues?interval=DAY&from="
                + java.time.Instant.now().minusSeconds(3_600) + "&to=" + java.time.Instant.now().plusSeconds(3_600);
        await().atMost(WAIT).until(() -> historyOf(api.get(day), counted).path("answered").asInt() == 2);
        JsonNode stored = historyOf(api.get(day), counted);
        assertThat(stored.path("offered").asInt()).isEqualTo(3);
        assertThat(stored.path("abandoned").asInt()).isEqualTo(1);
        assertThat(stored.path("serviceLevelPercent").asDouble()).isCloseTo(100.0 / 3, within(0.01));
        assertThat(stored.path("averageAnswerSeconds").asDouble()).isCloseTo(stats.averageAnswerSeconds(), within(0.05));
        assertThat(stored.path("averageAbandonSeconds").asDouble()).as("hung up after about 1 s").isBetween(0.8, 2.5);
    }

    @Test
    void callersHearTheirPositionAndItMovesUpWhenTheOneAheadLeaves() throws Exception {
        QueueConfig positions = floor.queue("607", Strategy.RING_ALL, 0, 20, 5, List.of(member(silentAgent)));
        BaresipPhone second = floor.secondCaller;
        caller.dial(pbx.uri("607"));
        caller.awaitEvent("CALL_ESTABLISHED", WAIT);
        second.dial(pbx.uri("607"));
        second.awaitEvent("CALL_ESTABLISHED", WAIT);
        Thread.sleep(3_000);
        caller.hangup(); // the one ahead abandons: 1005's next announcement (at 5 s) says one
        Thread.sleep(4_500);
        second.hangup();
        second.awaitEvent("CALL_CLOSED", WAIT);

        PromptLibrary prompts = PromptLibrary.english(null);
        double[] one = PromptMatch.slice(prompts.samples("one"), 0, prompts.samples("one").length);
        double[] two = PromptMatch.slice(prompts.samples("two"), 0, prompts.samples("two").length);
        double[] first = PromptMatch.at8k(PcmWav.read(last(caller)));
        double[] behind = PromptMatch.at8k(PcmWav.read(last(second)));
        assertThat(PromptMatch.matches(first, one)).as("1001 hears 'position one'").hasSize(1);
        assertThat(PromptMatch.matches(first, two)).isEmpty();
        List<Integer> secondHeardTwo = PromptMatch.matches(behind, two);
        List<Integer> secondHeardOne = PromptMatch.matches(behind, one);
        assertThat(secondHeardTwo).as("1005 hears 'position two' at joining").hasSize(1);
        assertThat(secondHeardOne).as("then 'position one'").hasSize(1);
        assertThat(secondHeardOne.get(0)).isGreaterThan(secondHeardTwo.get(0));
        assertThat(floor.stats(positions).abandoned()).isEqualTo(2);
    }

    /** The caller dials {@code number}; seconds from the queue answering it until {@code agent} has the call. */
    private static double answeredAfter(String number, BaresipPhone agent) {
        caller.clearEvents();
        agent.clearEvents();
        caller.dial(pbx.uri(number));
        caller.awaitEvent("CALL_ESTABLISHED", WAIT);
        long joined = System.nanoTime();
        agent.awaitEvent("CALL_ESTABLISHED", WAIT);
        double waited = (System.nanoTime() - joined) / 1e9;
        sleepQuietly(500); // they talk a moment
        return waited;
    }

    private static JsonNode historyOf(JsonNode history, QueueConfig queue) {
        for (JsonNode row : history.path("rows")) {
            if (row.path("queueId").asLong() == queue.id()) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path last(BaresipPhone phone) {
        await().atMost(WAIT).until(() -> !phone.recordings().isEmpty());
        return phone.recordings().get(phone.recordings().size() - 1);
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
}
