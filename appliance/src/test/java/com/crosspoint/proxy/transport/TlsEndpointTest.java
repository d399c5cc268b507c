package com.crosspoint.proxy.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.TlsTestKeys;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS listener on real loopback sockets with the JDK's client: framing of messages over TLS records, replies on
 * the connection, and what bad clients get (plain text, oversize messages, handshakes never finished, a flood of
 * connections from one address), each bounded, with a good client served afterwards.
 */
class TlsEndpointTest {
    private static final String MESSAGE = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 4\r\n\r\nbody";
    private static SSLContext server;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Transport> transports = new CopyOnWriteArrayList<>();
    private TcpEndpoint endpoint;

    @BeforeAll
    static void keys(@TempDir Path dir) throws Exception {
        server = TlsTestKeys.server(TlsTestKeys.keystore(dir));
    }

    private void open(StreamLimits limits, TlsSettings tls) {
        endpoint = TcpEndpoint.openTls(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), limits, tls,
                (b, off, len, flow) -> {
                    received.add(new String(b, off, len, StandardCharsets.ISO_8859_1));
                    transports.add(flow.transport());
                    flow.connection().send("pong\r\n".getBytes(StandardCharsets.US_ASCII), 0, 6);
                }, "test");
    }

    private int port() {
        return endpoint.localAddress().getPort();
    }

    @AfterEach
    void close() {
        endpoint.close();
    }

    @Test
    void messagesOverTlsAreFramedAndAnsweredOnTheirConnection() throws Exception {
        open(StreamLimits.DEFAULT, TlsSettings.of(server));
        try (SSLSocket s = TlsTestKeys.connect("127.0.0.1", port(), 5000)) {
            OutputStream out = s.getOutputStream();
            out.write((MESSAGE + MESSAGE + MESSAGE.substring(0, 20)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 2);
            out.write(MESSAGE.substring(20).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 3);
            assertThat(received).containsOnly(MESSAGE);
            assertThat(transports).containsOnly(Transport.TLS);
            assertThat(endpoint.hasConnection(new InetSocketAddress("127.0.0.1", s.getLocalPort()))).isTrue();
            assertThat(new String(s.getInputStream().readNBytes(18), StandardCharsets.US_ASCII))
                    .isEqualTo("pong\r\n".repeat(3));
        }
    }

    @Test
    void plainTextAndOversizeMessagesCloseTheirConnectionAndOthersAreServed() throws Exception {
        open(new StreamLimits(100, 1024, 8192, Duration.ofMinutes(1)), TlsSettings.of(server));
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port())) {
            plain.setSoTimeout(5000);
            plain.getOutputStream().write(MESSAGE.getBytes(StandardCharsets.US_ASCII)); // SIP without TLS
            assertThat(drain(plain.getInputStream())).as("closed after at most an alert").isLessThan(100);
        }
        try (SSLSocket big = TlsTestKeys.connect("127.0.0.1", port(), 5000)) {
            big.getOutputStream().write(("OPTIONS sip:a@b SIP/2.0\r\nX: " + "x".repeat(4000) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            big.getOutputStream().flush();
            assertThat(big.getInputStream().read()).as("the connection is dropped").isEqualTo(-1);
        }
        assertThat(received).isEmpty();
        try (SSLSocket good = TlsTestKeys.connect("127.0.0.1", port(), 5000)) {
            good.getOutputStream().write(MESSAGE.getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.openConnections() == 0);
    }

    @Test
    void aHandshakeFloodFromOneAddressIsCappedAndUnfinishedHandshakesAreClosed() throws Exception {
        open(StreamLimits.DEFAULT, new TlsSettings(server, Duration.ofSeconds(4), 20));
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) { // connect and never say a word
                Socket s = new Socket(InetAddress.getLoopbackAddress(), port());
                s.setSoTimeout(10_000);
                flood.add(s);
            }
            for (Socket s : flood.subList(20, 40)) {
                assertThat(s.getInputStream().read()).as("beyond 20 from one address: closed at once").isEqualTo(-1);
            }
            assertThat(endpoint.openConnections()).as("the first 20 wait for their handshake").isEqualTo(20);
            for (Socket s : flood.subList(0, 20)) {
                assertThat(s.getInputStream().read()).as("an unfinished handshake is closed").isEqualTo(-1);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.openConnections() == 0);
        } finally {
            for (Socket s : flood) {
                s.close();
            }
        }
        try (SSLSocket good = TlsTestKeys.connect("127.0.0.1", port(), 5000)) {
            good.getOutputStream().write(MESSAGE.getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
        }
    }

    @Test
    void noConnectionIsOpenedOverTls() {
        open(StreamLimits.DEFAULT, TlsSettings.of(server));
        byte[] b = MESSAGE.getBytes(StandardCharsets.US_ASCII);
        assertThat(endpoint.send(new InetSocketAddress("127.0.0.1", 9), b, 0, b.length)).isFalse();
        assertThat(endpoint.openConnections()).isZero();
        assertThat(endpoint.hasConnection(new InetSocketAddress("127.0.0.1", 9))).isFalse();
        Transports transports = new Transports();
        transports.attach(null, null, endpoint);
        assertThat(transports.canReach(new Destination(Transport.TLS, new InetSocketAddress("127.0.0.1", 9))))
                .as("a TLS carrier without a connection is skipped at once, not waited for").isFalse();
        assertThat(transports.canReach(new Destination(Transport.UDP, new InetSocketAddress("127.0.0.1", 9))))
                .isTrue();
    }

    private static int drain(InputStream in) throws java.io.IOException {
        int n = 0;
        while (in.read() >= 0) {
            n++;
        }
        return n;
    }
}
