package com.crosspoint.relay.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerPolicyTest {
    private final PeerPolicy policy = new PeerPolicy(List.of(), Set.of(ip("203.0.113.77"), ip("2001:db8::77")));

    @Test
    void refusesInternalAndReservedRangesAndOwnAddresses() {
        for (String refused : List.of("127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.5", "172.31.255.255",
                "192.168.1.1", "100.64.0.1", "100.127.255.255", "169.254.1.1", "0.0.0.0", "0.1.2.3", "224.0.0.1",
                "239.255.255.250", "255.255.255.255", "203.0.113.77", "::1", "::", "fe80::1", "fd00::1", "fc12::1",
                "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1")) {
            assertThat(policy.permits(ip(refused))).as(refused).isFalse();
        }
    }

    @Test
    void permitsPublicAddresses() {
        for (String ok : List.of("8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "2a00:1450::1")) {
            assertThat(policy.permits(ip(ok))).as(ok).isTrue();
        }
    }

    @Test
    void theAllowListOpensAnyRangeItNames() {
        PeerPolicy open = new PeerPolicy(List.of(Cidr.parse("127.0.0.1/32"), Cidr.parse("10.20.0.0/16")),
                Set.of(ip("127.0.0.1")));
        assertThat(open.permits(ip("127.0.0.1"))).isTrue();
        assertThat(open.permits(ip("127.0.0.2"))).isFalse();
        assertThat(open.permits(ip("10.20.3.4"))).isTrue();
        assertThat(open.permits(ip("10.21.0.1"))).isFalse();
    }

    @Test
    void cidrParsingChecksItsInput() {
        assertThat(Cidr.parse("10.0.0.0/8").contains(ip("10.255.0.1"))).isTrue();
        assertThat(Cidr.parse("10.0.0.0/8").contains(ip("::ffff:10.0.0.1"))).as("mapped: judged as IPv4").isTrue();
        assertThat(Cidr.parse("192.0.2.128/25").contains(ip("192.0.2.127"))).isFalse();
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("::1"))).as("families never mix").isFalse();
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("example.org/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
