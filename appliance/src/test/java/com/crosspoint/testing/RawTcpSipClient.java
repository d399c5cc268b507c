package com.crosspoint.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal SIP client over one TCP connection, as a phone using RFC 5626 outbound keeps it: requests and answers
 * both ways on the connection it opened (Via {@code SIP/2.0/TCP}). Messages are framed by Content-Length; a reader
 * thread sorts them into responses and requests. {@link #close()} closes the connection (the flow fails).
 */
public final class RawTcpSipClient implements AutoCloseable {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(?:Content-Length|l)\\s*:\\s*(\\d+)\\s*$");

    private final Socket socket;
    private final BlockingQueue<String> responses = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> requests = new LinkedBlockingQueue<>();
    private final Thread reader;

    public RawTcpSipClient(String host, int port) {
        try {
            socket = new Socket();
            socket.setReuseAddress(true); // a test may listen where this connection came from once it is closed
            socket.connect(new InetSocketAddress(host, port), 5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(this::read, "raw-tcp-sip-" + socket.getLocalPort());
        reader.setDaemon(true);
        reader.start();
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public boolean connected() {
        return !socket.isClosed();
    }

    /** A request built as {@link SipText#request} does, over TCP; {@code contact} is the whole Contact value. */
    public String request(String method, String requestUri, String from, String to, String callId, int cseq,
                          String contact, List<String> extraHeaders, String body) {
        String local = "127.0.0.1:" + localPort();
        return SipText.request(method, requestUri, local, SipText.branch(),
                        "<" + from + ">;tag=" + Long.toHexString(System.nanoTime()), "<" + to + ">", callId, cseq,
                        contact, extraHeaders, body)
                .replaceFirst("SIP/2\\.0/UDP ", "SIP/2.0/TCP ");
    }

    /**
     * Sends {@code request}; when challenged (401/407), sends it again with CSeq + 1, a new branch and {@code user}'s
     * digest answer. Returns the final answer.
     */
    public RawSipClient.Response sendWithDigest(String request, String user, String password, Duration timeout) {
        RawSipClient.Response first = send(request, timeout);
        if (first.status() != 401 && first.status() != 407) {
            return first;
        }
        boolean www = first.status() == 401;
        String[] line = request.substring(0, request.indexOf("\r\n")).split(" ");
        String answer = SipText.digest(user, password, line[0], line[1],
                first.header(www ? "www-authenticate" : "proxy-authenticate"));
        Matcher cseq = Pattern.compile("(?m)^CSeq: (\\d+) ").matcher(request);
        if (!cseq.find()) {
            throw new IllegalArgumentException("no CSeq in\n" + request);
        }
        int next = Integer.parseInt(cseq.group(1)) + 1;
        String again = request.replaceFirst("(?m)^CSeq: \\d+ ", "CSeq: " + next + " ")
                .replaceFirst(";branch=[^;\r\n]+", ";branch=" + SipText.branch())
                .replaceFirst("\r\n\r\n", "\r\n" + (www ? "Authorization: " : "Proxy-Authorization: ") + answer
                        + "\r\n\r\n");
        return send(again, timeout);
    }

    /** Sends and waits for the first final response to this request's CSeq (provisional ones are skipped). */
    public RawSipClient.Response send(String request, Duration timeout) {
        String cseq = header(request, "cseq");
        write(request);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String text = poll(responses, deadline);
            if (text == null) {
                throw new IllegalStateException("no final response within " + timeout + " to:\n" + request);
            }
            RawSipClient.Response r = parse(text);
            if (cseq.equalsIgnoreCase(r.header("cseq")) && r.status() >= 200) {
                return r;
            }
        }
    }

    /** Writes a message as it is (an ACK, an answer). */
    public void write(String message) {
        try {
            socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next request the appliance sends over this connection, or null. */
    public String receiveRequest(Duration timeout) {
        return poll(requests, System.nanoTime() + timeout.toNanos());
    }

    /** Answers {@code request} with its Vias, From, Call-ID and CSeq, To with {@code toTag} unless it has one. */
    public void reply(String request, int status, String reason, String toTag) {
        write(RawSipClient.answer(request, status, reason, toTag, List.of(), null));
    }

    private static String poll(BlockingQueue<String> queue, long deadline) {
        try {
            long left = deadline - System.nanoTime();
            return left <= 0 ? queue.poll() : queue.poll(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void read() {
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                if (head.isBlank()) {
                    continue; // a CRLF keepalive answer
                }
                Matcher m = CONTENT_LENGTH.matcher(head);
                int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
                String message = head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
                (message.startsWith("SIP/2.0 ") ? responses : requests).add(message);
            }
        } catch (IOException e) {
            // the connection closed
        }
    }

    /** Everything up to and including the blank line after the headers ("" for a CRLF pong); null at the end. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            sb.append((char) c);
            if (sb.length() == 2 && sb.toString().equals("\r\n")) {
                return "";
            }
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                return sb.toString();
            }
        }
    }

    static String header(String message, String name) {
        for (String line : message.split("\r\n")) {
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static RawSipClient.Response parse(String text) {
        String[] lines = text.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
        }
        return new RawSipClient.Response(Integer.parseInt(status[1]), status.length > 2 ? status[2] : "", headers);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
