package com.crosspoint.sip.b2bua;

import static com.crosspoint.sip.b2bua.FakeLeg.sdp;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.CallSettings;
import com.crosspoint.model.User;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A queue's application offers its caller to agents: every agent at once, the queue's ring time, no forwarding. */
class QueueOfferTest {
    private static final byte[] ALICE = sdp("alice", 4000);
    private static final byte[] BOB = sdp("bob", 5000);

    private FakeEnvironment env;
    private User alice;
    private FakeEnvironment.Started call;
    private FakeLeg queue;

    @BeforeEach
    void setUp() {
        env = new FakeEnvironment();
        alice = env.user("1001", 1);
        // agent 1002 forwards unanswered calls to 1003: a queue's offer must not follow that
        env.user("1002", new CallSettings(null, null, "1003", 30, false), 1);
        env.user("1003", 1);
        env.user("1004", 0);
        call = env.call(alice, "700", ALICE);
        queue = env.answering().get(0);
    }

    private void offer(String... agents) {
        call.call().transferFromApplication(queue, t -> t.toAgents(List.of(agents), 10));
        env.runLane();
    }

    @Test
    void everyAgentRingsAtOnceAndTheFirstToAnswerGetsTheCaller() {
        offer("1002", "1003");
        assertThat(env.dialled()).extracting(FakeLeg::toString).containsExactly("1002-1", "1003-1");

        env.dialled("1003-1").pickUp(BOB);
        env.runLane();
        call.caller().answerOffer(Response.OK, ALICE);

        assertThat(env.dialled("1002-1").log()).containsExactly("cancelled");
        assertThat(queue.log()).endsWith("offer answered by 1003", "released");
        assertThat(queue.log()).doesNotContain("ringback"); // the caller keeps the queue's music
        call.call().onBye(call.caller(), call.caller().request(Request.BYE, null));
        assertThat(env.records).singleElement().satisfies(r -> assertThat(r.answeredBy()).isEqualTo("1003"));
    }

    @Test
    void agentsWhoDoNotAnswerInTheQueuesTimeAreReportedWithoutForwarding() {
        offer("1002", "1004");
        env.advance(Duration.ofSeconds(9));
        assertThat(queue.log()).noneMatch(l -> l.startsWith("offer failed"));

        env.advance(Duration.ofSeconds(1));

        assertThat(queue.log()).last().isEqualTo("offer failed: {1002=NO_ANSWER, 1004=UNAVAILABLE}");
        assertThat(env.dialled()).extracting(FakeLeg::toString).containsExactly("1002-1");
        assertThat(queue.ended()).isFalse();
    }

    @Test
    void aBusyAgentIsReportedBusy() {
        offer("1002");
        env.dialled("1002-1").refuse(Response.BUSY_HERE);
        env.runLane();

        assertThat(queue.log()).last().isEqualTo("offer failed: {1002=BUSY}");
    }

    @Test
    void anUnknownAgentEndsTheOfferAtOnce() {
        offer("1999");

        assertThat(queue.log()).last().isEqualTo("offer failed: {1999=UNAVAILABLE}");
        assertThat(env.dialled()).isEmpty();
    }
}
