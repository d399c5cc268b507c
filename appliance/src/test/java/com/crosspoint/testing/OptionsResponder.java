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

/**
 * A SIP server on loopback UDP that answers every OPTIONS with 200 OK (to the datagram's source) and ignores
 * everything else: a trunk server whose health checks succeed, for tests that need one up.
 */
public final class OptionsResponder implements AutoCloseable {
    private final DatagramSocket socket;
    private final Thread thread;

    private OptionsResponder(DatagramSocket socket) {
        this.socket = socket;
        this.thread = new Thread(this::serve, "options-responder-" + socket.getLocalPort());
        this.thread.setDaemon(true);
    }

    /** Binds a free loopback port and starts answering. */
    public static OptionsResponder start() {
        try {
            OptionsResponder r = new OptionsResponder(new DatagramSocket(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), 0)));
            r.thread.start();
            return r;
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[65_535];
        while (!socket.isClosed()) {
            DatagramPacket in = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(in);
                String request = new String(in.getData(), 0, in.getLength(), StandardCharsets.UTF_8);
                if (request.startsWith("OPTIONS ")) {
                    byte[] out = RawSipClient.answer(request, 200, "OK", "probe-ok", List.of(), null)
                            .getBytes(StandardCharsets.UTF_8);
                    socket.send(new DatagramPacket(out, out.length, in.getSocketAddress()));
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
