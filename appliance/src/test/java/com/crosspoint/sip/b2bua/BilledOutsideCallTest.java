package com.crosspoint.sip.b2bua;

import static com.crosspoint.sip.b2bua.FakeLeg.sdp;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.billing.Authorisation;
import com.crosspoint.billing.CallStart;
import com.crosspoint.billing.OutsideCallGate;
import com.crosspoint.billing.Refusal;
import com.crosspoint.events.BillingEvent;
import com.crosspoint.model.CallEndReason;
import com.crosspoint.model.Reservation;
import com.crosspoint.model.User;
import com.crosspoint.trunk.TrunkTarget;
import com.crosspoint.trunk.Trunks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sip.message.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Billing in an outside call, without a network (issue 14): what the gate decides becomes the caller's answer or
 * the call's allowance; the allowance ends the answered call (BYE both sides) just before its granted seconds, the
 * CDR says why; a freeze ends it at once; emergency calls are asked as such.
 */
class BilledOutsideCallTest {
    private static final byte[] ALICE = sdp("alice", 4000);
    private static final byte[] CARRIER = sdp("carrier", 7000);
    private static final String ROUTER = "+16175551234@192.0.2.1:5060";

    private final FakeEnvironment env = new FakeEnvironment();
    private final List<CallStart> asked = new ArrayList<>();
    private final List<BillingEvent> events = new ArrayList<>();
    private final BilledCalls running = new BilledCalls();
    private Authorisation answer;
    private boolean askedAsEmergency;
    private User alice;

    @BeforeEach
    void pbx() {
        alice = env.user("1001", 1);
        env.outside(new Trunks(List.of(TrunkTarget.parse("192.0.2.1:5060")), List.of(), 2), "+16465550100",
                Duration.ofSeconds(3));
        OutsideCallGate gate = new OutsideCallGate() {
            @Override
            public Authorisation admit(CallStart start, boolean emergency) {
                asked.add(start);
                askedAsEmergency = emergency;
                return answer;
            }

            @Override
            public void carriedBy(String callId, long carrierId) {
            }
        };
        env.billing(new OutsideBilling(gate, Duration.ofSeconds(10), events::add, running));
    }

    private Authorisation granted(long seconds, Refusal boundBy) {
        return new Authorisation.Granted(new Reservation(7, "call-1", 1, alice.id(), "16175551234", "1617", seconds,
                1_000_000, "EUR", env.clock().instant(), Reservation.State.OPEN, null), boundBy);
    }

    @Test
    void insufficientFundsAnswers402AndNothingIsDialled() {
        answer = new Authorisation.Refused(Refusal.INSUFFICIENT_FUNDS, "0.00 EUR left");
        FakeEnvironment.Started call = env.call(alice, "6175551234", ALICE);
        env.runLane();

        assertThat(call.caller().log()).containsExactly("rejected 402");
        assertThat(env.dialled()).isEmpty();
        assertThat(asked).singleElement().satisfies(s -> {
            assertThat(s.destination()).isEqualTo("16175551234");
            assertThat(s.userId()).isEqualTo(alice.id());
        });
    }

    @Test
    void aGrantedCallIsEndedJustBeforeItsSecondsWithCreditExhaustedOnTheCdr() {
        answer = granted(30, Refusal.INSUFFICIENT_FUNDS);
        FakeEnvironment.Started call = env.call(alice, "6175551234", ALICE);
        FakeLeg carrier = env.dialled(ROUTER);
        carrier.pickUp(CARRIER);
        env.runLane();

        env.advance(Duration.ofMillis(29_740));
        env.runLane();
        assertThat(carrier.log()).doesNotContain("bye");
        env.advance(Duration.ofMillis(10));
        env.runLane();

        assertThat(carrier.log()).contains("bye");
        assertThat(call.caller().log()).contains("bye");
        assertThat(env.records).singleElement().satisfies(r -> {
            assertThat(r.endReason()).isEqualTo(CallEndReason.CREDIT_EXHAUSTED);
            assertThat(r.duration()).isLessThan(Duration.ofSeconds(30)).isGreaterThan(Duration.ofSeconds(29));
        });
        assertThat(events).extracting(BillingEvent::type).containsExactly("billing.call-ending",
                "billing.call-cut-off");
        assertThat(running.size()).isZero();
    }

    @Test
    void anAllowanceBoundByASpendLimitSaysSoOnTheCdr() {
        answer = granted(60, Refusal.USER_HOURLY_SPEND);
        env.call(alice, "6175551234", ALICE);
        env.dialled(ROUTER).pickUp(CARRIER);
        env.runLane();
        env.advance(Duration.ofSeconds(60));
        env.runLane();

        assertThat(env.records).singleElement().extracting(r -> r.endReason()).isEqualTo(CallEndReason.SPEND_LIMIT);
    }

    @Test
    void aFreezeEndsTheRunningCallsOfThatUserAtOnce() {
        answer = granted(600, Refusal.INSUFFICIENT_FUNDS);
        FakeEnvironment.Started call = env.call(alice, "6175551234", ALICE);
        FakeLeg carrier = env.dialled(ROUTER);
        carrier.pickUp(CARRIER);
        env.runLane();

        assertThat(running.endFrozen(1, alice.id() + 1)).as("another user's freeze").isZero();
        assertThat(running.endFrozen(1, alice.id())).isEqualTo(1);
        env.runLane();

        assertThat(carrier.log()).contains("bye");
        assertThat(call.caller().log()).contains("bye");
        assertThat(env.records).singleElement().extracting(r -> r.endReason()).isEqualTo(CallEndReason.FROZEN);
    }

    @Test
    void aCallThatEndsOnItsOwnLeavesNoTimerAndNoReason() {
        answer = granted(30, Refusal.INSUFFICIENT_FUNDS);
        FakeEnvironment.Started call = env.call(alice, "6175551234", ALICE);
        FakeLeg carrier = env.dialled(ROUTER);
        carrier.pickUp(CARRIER);
        env.runLane();
        call.call().onBye(carrier, carrier.request(javax.sip.message.Request.BYE, null));
        env.runLane();
        env.advance(Duration.ofSeconds(60));
        env.runLane();

        assertThat(env.records).singleElement().extracting(r -> r.endReason()).isNull();
        assertThat(events).extracting(BillingEvent::type).doesNotContain("billing.call-cut-off");
        assertThat(running.size()).isZero();
    }

    @Test
    void anEmergencyCallIsAskedAsOneAndAnUnbilledCallHasNoAllowance() {
        answer = new Authorisation.Unbilled("emergency call");
        FakeEnvironment.Started call = env.call(alice, "911", ALICE);
        env.dialled("911@192.0.2.1:5060").pickUp(CARRIER);
        env.runLane();
        env.advance(Duration.ofHours(5));
        env.runLane();

        assertThat(askedAsEmergency).isTrue();
        assertThat(call.caller().log()).containsExactly("answered with carrier");
        assertThat(running.size()).isZero();
    }

    @Test
    void aUserCallLimitIsBusyAndAnAccountCallLimitIsUnavailable() {
        assertThat(BillingRefusals.refusal(Refusal.USER_CALL_LIMIT).status()).isEqualTo(Response.BUSY_HERE);
        assertThat(BillingRefusals.refusal(Refusal.TENANT_CALL_LIMIT).status())
                .isEqualTo(Response.SERVICE_UNAVAILABLE);
    }
}
