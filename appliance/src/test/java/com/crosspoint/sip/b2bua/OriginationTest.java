package com.crosspoint.sip.b2bua;

import static com.crosspoint.sip.b2bua.FakeLeg.sdp;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.call.CallOrigination;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.User;
import com.crosspoint.routing.DialledCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A call the appliance places: the agent is rung first, then the customer is dialled from the agent's phone. */
class OriginationTest {
    private static final byte[] AGENT = sdp("agent", 4000);
    private static final byte[] CUSTOMER = sdp("customer", 5000);

    private FakeEnvironment env;
    private User agent;
    private final List<String> heard = new ArrayList<>();
    private B2buaCall call;

    @BeforeEach
    void setUp() {
        env = new FakeEnvironment(false); // no mailboxes: an unanswered customer is a failed call
        agent = env.user("1002", 1);
        env.user("1001", 1);
    }

    private void place(String number) {
        place(number, false);
    }

    private void place(String number, boolean inPerson) {
        Origin origin = new Origin(new CallOrigination.Progress() {
            @Override
            public void firstAnswered() {
                heard.add("agent answered");
            }

            @Override
            public void connected() {
                heard.add("connected");
            }

            @Override
            public void ended(boolean connected, int status) {
                heard.add("ended " + (connected ? "after talking" : "failed") + " " + status);
            }
        }, inPerson);
        OriginEnvironment placed = new OriginEnvironment(env, origin);
        DialledCall dialled = new DialledCall(FakeEnvironment.TENANT, agent, number,
                OptionalLong.of(FakeEnvironment.TENANT.id()));
        call = new B2buaCall(placed, "callback-1", dialled, 70, origin::standIn);
        origin.ringFirst(placed, agent, 15, new Dialer.Party(number, "Callback"), env.dialPlan().route(dialled));
        env.runLane();
    }

    @Test
    void theAgentIsRungFirstWithoutAnOfferAndTheCustomerGetsTheAgentsOffer() {
        place("1001");
        assertThat(env.offers).containsExactly("1002 offered nothing");

        env.dialled("1002-1").pickUp(AGENT);
        env.runLane();
        assertThat(env.offers).containsExactly("1002 offered nothing", "1001 offered agent");
        assertThat(heard).containsExactly("agent answered");

        env.dialled("1001-1").pickUp(CUSTOMER);
        env.runLane();
        assertThat(env.dialled("1002-1").log()).contains("answered with customer"); // the ACK carries the answer
        assertThat(heard).containsExactly("agent answered", "connected");

        FakeLeg customer = env.dialled("1001-1");
        call.onBye(customer, customer.request(Request.BYE, null));
        assertThat(env.dialled("1002-1").log()).last().isEqualTo("bye");
        assertThat(heard).last().isEqualTo("ended after talking 200");
        assertThat(env.records).singleElement().satisfies(r -> {
            assertThat(r.disposition()).isEqualTo(Disposition.ANSWERED);
            assertThat(r.caller()).isEqualTo("1002");
            assertThat(r.callee()).isEqualTo("1001");
        });
    }

    @Test
    void anAgentWhoDoesNotAnswerEndsTheCallAndNobodyElseIsDialled() {
        place("1001");
        env.advance(Duration.ofSeconds(14));
        assertThat(heard).isEmpty();

        env.advance(Duration.ofSeconds(1));

        assertThat(heard).containsExactly("ended failed 480");
        assertThat(env.dialled()).extracting(FakeLeg::toString).containsExactly("1002-1");
        assertThat(env.records).singleElement().satisfies(r ->
                assertThat(r.disposition()).isEqualTo(Disposition.NO_ANSWER));
    }

    @Test
    void aBusyCustomerHangsUpTheAgentAndFails() {
        place("1001");
        env.dialled("1002-1").pickUp(AGENT);
        env.runLane();

        env.dialled("1001-1").refuse(Response.BUSY_HERE);
        env.runLane();

        assertThat(env.dialled("1002-1").log()).last().isEqualTo("rejected 486");
        assertThat(heard).containsExactly("agent answered", "ended failed 486");
    }

    @Test
    void aBusyCustomerWantedInPersonIsNotForwardedToTheirMailbox() {
        env = new FakeEnvironment(true);
        agent = env.user("1002", 1);
        env.user("1001", 1);
        place("1001", true);
        env.dialled("1002-1").pickUp(AGENT);
        env.runLane();

        env.dialled("1001-1").refuse(Response.BUSY_HERE);
        env.runLane();

        assertThat(env.dialled("1002-1").log()).last().isEqualTo("rejected 486");
        assertThat(heard).containsExactly("agent answered", "ended failed 486");
    }

    @Test
    void aNumberThatIsNoPersonIsRefusedWithoutDialling() {
        place("700"); // the menu: the appliance would answer the agent itself
        env.dialled("1002-1").pickUp(AGENT);
        env.runLane();

        assertThat(env.answering()).isEmpty();
        assertThat(env.dialled()).extracting(FakeLeg::toString).containsExactly("1002-1");
        assertThat(heard).containsExactly("agent answered", "ended failed 480");
        assertThat(env.dialled("1002-1").log()).last().isEqualTo("rejected 480");
    }

    @Test
    void endingTheCallWhileTheAgentRingsStopsTheRinging() {
        place("1001");

        call.hangUp();

        assertThat(env.dialled("1002-1").log()).contains("cancelled");
        assertThat(heard).containsExactly("ended failed 480");
    }
}
