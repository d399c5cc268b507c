package com.crosspoint.it.relay;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.relay.stun.AddressCodec;
import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.DecodeResult;
import com.crosspoint.relay.stun.StunClass;
import com.crosspoint.relay.stun.StunDecoder;
import com.crosspoint.relay.stun.StunMessage;
import com.crosspoint.relay.stun.StunMessageBuilder;
import com.crosspoint.relay.stun.StunMethod;
import com.crosspoint.testing.Executables;
import com.crosspoint.testing.ShortCommand;
import com.crosspoint.testing.StunClient;
import com.crosspoint.testing.TestAppliance;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The nat.* keys on the real appliance: with a second address (127.0.0.2 on loopback) the STUN server answers RFC
 * 5780 behaviour discovery from the socket a CHANGE-REQUEST asks for, and coturn's turnutils_natdiscovery finds
 * endpoint-independent mapping and filtering on loopback; with an external address, relayed addresses name it.
 */
class StunDiscoveryIT {
    private static TestAppliance pbx;
    private static int port;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start(Map.of("turn.port", "0", "nat.secondaryAddress", "127.0.0.2",
                "nat.externalAddress", "203.0.113.9"));
        port = pbx.appliance().stunTurn().port();
        new TurnAccounts(pbx).create("5001", "sip-5001-pw");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void changeRequestsAreAnsweredFromTheOtherAddressAndPort() throws IOException {
        InetSocketAddress primary = new InetSocketAddress("127.0.0.1", port);
        InetSocketAddress other = new InetSocketAddress("127.0.0.2", port + 1);
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(2000);
            Received plain = exchange(socket, primary, 0);
            assertThat(plain.from()).isEqualTo(primary);
            assertThat(AddressCodec.read(plain.message(), AttributeType.OTHER_ADDRESS)).contains(other);
            assertThat(AddressCodec.read(plain.message(), AttributeType.RESPONSE_ORIGIN)).contains(primary);

            Received both = exchange(socket, primary, 0x06);
            assertThat(both.from()).isEqualTo(other);
            assertThat(AddressCodec.read(both.message(), AttributeType.RESPONSE_ORIGIN)).contains(other);

            Received portOnly = exchange(socket, primary, 0x02);
            assertThat(portOnly.from()).isEqualTo(new InetSocketAddress("127.0.0.1", port + 1));

            Received fromOther = exchange(socket, other, 0);
            assertThat(AddressCodec.read(fromOther.message(), AttributeType.OTHER_ADDRESS)).as("seen from there")
                    .contains(primary);
        }
    }

    @Test
    void coturnNatDiscoveryFindsEndpointIndependentMappingAndFiltering() {
        Executables.assumeInstalled("turnutils_natdiscovery");
        var run = ShortCommand.run(Duration.ofSeconds(30), List.of("timeout", "20", "turnutils_natdiscovery", "-m",
                "-f", "-p", String.valueOf(port), "127.0.0.1"));
        // natdiscovery compares with its unbound local address (0.0.0.0), so it says "NAT" even on loopback; what
        // matters is that every CHANGE-REQUEST answer arrived: both behaviours come out endpoint independent.
        assertThat(run.output()).as(run.output()).contains("Endpoint Independent Mapping!",
                "Endpoint Independent Filtering!", "Other addr: : 127.0.0.2:" + (port + 1));
        assertThat(run.output()).doesNotContain("Not received mapped address attribute");
    }

    @Test
    void relayedAddressesNameTheExternalAddress() {
        try (StunClient client = new StunClient(new InetSocketAddress("127.0.0.1", port)).as("5001", "sip-5001-pw")) {
            StunMessage allocated = client.allocate();
            assertThat(allocated.stunClass()).isEqualTo(StunClass.SUCCESS);
            InetSocketAddress relayed = AddressCodec.read(allocated, AttributeType.XOR_RELAYED_ADDRESS).orElseThrow();
            assertThat(relayed.getAddress().getHostAddress()).isEqualTo("203.0.113.9");
            assertThat(StunClient.code(client.createPermission(new InetSocketAddress("203.0.113.9", 9))))
                    .as("the external address is one of ours").isEqualTo(403);
            assertThat(client.refresh(0).stunClass()).isEqualTo(StunClass.SUCCESS);
        }
    }

    private record Received(StunMessage message, InetSocketAddress from) {
    }

    private static Received exchange(DatagramSocket socket, InetSocketAddress to, int change) throws IOException {
        byte[] tid = new byte[12];
        ThreadLocalRandom.current().nextBytes(tid);
        StunMessageBuilder b = new StunMessageBuilder(StunMethod.BINDING, StunClass.REQUEST, tid);
        if (change != 0) {
            b.addUint32(AttributeType.CHANGE_REQUEST, change);
        }
        byte[] request = b.build(true);
        socket.send(new DatagramPacket(request, request.length, to));
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        StunMessage m = ((DecodeResult.Decoded) StunDecoder.decode(buf, 0, p.getLength())).message();
        assertThat(m.transactionId()).isEqualTo(tid);
        assertThat(m.stunClass()).isEqualTo(StunClass.SUCCESS);
        return new Received(m, (InetSocketAddress) p.getSocketAddress());
    }
}
