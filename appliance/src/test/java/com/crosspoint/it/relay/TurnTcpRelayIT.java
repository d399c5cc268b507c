package com.crosspoint.it.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.DecodeResult;
import com.crosspoint.relay.stun.ErrorCode;
import com.crosspoint.relay.stun.PasswordAlgorithm;
import com.crosspoint.relay.stun.StunClass;
import com.crosspoint.relay.stun.StunDecoder;
import com.crosspoint.relay.stun.StunMessage;
import com.crosspoint.relay.stun.StunMessageBuilder;
import com.crosspoint.relay.stun.StunMethod;
import com.crosspoint.testing.Executables;
import com.crosspoint.testing.ShortCommand;
import com.crosspoint.testing.TestAppliance;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TCP relays (RFC 6062) on the real appliance: coturn's uclient in TCP-relay mode (clients connect to each other's
 * relayed addresses: Connect, ConnectionAttempt, ConnectionBind, then raw bytes) without loss; and what is refused:
 * a TCP relay over UDP, Connect to a peer the policy refuses (403) or on a UDP allocation (400), ConnectionBind with
 * an unknown id (400). The allocation and its connections end with the control connection.
 */
class TurnTcpRelayIT {
    private static final String USER = "7001";
    private static final String PASSWORD = "sip-7001-pw";
    private static TestAppliance pbx;
    private static InetSocketAddress server;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start(Map.of("turn.port", "0", "turn.allowedPeers", "127.0.0.1/32",
                "turn.allocationsPerUser", "100", "turn.requestsPerSecondPerSource", "10000"));
        server = new InetSocketAddress("127.0.0.1", pbx.appliance().stunTurn().port());
        new TurnAccounts(pbx).create(USER, PASSWORD);
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void uclientRelaysOverTcpRelaysWithoutLoss() {
        Executables.assumeInstalled("turnutils_uclient");
        var run = ShortCommand.run(Duration.ofSeconds(90), List.of("timeout", "80", "turnutils_uclient", "-T",
                "-u", USER, "-w", PASSWORD, "-p", String.valueOf(server.getPort()), "-m", "8", "-n", "100",
                "-l", "172", "127.0.0.1"));
        String out = run.output();
        String tail = out.length() > 3000 ? out.substring(out.length() - 3000) : out;
        assertThat(run.exitCode()).as(tail).isZero();
        Matcher lost = Pattern.compile("Total lost packets (\\d+)").matcher(out);
        assertThat(lost.find()).as(tail).isTrue();
        assertThat(lost.group(1)).as(tail).isEqualTo("0");
        Matcher received = Pattern.compile("tot_recv_msgs=(\\d+)\\s*$", Pattern.MULTILINE).matcher(out);
        int last = -1;
        while (received.find()) {
            last = Integer.parseInt(received.group(1));
        }
        assertThat(last).as(tail).isEqualTo(8 * 100);
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.appliance().stunTurn().openConnections() == 0
                && pbx.appliance().stunTurn().turn().allocationCount() == 0);
    }

    @Test
    void whatTcpRelaysRefuse() throws IOException {
        try (Socket control = new Socket()) {
            control.connect(server, 2000);
            control.setSoTimeout(3000);
            Session s = new Session(control);
            assertThat(code(s.authenticated(StunMethod.ALLOCATE, tcp()))).as("allocated").isZero();
            assertThat(code(s.authenticated(StunMethod.CONNECT,
                    b -> b.addXorAddress(AttributeType.XOR_PEER_ADDRESS, new InetSocketAddress("10.0.0.1", 80)))))
                    .isEqualTo(403);
            assertThat(code(s.authenticated(StunMethod.CHANNEL_BIND, b -> b
                    .addUint32(AttributeType.CHANNEL_NUMBER, 0x4000L << 16)
                    .addXorAddress(AttributeType.XOR_PEER_ADDRESS, new InetSocketAddress("127.0.0.1", 9)))))
                    .as("no channels on TCP relays").isEqualTo(400);
            try (Socket data = new Socket()) {
                data.connect(server, 2000);
                data.setSoTimeout(3000);
                Session d = new Session(data).learnFrom(s);
                assertThat(code(d.authenticated(StunMethod.CONNECTION_BIND,
                        b -> b.addUint32(AttributeType.CONNECTION_ID, 12345)))).isEqualTo(400);
            }
            assertThat(pbx.appliance().stunTurn().turn().allocationCount()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.appliance().stunTurn().turn().allocationCount() == 0);

        try (Socket control = new Socket()) {
            control.connect(server, 2000);
            control.setSoTimeout(3000);
            Session s = new Session(control);
            assertThat(code(s.authenticated(StunMethod.ALLOCATE, b -> b.add(AttributeType.REQUESTED_TRANSPORT,
                    new byte[] {17, 0, 0, 0})))).isZero();
            assertThat(code(s.authenticated(StunMethod.CONNECT,
                    b -> b.addXorAddress(AttributeType.XOR_PEER_ADDRESS, new InetSocketAddress("127.0.0.1", 9)))))
                    .as("Connect on a UDP allocation").isEqualTo(400);
        }
    }

    private static UnaryOperator<StunMessageBuilder> tcp() {
        return b -> b.add(AttributeType.REQUESTED_TRANSPORT, new byte[] {6, 0, 0, 0});
    }

    private static int code(StunMessage m) {
        return m.stunClass() == StunClass.ERROR ? ErrorCode.read(m).orElseThrow().code() : 0;
    }

    /** Long-term credentials over one TCP connection: challenged once, then signed. */
    private static final class Session {
        private final Socket socket;
        private String realm;
        private String nonce;

        Session(Socket socket) {
            this.socket = socket;
        }

        Session learnFrom(Session other) {
            this.realm = other.realm;
            this.nonce = other.nonce;
            return this;
        }

        StunMessage authenticated(int method, UnaryOperator<StunMessageBuilder> attributes) throws IOException {
            if (nonce == null) {
                StunMessage challenge = exchange(method, attributes, null);
                realm = challenge.text(AttributeType.REALM).orElseThrow();
                nonce = challenge.text(AttributeType.NONCE).orElseThrow();
            }
            byte[] key = PasswordAlgorithm.MD5.key(USER, realm, PASSWORD);
            return exchange(method, b -> attributes.apply(b).addText(AttributeType.USERNAME, USER)
                    .addText(AttributeType.REALM, realm).addText(AttributeType.NONCE, nonce), key);
        }

        private StunMessage exchange(int method, UnaryOperator<StunMessageBuilder> attributes, byte[] key)
                throws IOException {
            byte[] tid = new byte[12];
            ThreadLocalRandom.current().nextBytes(tid);
            StunMessageBuilder b = attributes.apply(new StunMessageBuilder(method, StunClass.REQUEST, tid));
            socket.getOutputStream().write(key == null ? b.build(true) : b.build(key, AttributeType.MESSAGE_INTEGRITY,
                    true));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            while (true) {
                byte[] header = new byte[20];
                in.readFully(header);
                byte[] whole = Arrays.copyOf(header, 20 + (((header[2] & 0xFF) << 8) | (header[3] & 0xFF)));
                in.readFully(whole, 20, whole.length - 20);
                StunMessage m = ((DecodeResult.Decoded) StunDecoder.decode(whole)).message();
                if (Arrays.equals(m.transactionId(), tid)) {
                    return m;
                }
            }
        }
    }
}
