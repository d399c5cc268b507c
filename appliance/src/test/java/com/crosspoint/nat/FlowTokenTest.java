package com.crosspoint.nat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A flow's identity: what it is built from and how it reads. */
class FlowTokenTest {

    @Test
    void namesTheTransportTheDevicesEndAndTheAppliances() {
        assertThat(FlowToken.of("TCP", "198.51.100.7:40123", "192.0.2.1:5060")).map(FlowToken::text)
                .contains("tcp 198.51.100.7:40123 \u2192 192.0.2.1:5060");
    }

    @Test
    void ipv6EndsAreBracketed() {
        assertThat(FlowToken.of("udp", "[2001:db8::7]:5062", "[2001:db8::1]:5060")).map(FlowToken::text)
                .contains("udp [2001:db8::7]:5062 \u2192 [2001:db8::1]:5060");
    }

    @Test
    void anUnknownApplianceEndLeavesTheArrowOut() {
        assertThat(FlowToken.of("udp", "10.200.0.2:17706", null)).map(FlowToken::text).contains("udp 10.200.0.2:17706");
    }

    @Test
    void aSourceWithoutPortOrTransportIsNoFlow() {
        assertThat(FlowToken.of("udp", "10.200.0.2", "192.0.2.1:5060")).isEmpty();
        assertThat(FlowToken.of(null, "10.200.0.2:5060", "192.0.2.1:5060")).isEmpty();
        assertThat(FlowToken.of("udp", "not an address:x", "192.0.2.1:5060")).isEmpty();
    }

    @Test
    void theSameFlowHasTheSameIdentityAndOnlyUdpIsNoStream() {
        assertThat(FlowToken.of("tls", "198.51.100.7:40123", "192.0.2.1:5061"))
                .isEqualTo(FlowToken.of("TLS", "198.51.100.7:40123", "192.0.2.1:5061"));
        assertThat(FlowToken.of("tls", "198.51.100.7:40123", null).orElseThrow().stream()).isTrue();
        assertThat(FlowToken.of("udp", "198.51.100.7:40123", null).orElseThrow().stream()).isFalse();
    }
}
