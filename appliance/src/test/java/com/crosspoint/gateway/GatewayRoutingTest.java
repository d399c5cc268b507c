package com.crosspoint.gateway;

import com.crosspoint.proxy.core.BranchOutcome;
import com.crosspoint.proxy.core.RoutingDecision;
import com.crosspoint.proxy.core.Target;
import com.crosspoint.trunk.TrunkTarget;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's routing with the proxy core's branch reports played by hand, in every order a call can end. */
class GatewayRoutingTest {
    private static final TrunkTarget PRIMARY = TrunkTarget.parse("127.0.0.1:5061");
    private static final TrunkTarget BACKUP = TrunkTarget.parse("127.0.0.1:5062");
    private static final String DID = "+16465550100";

    private TrunkGroup trunk;
    private PbxHealth health;
    private GatewayRouting routing;

    @BeforeEach
    void setUp() {
        trunk = new TrunkGroup(1);
        health = new PbxHealth(1);
        PbxHops hops = new PbxHops();
        hops.refresh(PRIMARY);
        hops.refresh(BACKUP);
        routing = new GatewayRouting(new DidRoutes(List.of(new DidRoute("+1646555", PRIMARY, BACKUP))), trunk, health,
                hops, com.crosspoint.router.Customers.of(List.of("127.0.0.1")));
    }

    @Test
    void onlyTheConfiguredCarriersMaySendCallsInOrRouteThroughTheGateway() {
        com.crosspoint.proxy.wire.SipScanner scanner = new com.crosspoint.proxy.wire.SipScanner(
                com.crosspoint.proxy.wire.ScanLimits.DEFAULT);
        com.crosspoint.proxy.wire.SipMessage invite = scanner.newMessage();
        byte[] b = ("INVITE sip:" + DID + "@127.0.0.1:5080 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.9:5060;branch=z9hG4bKg1\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:c@192.0.2.9>;tag=1\r\nTo: <sip:" + DID + "@127.0.0.1>\r\n"
                + "Call-ID: g1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(scanner.scan(b, 0, b.length, true, invite)).isEqualTo(com.crosspoint.proxy.wire.ScanOutcome.ACCEPTED);
        com.crosspoint.proxy.transport.Flow stranger = com.crosspoint.proxy.transport.Flow.udp(
                new java.net.InetSocketAddress("192.0.2.9", 5060));
        com.crosspoint.proxy.transport.Flow carrier = com.crosspoint.proxy.transport.Flow.udp(
                new java.net.InetSocketAddress("127.0.0.1", 5060));

        assertThat(routing.resolve(invite, stranger)).isEqualTo(new RoutingDecision.Refuse(403, "Forbidden"));
        assertThat(routing.trusts(stranger)).isFalse();
        assertThat(routing.refusedStrangers()).isEqualTo(1);
        assertThat(trunk.inUse()).as("a stranger seizes no channel").isZero();
        assertThat(targets(routing.resolve(invite, carrier))).hasSize(2);
        assertThat(routing.trusts(carrier)).isTrue();
    }

    @Test
    void aDidGoesToItsPrimaryThenItsBackupWithTheirOwnRequestUris() {
        List<Target> targets = targets(routing.route(DID));
        assertThat(targets).extracting(t -> t.hop().address().getPort()).containsExactly(5061, 5062);
        assertThat(targets).extracting(Target::requestUri).containsExactly(
                "sip:+16465550100@127.0.0.1:5061;user=phone", "sip:+16465550100@127.0.0.1:5062;user=phone");
        assertThat(trunk.inUse()).isEqualTo(1);
    }

    @Test
    void digitsWithoutPlusAreTheSameDidAndUnknownNumbersAre404() {
        assertThat(targets(routing.route("16465550100"))).hasSize(2);
        assertThat(routing.route("+14155550100")).isEqualTo(new RoutingDecision.Refuse(404, "Not Found"));
        assertThat(routing.route("alice")).isEqualTo(new RoutingDecision.Refuse(404, "Not Found"));
        assertThat(routing.route(null)).isEqualTo(new RoutingDecision.Refuse(404, "Not Found"));
        assertThat(trunk.inUse()).as("only the routed call holds a channel").isEqualTo(1);
    }

    @Test
    void aPrimaryThatFailedIsTriedAfterItsBackupUntilItAnswersAgain() {
        BranchOutcome first = start(targets(routing.route(DID)).get(0));
        first.failed(408); // silence
        assertThat(health.isDown(PRIMARY)).isTrue();
        assertThat(targets(routing.route(DID))).extracting(t -> t.hop().address().getPort()).containsExactly(5062, 5061);

        health.answered(PRIMARY); // its OPTIONS check answered
        assertThat(targets(routing.route(DID))).extracting(t -> t.hop().address().getPort()).containsExactly(5061, 5062);
    }

    @Test
    void theFirstCallBeyondTheChannelsIsRefusedWith503AndCounted() {
        for (int i = 0; i < TrunkGroup.CHANNELS_PER_SPAN; i++) {
            assertThat(routing.route(DID)).isInstanceOf(RoutingDecision.Targets.class);
        }
        assertThat(routing.route(DID)).isEqualTo(new RoutingDecision.Refuse(503, "All channels busy"));
        assertThat(trunk.refused()).isEqualTo(1);
    }

    @Test
    void anAnsweredCallGivesItsChannelBackWhenItsDialogEndsOnce() {
        holdAnotherCall();
        BranchOutcome primary = start(targets(routing.route(DID)).get(0));
        primary.provisional(180);
        primary.answered();
        assertThat(trunk.inUse()).isEqualTo(2);
        primary.dialogEnded();
        primary.dialogEnded(); // the dialog table's sweep after a BYE: must not free the other call's channel
        assertThat(trunk.inUse()).isEqualTo(1);
    }

    @Test
    void aCallThatFailsOverKeepsItsChannelUntilTheBackupsCallEnds() {
        holdAnotherCall();
        List<Target> targets = targets(routing.route(DID));
        start(targets.get(0)).failed(503);
        assertThat(trunk.inUse()).as("the backup is still to come").isEqualTo(2);
        BranchOutcome backup = start(targets.get(1));
        backup.answered();
        assertThat(trunk.inUse()).isEqualTo(2);
        backup.dialogEnded();
        assertThat(trunk.inUse()).isEqualTo(1);
        assertThat(health.isDown(PRIMARY)).isTrue();
        assertThat(health.isDown(BACKUP)).isFalse();
    }

    @Test
    void aCallBothNodesFailGivesItsChannelBackOnce() {
        holdAnotherCall();
        List<Target> targets = targets(routing.route(DID));
        start(targets.get(0)).failed(408);
        start(targets.get(1)).failed(500);
        assertThat(trunk.inUse()).isEqualTo(1);
        assertThat(health.isDown(PRIMARY)).isTrue();
        assertThat(health.isDown(BACKUP)).isTrue();
    }

    @Test
    void aRefusalThatDoesNotFailOverEndsTheCallAndShowsTheNodeAlive() {
        holdAnotherCall();
        health.failed(PRIMARY);
        health.answered(PRIMARY);
        List<Target> targets = targets(routing.route(DID));
        start(targets.get(0)).failed(486);
        assertThat(trunk.inUse()).isEqualTo(1);
        assertThat(health.isDown(PRIMARY)).isFalse();
    }

    @Test
    void aCancelledCallGivesItsChannelBackWithoutBlamingTheNode() {
        holdAnotherCall();
        List<Target> targets = targets(routing.route(DID));
        start(targets.get(0)).failed(487);
        assertThat(trunk.inUse()).isEqualTo(1);
        assertThat(health.isDown(PRIMARY)).isFalse();

        List<Target> second = targets(routing.route(DID));
        start(second.get(0)).failed(408);
        start(second.get(1)).failed(487); // cancelled while ringing at the backup
        assertThat(trunk.inUse()).isEqualTo(1);
        assertThat(health.isDown(BACKUP)).isFalse();
    }

    @Test
    void failuresToDownCountsFailuresInARow() {
        PbxHealth patient = new PbxHealth(2);
        patient.failed(PRIMARY);
        assertThat(patient.isDown(PRIMARY)).isFalse();
        patient.failed(PRIMARY);
        assertThat(patient.isDown(PRIMARY)).isTrue();
        patient.failed(PRIMARY);
        patient.answered(PRIMARY);
        assertThat(patient.isDown(PRIMARY)).as("one answer brings it back").isFalse();
    }

    private void holdAnotherCall() {
        start(targets(routing.route(DID)).get(0)).answered();
        assertThat(trunk.inUse()).isEqualTo(1);
    }

    private static List<Target> targets(RoutingDecision decision) {
        assertThat(decision).isInstanceOf(RoutingDecision.Targets.class);
        return ((RoutingDecision.Targets) decision).targets();
    }

    private static BranchOutcome start(Target target) {
        BranchOutcome outcome = target.observer().starting();
        assertThat(outcome).isNotNull();
        return outcome;
    }
}
