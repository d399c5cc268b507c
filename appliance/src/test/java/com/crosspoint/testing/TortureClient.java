package com.crosspoint.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends raw datagrams (torture messages, garbage) to a SIP server and collects what comes back.
 * A server answers to the top Via's sent-by port on the packet's source address (RFC 3261
 * §18.2.2), so each message is sent from a socket on 127.0.0.x bound to exactly that port: a
 * loopback alias keeps the test off ports other software (another SIP server on 5060) holds.
 */
public final class TortureClient implements AutoCloseable {
    private static final Pattern VIA = Pattern.compile("(?im)^(?:via|v)[ \\t]*:[ \\t]*SIP[ \\t]*/[ \\t]*2\\.0[ \\t]*/[ \\t]*\\S+[ \\t]+([^;,\\s:]+)(?::(\\d+))?");
    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:call-id|i)[ \\t]*:[ \\t]*(\\S+)");
    private static final Pattern STATUS = Pattern.compile("^SIP/2\\.0 (\\d{3})");

    private final InetSocketAddress server;
    private final Map<Integer, DatagramSocket> sockets = new HashMap<>();

    public TortureClient(String host, int port) {
        this.server = new InetSocketAddress(host, port);
    }

    /** A response seen, by status and Call-ID. */
    public record Reply(int status, String callId, String firstLine) {
    }

    /**
     * Sends one datagram and returns the replies that carry its Call-ID (all replies if it has
     * none), up to the first final response or until {@code wait} has passed.
     */
    public List<Reply> exchange(byte[] datagram, Duration wait) {
        String text = new String(datagram, StandardCharsets.ISO_8859_1);
        int port = 5060;
        Matcher via = VIA.matcher(text);
        if (via.find() && via.group(2) != null) {
            port = Integer.parseInt(via.group(2));
        }
        Matcher cid = CALL_ID.matcher(text);
        String callId = cid.find() ? cid.group(1) : null;
        DatagramSocket socket = socketFor(port);
        try {
            drain(socket);
            socket.send(new DatagramPacket(datagram, datagram.length, server));
            List<Reply> replies = new ArrayList<>();
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    break;
                }
                Reply r = parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.ISO_8859_1));
                if (r != null && (callId == null || callId.equals(r.callId()))) {
                    replies.add(r);
                    if (r.status() >= 200) {
                        break; // the final answer is in; later ones would be retransmissions
                    }
                }
            }
            return replies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply parse(String message) {
        Matcher m = STATUS.matcher(message);
        if (!m.find()) {
            return null;
        }
        Matcher cid = CALL_ID.matcher(message);
        int eol = message.indexOf('\r');
        return new Reply(Integer.parseInt(m.group(1)), cid.find() ? cid.group(1) : null,
                eol > 0 ? message.substring(0, eol) : message);
    }

    private static void drain(DatagramSocket s) throws IOException {
        s.setSoTimeout(1);
        try {
            while (true) {
                s.receive(new DatagramPacket(new byte[65535], 65535));
            }
        } catch (SocketTimeoutException e) {
            // nothing left from earlier exchanges
        }
    }

    private DatagramSocket socketFor(int port) {
        return sockets.computeIfAbsent(port, p -> {
            for (int x = 2; x < 250; x++) {
                try {
                    return new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0." + x), p));
                } catch (SocketException taken) {
                    // that alias already has this port: try the next one
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            throw new IllegalStateException("no loopback alias with UDP port " + p + " free");
        });
    }

    @Override
    public void close() {
        sockets.values().forEach(DatagramSocket::close);
    }

    private static final Pattern BRANCH = Pattern.compile("(?i)(;[ \\t]*branch[ \\t]*=[ \\t]*)([^;,\\s]+)");

    /**
     * Several RFC 4475 messages share one branch ({@code z9hG4bKkdjuw}). Sent one after another
     * within a transaction's lifetime, a server rightly takes the later ones for retransmissions
     * of the first (JAIN-SIP matches server transactions by branch), so a branch seen before in
     * this run gets a suffix; everything else stays byte for byte.
     */
    public static byte[] withUniqueBranch(byte[] message, java.util.Set<String> seen, String suffix) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        Matcher via = VIA.matcher(text);
        if (!via.find()) {
            return message;
        }
        int lineEnd = text.indexOf('\n', via.start());
        String viaLine = text.substring(via.start(), lineEnd < 0 ? text.length() : lineEnd);
        Matcher b = BRANCH.matcher(viaLine);
        if (!b.find()) {
            return message;
        }
        String branch = b.group(2).toLowerCase(Locale.ROOT);
        if (seen.add(branch)) {
            return message;
        }
        String newLine = viaLine.substring(0, b.end(2)) + suffix + viaLine.substring(b.end(2));
        String rewritten = text.substring(0, via.start()) + newLine + text.substring(via.start() + viaLine.length());
        return rewritten.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The rows of the RFC 4475 corpus's index ({@code file, section, title, verdict, ...}), header left out. */
    public static List<String[]> corpus() {
        String tsv = new String(vector("index.tsv"), StandardCharsets.UTF_8);
        return tsv.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t")).toList();
    }

    /** One file of the RFC 4475 corpus, byte for byte. */
    public static byte[] vector(String name) {
        try (java.io.InputStream in = TortureClient.class.getResourceAsStream("/vectors/rfc4475/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test vector " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lower-cased verdict column of the vector index, e.g. {@code valid}, {@code invalid}. */
    public static String normaliseVerdict(String verdict) {
        return verdict.toLowerCase(Locale.ROOT);
    }
}
