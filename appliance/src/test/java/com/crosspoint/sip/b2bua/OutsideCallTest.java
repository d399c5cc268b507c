package com.crosspoint.sip.b2bua;

import static com.crosspoint.sip.b2bua.FakeLeg.sdp;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.Disposition;
import com.crosspoint.model.User;
import com.crosspoint.trunk.GatewayRoute;
import com.crosspoint.trunk.TrunkTarget;
import com.crosspoint.trunk.Trunks;
import java.time.Duration;
import java.util.List;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls out of the PBX without a network: the dial plan's outside rules, the trunk servers tried in turn, failover
 * on silence and 503, the far end's refusals passed on, with {@link FakeLeg}s for the phone and the servers.
 */
class OutsideCallTest {
    private static final byte[] ALICE = sdp("alice", 4000);
    private static final byte[] CARRIER = sdp("carrier", 7000);
    private static final TrunkTarget PRIMARY = TrunkTarget.parse("192.0.2.1:5060");
    private static final TrunkTarget SECONDARY = TrunkTarget.parse("192.0.2.2:5060");
    private static final TrunkTarget GATEWAY = TrunkTarget.parse("192.0.2.9:5060");
    private static final Duration SILENCE = Duration.ofSeconds(3);

    private final FakeEnvironment env = new FakeEnvironment();
    private Trunks trunks;
    private User alice;

    @BeforeEach
    void pbx() {
        alice = env.user("1001", 1);
        trunks = new Trunks(List.of(PRIMARY, SECONDARY), List.of(new GatewayRoute("+1212", GATEWAY)), 2);
        env.outside(trunks, "+16465550100", SILENCE);
    }

    @Test
    void anOutsideNumberGoesToARouterInE164AndTheCallConnects() {
        FakeEnvironment.Started call = env.call(alice, "6175551234", ALICE);
        FakeLeg router = env.dialled("+16175551234@192.0.2.1:5060");
        router.ring();
        router.pickUp(CARRIER);
        env.runLane();
        call.call().onBye(call.caller(), call.caller().request(Request.BYE, null));

        assertThat(call.caller().log()).containsExactly("ringing 180", "answered with carrier", "replied BYE 200");
        assertThat(router.log()).contains("bye");
        assertThat(env.records).singleElement().satisfies(r -> {
            assertThat(r.callee()).isEqualTo("6175551234");
            assertThat(r.disposition()).isEqualTo(Disposition.ANSWERED);
        });
    }

    @Test
    void aSilentRouterIsGivenUpAfterTheTimeoutAndTheNextOneTakesTheCall() {
        FakeEnvironment.Started call = env.call(alice, "6175551234", ALICE);
        env.advance(SILENCE);
        FakeLeg secondary = env.dialled("+16175551234@192.0.2.2:5060");
        secondary.pickUp(CARRIER);
        env.runLane();

        assertThat(env.dialled("+16175551234@192.0.2.1:5060").log()).containsExactly("cancelled");
        assertThat(call.caller().log()).containsExactly("answered with carrier");
    }

    @Test
    void aRouterThatAnswered503IsLeftForTheNextAndTwoFailuresMarkItDown() {
        env.call(alice, "6175551234", ALICE);
        env.dialled("+16175551234@192.0.2.1:5060").refuse(Response.SERVICE_UNAVAILABLE);
        env.runLane();
        env.dialled("+16175551234@192.0.2.2:5060").refuse(Response.SERVICE_UNAVAILABLE);
        env.runLane();

        assertThat(env.dialled()).extracting(FakeLeg::toString).containsExactly(
                "+16175551234@192.0.2.1:5060", "+16175551234@192.0.2.2:5060");
        assertThat(trunks.isUp(PRIMARY)).as("one failure").isTrue();
        assertThat(env.records).singleElement().satisfies(r -> assertThat(r.sipCause()).isEqualTo(503));

        env.call(alice, "6175551235", ALICE); // routers take turns: the secondary first this time
        env.dialled("+16175551235@192.0.2.2:5060").refuse(Response.SERVICE_UNAVAILABLE);
        env.runLane();
        assertThat(trunks.isUp(SECONDARY)).isFalse();
    }

    @Test
    void theFarEndsRefusalReachesTheCallerAsItCame() {
        FakeEnvironment.Started busy = env.call(alice, "6175551234", ALICE);
        env.dialled("+16175551234@192.0.2.1:5060").refuse(Response.BUSY_HERE);
        env.runLane();
        FakeEnvironment.Started unknown = env.call(alice, "6175559999", ALICE);
        env.dialled("+16175559999@192.0.2.2:5060").refuse(Response.NOT_FOUND);
        env.runLane();

        assertThat(busy.caller().log()).containsExactly("rejected 486");
        assertThat(unknown.caller().log()).containsExactly("rejected 404");
        assertThat(env.dialled()).hasSize(2); // a refusal is the far end's answer: no other router is asked
        assertThat(trunks.isUp(PRIMARY)).isTrue();
    }

    @Test
    void aGatewaysPrefixSendsTheCallThereOnly() {
        env.call(alice, "2125551234", ALICE);
        assertThat(env.dialled()).extracting(FakeLeg::toString).containsExactly("+12125551234@192.0.2.9:5060");
    }

    @Test
    void barredAndUnknownNumbersNeverLeave() {
        FakeEnvironment.Started premium = env.call(alice, "19005551234", ALICE);
        FakeEnvironment.Started international = env.call(alice, "011331426853000", ALICE);
        FakeEnvironment.Started nothing = env.call(alice, "4242", ALICE);

        assertThat(env.dialled()).isEmpty();
        assertThat(premium.caller().log()).containsExactly("rejected 403");
        assertThat(international.caller().log()).containsExactly("rejected 403");
        assertThat(nothing.caller().log()).containsExactly("rejected 404");
    }

    @Test
    void emergencyCallsGoOutWithoutACallerIdAndBeforeAnExtensionOfTheSameNumber() {
        env.user("911", 1); // a careless extension must not capture emergency calls
        env.outside(trunks, null, SILENCE);

        env.call(alice, "911", ALICE);
        FakeEnvironment.Started plain = env.call(alice, "6175551234", ALICE);

        assertThat(env.dialled()).extracting(FakeLeg::toString).containsExactly("911@192.0.2.1:5060");
        assertThat(plain.caller().log()).containsExactly("rejected 403"); // no DID to present
    }

    @Test
    void theCallerHangingUpWhileARouterIsSilentCancelsItAndTriesNoOther() {
        FakeEnvironment.Started call = env.call(alice, "6175551234", ALICE);
        call.call().onCancel();
        env.runLane();
        env.advance(SILENCE);

        assertThat(env.dialled()).singleElement().satisfies(leg -> assertThat(leg.log()).containsExactly("cancelled"));
    }
}
