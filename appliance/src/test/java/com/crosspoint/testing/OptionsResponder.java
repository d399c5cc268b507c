package com.crosspoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SIP server on loopback UDP that answers every OPTIONS with one status (to the top Via's sent-by, as RFC 3261
 * 18.2.2 says) and ignores everything else: a trunk server whose health checks succeed (200) or that is overloaded
 * (503), for tests that need one up or down within a probe interval.
 */
public final class OptionsResponder implements AutoCloseable {
    private static final Pattern VIA = Pattern.compile("(?im)^(?:Via|v)\\s*:\\s*SIP/2\\.0/UDP\\s+([^:;\\s]+)(?::(\\d+))?");

    private final DatagramSocket socket;
    private final int status;
    private final Thread thread;
    private final AtomicInteger answered = new AtomicInteger();

    private OptionsResponder(DatagramSocket socket, int status) {
        this.socket = socket;
        this.status = status;
        this.thread = new Thread(this::serve, "options-responder-" + socket.getLocalPort());
        this.thread.setDaemon(true);
    }

    /** Binds a free loopback port and starts answering every OPTIONS with {@code status} (200, 503). */
    public static OptionsResponder start(int status) {
        try {
            OptionsResponder r = new OptionsResponder(new DatagramSocket(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), 0)), status);
            r.thread.start();
            return r;
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** How many OPTIONS it has answered. */
    public int answered() {
        return answered.get();
    }

    private void serve() {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
                String request = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
                if (request.startsWith("OPTIONS ")) {
                    byte[] out = RawSipClient.answer(request, status, status == 200 ? "OK" : "Service Unavailable",
                            "probe", List.of(), null).getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(out, out.length, sentBy(request, in)));
                    answered.incrementAndGet();
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** The top Via's host and port, else the datagram's source. */
    private static InetSocketAddress sentBy(String request, DatagramPacket in) {
        Matcher via = VIA.matcher(request);
        if (!via.find()) {
            return (InetSocketAddress) in.getSocketAddress();
        }
        return new InetSocketAddress(via.group(1), via.group(2) == null ? 5060 : Integer.parseInt(via.group(2)));
    }

    @Override
    public void close() {
        socket.close();
    }
}
