package com.crosspoint.sip.b2bua;

import static com.crosspoint.sip.b2bua.FakeLeg.sdp;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.billing.Authorisation;
import com.crosspoint.billing.CallStart;
import com.crosspoint.billing.OutsideCallGate;
import com.crosspoint.billing.Refusal;
import com.crosspoint.model.Reservation;
import com.crosspoint.model.User;
import com.crosspoint.trunk.TrunkTarget;
import com.crosspoint.trunk.Trunks;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An outside call is dialled on billing's in-memory decision, while its reservation commits (issue 14): the
 * carrier's answer is held until the reservation is durable, so no money is spent that is not on disk; a failed
 * commit ends the carrier leg and answers the caller 503.
 */
class BilledAnswerHeldTest {
    private static final byte[] ALICE = sdp("alice", 4000);
    private static final byte[] CARRIER = sdp("carrier", 7000);
    private static final String ROUTER = "+16175551234@192.0.2.1:5060";

    private final FakeEnvironment env = new FakeEnvironment();
    private final BilledCalls running = new BilledCalls();
    private final CompletableFuture<Void> durable = new CompletableFuture<>();
    private User alice;

    @BeforeEach
    void pbx() {
        alice = env.user("1001", 1);
        env.outside(new Trunks(List.of(TrunkTarget.parse("192.0.2.1:5060")), List.of(), 2), "+16465550100",
                Duration.ofSeconds(3));
        Authorisation granted = new Authorisation.Granted(new Reservation(7, "call-1", 1, alice.id(), "16175551234",
                "1617", 600, 1_000_000, "EUR", env.clock().instant(), Reservation.State.OPEN, null),
                Refusal.INSUFFICIENT_FUNDS, durable);
        OutsideCallGate gate = new OutsideCallGate() {
            @Override
            public Authorisation admit(CallStart start, boolean emergency) {
                return granted;
            }

            @Override
            public void carriedBy(String callId, long carrierId) {
            }
        };
        env.billing(new OutsideBilling(gate, Duration.ofSeconds(10), e -> { }, running));
    }

    @Test
    void theCarriersAnswerWaitsForTheReservationToBeDurable() {
        FakeEnvironment.Started call = env.call(alice, "6175551234", ALICE);
        FakeLeg carrier = env.dialled(ROUTER); // the INVITE went out before the commit
        carrier.pickUp(CARRIER);
        env.runLane();
        assertThat(call.caller().log()).noneMatch(line -> line.startsWith("answered"));

        durable.complete(null);
        env.runLane();

        assertThat(call.caller().log()).anyMatch(line -> line.startsWith("answered"));
        assertThat(carrier.log()).doesNotContain("bye");
        assertThat(running.size()).isEqualTo(1);
    }

    @Test
    void aFailedCommitAfterTheAnswerHangsUpTheCarrierAndAnswersTheCaller503() {
        FakeEnvironment.Started call = env.call(alice, "6175551234", ALICE);
        FakeLeg carrier = env.dialled(ROUTER);
        carrier.pickUp(CARRIER);
        env.runLane();

        durable.completeExceptionally(new IllegalStateException("disk full"));
        env.runLane();

        assertThat(carrier.log()).contains("bye");
        assertThat(call.caller().log()).contains("rejected 503").noneMatch(line -> line.startsWith("answered"));
        assertThat(running.size()).isZero();
    }

    @Test
    void aFailedCommitBeforeTheAnswerCancelsTheCarrierLeg() {
        FakeEnvironment.Started call = env.call(alice, "6175551234", ALICE);
        FakeLeg carrier = env.dialled(ROUTER);
        env.runLane();

        durable.completeExceptionally(new IllegalStateException("disk full"));
        env.runLane();

        assertThat(carrier.log()).contains("cancelled");
        assertThat(call.caller().log()).contains("rejected 503");
        assertThat(running.size()).isZero();
    }

    @Test
    void aCallerWhoHangsUpWhileTheAnswerIsHeldLeavesNoCarrierLeg() {
        FakeEnvironment.Started call = env.call(alice, "6175551234", ALICE);
        FakeLeg carrier = env.dialled(ROUTER);
        carrier.pickUp(CARRIER);
        env.runLane();

        call.call().onCancel();
        env.runLane();
        durable.complete(null);
        env.runLane();

        assertThat(carrier.log()).contains("bye");
        assertThat(call.caller().log()).noneMatch(line -> line.startsWith("answered"));
        assertThat(running.size()).isZero();
    }
}
