package com.crosspoint.proxy.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.TlsTestKeys;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound TLS on real loopback sockets, the proxy's own endpoints on both sides: a client-only endpoint connects,
 * the messages sent before its handshake finished go out after it in order, later ones reuse the connection, and an
 * untrusted or misnamed certificate, or a server that never answers the handshake, gets nothing sent and the
 * connection closed.
 */
class TlsClientEndpointTest {
    private static final String MESSAGE = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 4\r\n\r\nbody";
    private static Path goodKeys;
    private static Path otherKeys;
    private static Path trust;

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<Destination> failed = new CopyOnWriteArrayList<>();
    private TcpEndpoint server;
    private TcpEndpoint client;

    @BeforeAll
    static void keys(@TempDir Path dir) {
        goodKeys = TlsTestKeys.keystore(dir, "ip:127.0.0.1");
        otherKeys = TlsTestKeys.keystore(dir, "ip:127.0.0.1");
        trust = TlsTestKeys.trustStore(dir, goodKeys);
    }

    private static SSLContext trusting(Path trustStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            store.load(in, TlsTestKeys.PASSWORD.toCharArray());
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, f.getTrustManagers(), null);
        return context;
    }

    private InetSocketAddress serve(Path keys) {
        server = TcpEndpoint.openTls(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), StreamLimits.DEFAULT,
                TlsSettings.of(TlsTestKeys.server(keys)),
                (b, off, len, flow) -> received.add(new String(b, off, len, StandardCharsets.ISO_8859_1)), "server");
        return new InetSocketAddress("127.0.0.1", server.localAddress().getPort());
    }

    private void connectWith(TlsClient tls) {
        client = TcpEndpoint.openTls(null, StreamLimits.DEFAULT, null, tls, (b, off, len, flow) -> { }, "client");
        client.onConnectFailure((to, at) -> failed.add(to));
    }

    private boolean send(InetSocketAddress to, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return client.send(to, b, 0, b.length);
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void messagesSentBeforeTheHandshakeGoAfterItInOrderOverOneConnection() throws Exception {
        InetSocketAddress to = serve(goodKeys);
        connectWith(new TlsClient(trusting(trust), true, Duration.ofSeconds(5)));
        assertThat(client.localAddress()).as("an endpoint that only connects listens nowhere").isNull();
        assertThat(client.connects()).isTrue();

        assertThat(send(to, MESSAGE.replace("a@b", "first@b"))).isTrue();
        assertThat(send(to, MESSAGE.replace("a@b", "second@b"))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
        assertThat(send(to, MESSAGE.replace("a@b", "third@b"))).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 3);

        assertThat(received).extracting(m -> m.substring(0, m.indexOf(" SIP/2.0")))
                .containsExactly("OPTIONS sip:first@b", "OPTIONS sip:second@b", "OPTIONS sip:third@b");
        assertThat(client.openConnections()).isEqualTo(1);
        assertThat(server.openConnections()).isEqualTo(1);
        assertThat(failed).as("a connection that carried messages is no transport error").isEmpty();
    }

    @Test
    void anUntrustedCertificateGetsNothingAndItsConnectionClosed() throws Exception {
        InetSocketAddress to = serve(otherKeys);
        connectWith(new TlsClient(trusting(trust), false, Duration.ofSeconds(5)));
        send(to, MESSAGE);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.openConnections() == 0);
        assertThat(failed).as("the refused handshake is reported as the peer's transport error")
                .containsExactly(new Destination(Transport.TLS, to));
        assertThat(received).isEmpty();
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefusedWhenNamesAreChecked() throws Exception {
        Path dir = goodKeys.getParent();
        Path misnamed = TlsTestKeys.keystore(dir, "dns:carrier.example");
        InetSocketAddress to = serve(misnamed);
        connectWith(new TlsClient(trusting(TlsTestKeys.trustStore(dir, misnamed)), true, Duration.ofSeconds(5)));
        send(to, MESSAGE);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.openConnections() == 0);
        assertThat(received).isEmpty();
        assertThat(failed).containsExactly(new Destination(Transport.TLS, to));

        client.close();
        connectWith(new TlsClient(trusting(TlsTestKeys.trustStore(dir, misnamed)), false, Duration.ofSeconds(5)));
        send(to, MESSAGE);
        await("the same certificate without the name check").atMost(Duration.ofSeconds(10))
                .until(() -> received.size() == 1);
    }

    @Test
    void aRefusedConnectIsReportedAsTheHopsTransportError() throws Exception {
        InetSocketAddress closed;
        try (ServerSocket freed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = new InetSocketAddress("127.0.0.1", freed.getLocalPort());
        }
        connectWith(new TlsClient(trusting(trust), true, Duration.ofSeconds(5)));
        send(closed, MESSAGE);
        await().atMost(Duration.ofSeconds(5)).until(() -> failed.contains(new Destination(Transport.TLS, closed)));
        assertThat(client.openConnections()).isZero();
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeIsGivenUpAfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            connectWith(new TlsClient(trusting(trust), true, Duration.ofSeconds(1)));
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", silent.getLocalPort());
            send(to, MESSAGE);
            await().atMost(Duration.ofMillis(500)).until(() -> client.openConnections() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> client.openConnections() == 0);
            assertThat(failed).as("the overdue handshake is a transport error")
                    .containsExactly(new Destination(Transport.TLS, to));
        }
    }
}
