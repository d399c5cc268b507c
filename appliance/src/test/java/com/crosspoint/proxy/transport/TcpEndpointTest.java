package com.crosspoint.proxy.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TCP endpoint on real loopback sockets: framing across and within segments, replies, limits. */
class TcpEndpointTest {
    private static final String MESSAGE = "OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 4\r\n\r\nbody";

    private final List<String> received = new CopyOnWriteArrayList<>();
    private TcpEndpoint endpoint;

    private TcpEndpoint open(StreamLimits limits) {
        endpoint = TcpEndpoint.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), limits,
                (b, off, len, flow) -> {
                    received.add(new String(b, off, len, StandardCharsets.ISO_8859_1));
                    flow.connection().send("pong\r\n".getBytes(StandardCharsets.US_ASCII), 0, 6);
                }, "test");
        return endpoint;
    }

    @AfterEach
    void close() {
        endpoint.close();
    }

    @Test
    void messagesAreCutByContentLengthWhateverTheSegmentsAndAnsweredOnTheirConnection() throws IOException {
        open(StreamLimits.DEFAULT);
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), endpoint.localAddress().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("\r\n\r\n" + MESSAGE + MESSAGE + MESSAGE.substring(0, 20)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(2)).until(() -> received.size() == 2);
            out.write(MESSAGE.substring(20).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(2)).until(() -> received.size() == 3);
            assertThat(received).containsOnly(MESSAGE);
            byte[] answers = s.getInputStream().readNBytes(18);
            assertThat(new String(answers, StandardCharsets.US_ASCII)).isEqualTo("pong\r\n".repeat(3));
        }
    }

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        open(new StreamLimits(10, 1024, 4096, Duration.ofMillis(100)));
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), endpoint.localAddress().getPort())) {
            s.setSoTimeout(5000);
            assertThat(s.getInputStream().read()).isEqualTo(-1);
            assertThat(endpoint.openConnections()).isZero();
        }
    }

    @Test
    void connectionsBeyondTheLimitAreRefused() throws IOException {
        open(new StreamLimits(1, 1024, 4096, Duration.ofMinutes(1)));
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), endpoint.localAddress().getPort());
             Socket second = new Socket(InetAddress.getLoopbackAddress(), endpoint.localAddress().getPort())) {
            second.setSoTimeout(5000);
            assertThat(second.getInputStream().read()).isEqualTo(-1);
            first.getOutputStream().write(MESSAGE.getBytes(StandardCharsets.US_ASCII));
            await().atMost(Duration.ofSeconds(2)).until(() -> received.size() == 1);
        }
    }

    @Test
    void anOutboundConnectionIsOpenedOnDemandAndReused() throws IOException {
        open(StreamLimits.DEFAULT);
        try (java.net.ServerSocket peer = new java.net.ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), peer.getLocalPort());
            byte[] bytes = MESSAGE.getBytes(StandardCharsets.US_ASCII);
            assertThat(endpoint.send(to, bytes, 0, bytes.length)).isTrue();
            assertThat(endpoint.send(to, bytes, 0, bytes.length)).isTrue();
            try (Socket accepted = peer.accept()) {
                InputStream in = accepted.getInputStream();
                assertThat(new String(in.readNBytes(2 * bytes.length), StandardCharsets.US_ASCII)).isEqualTo(MESSAGE + MESSAGE);
                assertThat(endpoint.openConnections()).as("both sends on one connection").isEqualTo(1);
            }
            // the peer hung up: the endpoint notices and forgets the connection
            await().atMost(Duration.ofSeconds(2)).until(() -> endpoint.openConnections() == 0);
        }
    }
}
