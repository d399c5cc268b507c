package com.crosspoint.it.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.relay.stun.AddressCodec;
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
import com.crosspoint.testing.ExternalProcess;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.ShortCommand;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.TlsTestKeys;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * STUN and TURN over TLS (turn.tls.*, TLS 1.2 and 1.3): Binding, an authenticated Allocate whose allocation ends
 * with its connection, and coturn's uclient relaying over TLS.
 */
class TurnTlsIT {
    private static TestAppliance pbx;
    private static int tlsPort;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = HarnessFiles.tempDir("turn-tls").resolve("turn.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "turn", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-keypass", "changeit").inheritIO().start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0).isTrue();
        pbx = TestAppliance.start(Map.of("turn.port", "0", "turn.tls.port", "0",
                "turn.tls.keystore", keystore.toString(), "turn.tls.keystorePassword", "changeit",
                "turn.allowedPeers", "127.0.0.1/32"));
        tlsPort = pbx.appliance().stunTurn().tlsPort();
        new TurnAccounts(pbx).create("4001", "sip-4001-pw");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void bindingAndAnAllocationOverTls() throws Exception {
        try (SSLSocket socket = connect()) {
            StunMessage binding = exchange(socket, StunMethod.BINDING, b -> b);
            assertThat(AddressCodec.read(binding, AttributeType.XOR_MAPPED_ADDRESS))
                    .contains((InetSocketAddress) socket.getLocalSocketAddress());

            UnaryOperator<StunMessageBuilder> udp = b -> b.add(AttributeType.REQUESTED_TRANSPORT, new byte[] {17, 0, 0, 0});
            StunMessage challenge = exchange(socket, StunMethod.ALLOCATE, udp);
            assertThat(ErrorCode.read(challenge).orElseThrow().code()).isEqualTo(401);
            String realm = challenge.text(AttributeType.REALM).orElseThrow();
            byte[] key = PasswordAlgorithm.MD5.key("4001", realm, "sip-4001-pw");
            StunMessage allocated = exchange(socket, StunMethod.ALLOCATE, b -> udp.apply(b)
                    .addText(AttributeType.USERNAME, "4001").addText(AttributeType.REALM, realm)
                    .addText(AttributeType.NONCE, challenge.text(AttributeType.NONCE).orElseThrow()), key);
            assertThat(allocated.stunClass()).isEqualTo(StunClass.SUCCESS);
            assertThat(pbx.appliance().stunTurn().turn().allocationCount()).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.appliance().stunTurn().turn().allocationCount() == 0);
    }

    /**
     * coturn's uclient picks a TLS version at random per client, 1.0 and 1.1 among them, which the server refuses;
     * so it runs one client at a time until a run used TLS 1.2 or 1.3: that run must relay without loss, and every
     * other run must have failed in the TLS handshake, nowhere else.
     */
    @Test
    void coturnUclientRelaysOverTls() throws Exception {
        Executables.assumeInstalled("turnutils_uclient", "turnutils_peer");
        int peerPort = FreePorts.udpAndTcp();
        Path dir = Files.createTempDirectory("turn-tls");
        try (ExternalProcess peer = ExternalProcess.start("turnutils_peer", List.of("turnutils_peer", "-L",
                "127.0.0.1", "-p", String.valueOf(peerPort)), dir, dir.resolve("peer.log"), false, line -> { })) {
            Thread.sleep(300);
            boolean relayed = false;
            for (int attempt = 0; attempt < 16 && !relayed; attempt++) {
                var run = ShortCommand.run(Duration.ofSeconds(40), List.of("timeout", "30", "turnutils_uclient",
                        "-t", "-S", "-u", "4001", "-w", "sip-4001-pw", "-e", "127.0.0.1", "-r",
                        String.valueOf(peerPort), "-p", String.valueOf(tlsPort), "-m", "1", "-n", "50", "-c",
                        "127.0.0.1"));
                String out = run.output();
                if (run.exitCode() != 0) {
                    assertThat(out).as("a failed run failed in the TLS handshake").contains("tls_connect");
                    continue;
                }
                Matcher lost = Pattern.compile("Total lost packets (\\d+)").matcher(out);
                assertThat(lost.find()).as(out).isTrue();
                assertThat(lost.group(1)).as(out).isEqualTo("0");
                relayed = true;
            }
            assertThat(relayed).as("one of 16 runs used TLS 1.2 or 1.3").isTrue();
            assertThat(peer.isAlive()).isTrue();
        }
    }

    private static SSLSocket connect() throws Exception {
        SSLContext tls = TlsTestKeys.trustingClient();
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", tlsPort);
        socket.setSoTimeout(5000);
        socket.startHandshake();
        return socket;
    }

    private static StunMessage exchange(SSLSocket socket, int method, UnaryOperator<StunMessageBuilder> attributes)
            throws IOException {
        return exchange(socket, method, attributes, null);
    }

    private static StunMessage exchange(SSLSocket socket, int method, UnaryOperator<StunMessageBuilder> attributes,
                                        byte[] key) throws IOException {
        byte[] tid = new byte[12];
        ThreadLocalRandom.current().nextBytes(tid);
        StunMessageBuilder b = attributes.apply(new StunMessageBuilder(method, StunClass.REQUEST, tid));
        socket.getOutputStream().write(key == null ? b.build(true) : b.build(key, AttributeType.MESSAGE_INTEGRITY, true));
        socket.getOutputStream().flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] header = new byte[20];
        in.readFully(header);
        byte[] whole = Arrays.copyOf(header, 20 + (((header[2] & 0xFF) << 8) | (header[3] & 0xFF)));
        in.readFully(whole, 20, whole.length - 20);
        StunMessage answer = ((DecodeResult.Decoded) StunDecoder.decode(whole)).message();
        assertThat(answer.transactionId()).isEqualTo(tid);
        return answer;
    }
}
