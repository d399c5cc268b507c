package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.relay.rtp.RelayListener;
import com.crosspoint.relay.rtp.RelaySide;
import com.crosspoint.relay.rtp.RelayedCall;
import com.crosspoint.relay.rtp.RtpRelay;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.RtpProber;
import com.crosspoint.testing.TestAppliance;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay as the appliance builds it: started with the node, its ports drawn from the media range the
 * appliance's own sessions use (one firewall rule), given back when calls close, and deaf to a prober spraying
 * the whole range while a relayed call talks. The B2BUA's use of it (SDP rewrite, when to anchor) is tested with
 * the calls themselves.
 */
@Timeout(120)
class RtpRelayIT {
    private static final int PORTS = 32;
    private static TestAppliance pbx;
    private static int firstPort;

    @BeforeAll
    static void start() {
        int free = FreePorts.consecutive(PORTS + 1);
        firstPort = free + (free & 1);
        pbx = TestAppliance.start(Map.of("media.portMin", Integer.toString(firstPort),
                "media.portMax", Integer.toString(firstPort + PORTS - 1), "media.relayTimeout", "5"));
    }

    @AfterAll
    static void stop() {
        if (pbx != null) {
            pbx.close();
        }
    }

    @Test
    void aRelayedCallUsesTheMediaRangeForwardsBothWaysAndGivesItsPortsBack() throws Exception {
        RtpRelay relay = pbx.appliance().relay();
        assertThat(relay.settings().timeout().toSeconds()).isEqualTo(5);
        RelayedCall call = relay.open("it-call", RelayListener.NONE);
        assertThat(pbx.appliance().media().ports().inUse()).isEqualTo(2); // the engine's allocator: one range
        try (DatagramSocket alice = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             DatagramSocket bob = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             RtpProber prober = new RtpProber(InetAddress.getByName("127.0.0.2"), InetAddress.getLoopbackAddress(),
                     firstPort, firstPort + PORTS - 1)) {
            signalled(call.caller(), alice);
            signalled(call.callee(), bob);
            assertThat(call.caller().localRtp().getPort()).isBetween(firstPort, firstPort + PORTS - 1);
            InetSocketAddress toCaller = new InetSocketAddress("127.0.0.1", call.caller().localRtp().getPort());
            InetSocketAddress toCallee = new InetSocketAddress("127.0.0.1", call.callee().localRtp().getPort());
            alice.setSoTimeout(2000);
            bob.setSoTimeout(2000);
            for (int i = 0; i < 20; i++) {
                prober.sweep();
                alice.send(rtp(i, 0xA, toCaller));
                bob.send(rtp(i, 0xB, toCallee));
            }
            assertThat(received(bob, 20)).isEqualTo(20);
            assertThat(received(alice, 20)).isEqualTo(20);
            assertThat(prober.rtpHeard()).isZero();
            assertThat(prober.rtcpHeard()).isZero();
        } finally {
            call.close();
        }
        assertThat(pbx.appliance().media().ports().inUse()).isZero();
        assertThat(relay.callCount()).isZero();
    }

    /** What the B2BUA will do with a phone's SDP answer or offer: this phone, not behind NAT, PCMU. */
    private static void signalled(RelaySide side, DatagramSocket phone) {
        side.expect((InetSocketAddress) phone.getLocalSocketAddress(), Optional.empty(), SignalledPeer.DIRECT,
                Set.of(0), false, 8000);
    }

    private static DatagramPacket rtp(int seq, int ssrc, InetSocketAddress to) {
        byte[] packet = ByteBuffer.allocate(172).put((byte) 0x80).put((byte) 0).putShort((short) seq)
                .putInt(seq * 160).putInt(ssrc).array();
        return new DatagramPacket(packet, packet.length, to);
    }

    private static int received(DatagramSocket socket, int expected) throws Exception {
        byte[] buffer = new byte[2048];
        int n = 0;
        try {
            while (n < expected) {
                socket.receive(new DatagramPacket(buffer, buffer.length));
                n++;
            }
        } catch (SocketTimeoutException e) {
            // fewer arrived
        }
        return n;
    }
}
