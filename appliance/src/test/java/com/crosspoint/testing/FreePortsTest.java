package com.crosspoint.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void pairsAreFreeAndNeverHandedOutTwice() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int base = FreePorts.pair();
            assertThat(FreePorts.isFree(base)).isTrue();
            assertThat(FreePorts.isFree(base + 1)).isTrue();
            assertThat(seen.add(base)).isTrue();
            assertThat(seen.add(base + 1)).isTrue();
        }
    }

    @Test
    void staysOutOfTheEphemeralRangeAndAwayFromSipDefaults() {
        int[] range = FreePorts.usableRange();
        int port = FreePorts.udpAndTcp();

        assertThat(port).isBetween(range[0], range[1]).isGreaterThan(5070);
    }

    @Test
    void aBoundUdpPortIsNotFree() throws IOException {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            assertThat(FreePorts.isFree(taken.getLocalPort())).isFalse();
        }
    }
}
