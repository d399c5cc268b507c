package com.crosspoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal SIP client over UDP for tests that need exact control of a request (no real phone
 * would send a wrong password on purpose). Requests carry {@code rport}, so answers come back to
 * this socket.
 */
public final class RawSipClient implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress server;
    /** host:port put into Via and Contact instead of the socket's, as a phone behind NAT does; null = the socket's. */
    private volatile String claimed;

    public RawSipClient(String host, int port) {
        this(host, port, "127.0.0.1");
    }

    /** @param localAddress a loopback address of its own (127.0.0.x) makes this client a distinct source */
    public RawSipClient(String host, int port, String localAddress) {
        try {
            this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.server = new InetSocketAddress(host, port);
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    /**
     * Names {@code hostPort} (e.g. a private {@code 192.168.9.9:5060}) in the Via and Contact of the requests it builds
     * from now on, while the packets still leave from its socket: what a phone behind NAT sends.
     */
    public RawSipClient claiming(String hostPort) {
        this.claimed = hostPort;
        return this;
    }

    /** A parsed response: status and headers (lower-cased names, every value of each). */
    public record Response(int status, String reason, Map<String, List<String>> headers) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public List<String> all(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }

    /** Builds a request with fresh Via branch, tags and Call-ID unless the extra headers set them. */
    public String request(String method, String requestUri, String from, String to, String callId, int cseq,
                          List<String> extraHeaders, String body) {
        String local = claimed != null ? claimed : socket.getLocalAddress().getHostAddress() + ':' + localPort();
        return SipText.request(method, requestUri, local, SipText.branch(),
                "<" + from + ">;tag=" + Long.toHexString(System.nanoTime()), "<" + to + ">", callId, cseq,
                "<sip:probe@" + local + ">", extraHeaders, body);
    }

    /**
     * Sends a request as CSeq 1; when it is challenged (401/407), sends it again as CSeq 2 with {@code user}'s digest
     * answer, and returns the final answer to that (else to the first). A challenged INVITE is not ACKed: its 4xx
     * retransmissions are told apart by their CSeq.
     */
    public Response sendWithDigest(String method, String requestUri, String from, String to, String callId,
                                   List<String> extraHeaders, String body, String user, String password,
                                   Duration timeout) {
        Response first = send(request(method, requestUri, from, to, callId, 1, extraHeaders, body), timeout);
        if (first.status() != 401 && first.status() != 407) {
            return first;
        }
        boolean www = first.status() == 401;
        String answer = SipText.digest(user, password, method, requestUri,
                first.header(www ? "www-authenticate" : "proxy-authenticate"));
        List<String> headers = new ArrayList<>(extraHeaders);
        headers.add((www ? "Authorization: " : "Proxy-Authorization: ") + answer);
        return send(request(method, requestUri, from, to, callId, 2, headers, body), timeout);
    }

    /** Sends and waits for the first final response (provisional ones are skipped). */
    public Response send(String request, Duration timeout) {
        List<Response> all = sendCollect(request, timeout, true);
        if (all.isEmpty() || all.get(all.size() - 1).status() < 200) {
            throw new IllegalStateException("no final response within " + timeout + " to:\n" + request);
        }
        return all.get(all.size() - 1);
    }

    /**
     * Sends and returns every response seen until a final one (or the timeout); answers to other requests
     * (another CSeq, such as a retransmitted challenge) are skipped.
     */
    public List<Response> sendCollect(String request, Duration timeout, boolean stopAtFinal) {
        byte[] data = request.getBytes(StandardCharsets.UTF_8);
        String cseq = cseqOf(request);
        List<Response> out = new ArrayList<>();
        try {
            socket.send(new DatagramPacket(data, data.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String text = receive(deadline); text != null; text = receive(deadline)) {
            Response r = parse(text);
            if (r != null && (cseq == null || cseq.equalsIgnoreCase(r.header("cseq")))) {
                out.add(r);
                if (stopAtFinal && r.status() >= 200) {
                    break;
                }
            }
        }
        return out;
    }

    /** The next request the appliance sends to this client (e.g. an INVITE to its registered contact), or null. */
    public String receiveRequest(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String text = receive(deadline); text != null; text = receive(deadline)) {
            if (!text.startsWith("SIP/2.0 ")) {
                return text;
            }
        }
        return null;
    }

    /** The next datagram before {@code deadline} (System.nanoTime), or null. */
    private String receive(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return null;
        }
        DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
        try {
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
    }

    /** Answers a request {@link #receiveRequest} returned (its Vias, From, To with a tag, Call-ID, CSeq). */
    public void reply(String request, int status, String reason) {
        sendRaw(answer(request, status, reason, Long.toString(System.nanoTime()), List.of(), null));
    }

    /** Answers {@code request} with {@code toTag} (unless its To has a tag), more headers and a body (SDP). */
    public void reply(String request, int status, String reason, String toTag, List<String> headers, String body) {
        sendRaw(answer(request, status, reason, toTag, headers, body));
    }

    /** Sends a message as it is (an ACK, an in-dialog request) to the appliance. */
    public void sendRaw(String message) {
        byte[] data = message.getBytes(StandardCharsets.UTF_8);
        try {
            socket.send(new DatagramPacket(data, data.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A response to {@code request}: its Vias, From, Call-ID and CSeq, its To with {@code toTag} unless it has one,
     * then {@code headers} and a body (sent as application/sdp).
     */
    public static String answer(String request, int status, String reason, String toTag, List<String> headers,
                                String body) {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append(' ').append(reason).append("\r\n");
        for (String line : request.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            String name = line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "via", "v", "from", "f", "call-id", "i", "cseq" -> sb.append(line).append("\r\n");
                case "to", "t" -> sb.append(line).append(line.contains(";tag=") ? "" : ";tag=" + toTag)
                        .append("\r\n");
                default -> {
                    // not echoed
                }
            }
        }
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (content.length > 0) {
            sb.append("Content-Type: application/sdp\r\n");
        }
        sb.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        return body == null ? sb.toString() : sb.append(body).toString();
    }

    private static String cseqOf(String request) {
        for (String line : request.split("\r\n")) {
            if (line.regionMatches(true, 0, "CSeq:", 0, 5)) {
                return line.substring(5).trim();
            }
        }
        return null;
    }

    private static Response parse(String text) {
        if (!text.startsWith("SIP/2.0 ")) {
            return null;
        }
        String[] lines = text.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        return new Response(Integer.parseInt(status[1]), status.length > 2 ? status[2] : "", headers);
    }

    @Override
    public void close() {
        socket.close();
    }
}
