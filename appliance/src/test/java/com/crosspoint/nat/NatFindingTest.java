package com.crosspoint.nat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NatFindingTest {
    private final NatFinding symmetric = new NatFinding(NatKind.NAT_PORT_CHANGING, List.of(
            new NatEvidence(NatEvidence.Sign.PORT_NOT_PRESERVED, "The NAT mapped the device's port 5060 to 17706.")),
            List.of());

    @Test
    void summarySaysTheKindAndWhatWasApplied() {
        assertThat(NatFinding.NONE.summary()).isEqualTo("no NAT, not anchored");
        assertThat(symmetric.with(NatAction.FLOW_ROUTING).with(NatAction.KEEPALIVE_PINGS).with(NatAction.FLOW_ROUTING)
                .summary()).isEqualTo("symmetric NAT (ports change), not anchored: flow routing, keepalive pings");
    }

    @Test
    void aNoteReplacesTheEarlierNoteOfItsSignAndCanBeWithdrawn() {
        NatFinding once = symmetric.noting(new NatEvidence(NatEvidence.Sign.PINGS_UNANSWERED, "3 pings unanswered."));
        NatFinding twice = once.noting(new NatEvidence(NatEvidence.Sign.PINGS_UNANSWERED, "4 pings unanswered."));

        assertThat(twice.evidence()).extracting(NatEvidence::text)
                .containsExactly("The NAT mapped the device's port 5060 to 17706.", "4 pings unanswered.");
        assertThat(twice.without(NatEvidence.Sign.PINGS_UNANSWERED)).isEqualTo(symmetric);
        assertThat(twice.kind()).isEqualTo(NatKind.NAT_PORT_CHANGING);
    }

    @Test
    void endpointsAndContactsParseWhatMessagesCarry() {
        assertThat(Endpoint.parse("10.0.0.1:5060")).contains(new Endpoint("10.0.0.1", 5060));
        assertThat(Endpoint.parse("[2001:db8::1]:5062")).contains(new Endpoint("2001:db8::1", 5062));
        assertThat(Endpoint.parse("[2001:db8::1]")).contains(new Endpoint("2001:db8::1", -1));
        assertThat(Endpoint.parse("host.example")).contains(new Endpoint("host.example", -1));
        assertThat(Endpoint.parse("10.0.0.1:99999")).isEmpty();
        assertThat(Endpoint.parse("10.0.0.1:x")).isEmpty();
        assertThat(Endpoint.parse("")).isEmpty();
        assertThat(ContactAddress.parse("<sip:1001-ab;x=y@192.168.77.10;transport=TCP;ob>").orElseThrow().key())
                .isEqualTo("1001-ab@192.168.77.10:5060/tcp");
        assertThat(ContactAddress.parse("sips:a@h.example").orElseThrow().key()).isEqualTo("a@h.example:5061/tls");
        assertThat(ContactAddress.parse("sip:h.example:5070?method=INVITE").orElseThrow().key())
                .isEqualTo("@h.example:5070/udp");
        assertThat(ContactAddress.parse("tel:+123")).isEmpty();
        assertThat(ContactAddress.parse("sip:a@[::1")).isEmpty();
    }

    @Test
    void hostClassesFollowTheRfcs() {
        assertThat(HostClass.of("10.1.2.3")).isEqualTo(HostClass.PRIVATE);
        assertThat(HostClass.of("172.16.0.1")).isEqualTo(HostClass.PRIVATE);
        assertThat(HostClass.of("172.32.0.1")).isEqualTo(HostClass.PUBLIC);
        assertThat(HostClass.of("192.168.0.1")).isEqualTo(HostClass.PRIVATE);
        assertThat(HostClass.of("100.64.0.1")).isEqualTo(HostClass.PRIVATE);
        assertThat(HostClass.of("100.128.0.1")).isEqualTo(HostClass.PUBLIC);
        assertThat(HostClass.of("169.254.1.1")).isEqualTo(HostClass.LINK_LOCAL);
        assertThat(HostClass.of("127.0.0.1")).isEqualTo(HostClass.LOOPBACK);
        assertThat(HostClass.of("fe80::1")).isEqualTo(HostClass.LINK_LOCAL);
        assertThat(HostClass.of("fd12::1")).isEqualTo(HostClass.PRIVATE);
        assertThat(HostClass.of("2001:db8::1")).isEqualTo(HostClass.PUBLIC);
        assertThat(HostClass.of("256.1.1.1")).isEqualTo(HostClass.NAME);
        assertThat(HostClass.of("pbx.example")).isEqualTo(HostClass.NAME);
    }

    @Test
    void evidenceNeedsSignAndText() {
        assertThatThrownBy(() -> new NatEvidence(null, "x")).isInstanceOf(NullPointerException.class);
    }
}
