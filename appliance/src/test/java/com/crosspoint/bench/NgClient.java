package com.crosspoint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * rtpengine's ng control protocol over UDP: a request is a cookie, a space and a bencoded dictionary; the reply
 * repeats the cookie. Sends what Kamailio's rtpengine module sends for {@code rtpengine_offer()},
 * {@code rtpengine_answer()} and {@code rtpengine_delete()} ({@code replace-origin replace-session-connection
 * ICE=remove}), so rtpengine is driven as behind Kamailio without Kamailio in the media path.
 */
final class NgClient implements AutoCloseable {
    private static final int TIMEOUT_MILLIS = 2000;
    private static final int ATTEMPTS = 3;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private long nextCookie = System.nanoTime();

    NgClient(InetSocketAddress server) {
        this.server = server;
        try {
            socket = new DatagramSocket(new InetSocketAddress(server.getAddress(), 0));
            socket.setSoTimeout(TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean ping() {
        try {
            return "pong".equals(request(Map.of("command", "ping")).get("result"));
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** The SDP rtpengine returns for the caller's offer: where the callee is to send. */
    String offer(String callId, String fromTag, String sdp) {
        Map<String, Object> m = command("offer", callId, fromTag);
        m.put("sdp", sdp);
        return sdp(request(m));
    }

    /** The SDP rtpengine returns for the callee's answer: where the caller is to send. */
    String answer(String callId, String fromTag, String toTag, String sdp) {
        Map<String, Object> m = command("answer", callId, fromTag);
        m.put("to-tag", toTag);
        m.put("sdp", sdp);
        return sdp(request(m));
    }

    void delete(String callId, String fromTag) {
        request(command("delete", callId, fromTag));
    }

    private static Map<String, Object> command(String command, String callId, String fromTag) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", command);
        m.put("call-id", callId);
        m.put("from-tag", fromTag);
        m.put("replace", List.of("origin", "session-connection"));
        m.put("ICE", "remove");
        return m;
    }

    private static String sdp(Map<String, Object> reply) {
        if (!"ok".equals(reply.get("result"))) {
            throw new IllegalStateException("rtpengine refused: " + reply);
        }
        return (String) reply.get("sdp");
    }

    @SuppressWarnings("unchecked")
    private synchronized Map<String, Object> request(Map<String, Object> message) {
        String cookie = Long.toHexString(nextCookie++);
        byte[] body = Bencode.encode(message);
        byte[] prefix = (cookie + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] datagram = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, datagram, prefix.length, body.length);
        byte[] buffer = new byte[65536];
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                socket.send(new DatagramPacket(datagram, datagram.length, server));
                long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
                while (System.currentTimeMillis() < deadline) {
                    DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                    socket.receive(reply);
                    String head = new String(buffer, 0, Math.min(reply.getLength(), prefix.length),
                            StandardCharsets.US_ASCII);
                    if (head.equals(cookie + " ")) {
                        return (Map<String, Object>) Bencode.decode(Arrays.copyOf(buffer, reply.getLength()),
                                prefix.length);
                    }
                }
            } catch (SocketTimeoutException e) {
                // retransmit
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new UncheckedIOException(new IOException("rtpengine at " + server + " did not answer "
                + message.get("command")));
    }

    @Override
    public void close() {
        socket.close();
    }
}
