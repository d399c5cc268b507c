package com.crosspoint.it;

import com.crosspoint.testing.TortureClient;
import com.crosspoint.testing.TortureClient.Reply;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RFC 4475 corpus and garbage against one port of a proxy role (the call router's, the gateway's), with plain
 * UDP sockets standing in for the carriers or PBX nodes behind it ("spies": they record and never answer). Every
 * message goes as it is, and every INVITE a second time with its Request-URI's user replaced by a routable number,
 * so that the routing step would send it on if the proxy let it through. Over UDP and, one connection per message,
 * over TCP. What it finds wrong is collected as {@link #problems()}.
 */
final class EdgeTorture {
    private static final Duration UDP_WAIT = Duration.ofMillis(250);
    private static final int TCP_WAIT_MILLIS = 150;
    private static final Pattern CALL_ID = Pattern.compile("(?im)^(?:call-id|i)[ \\t]*:[ \\t]*(\\S+)");
    private static final Pattern STATUS = Pattern.compile("(?m)^SIP/2\\.0 (\\d{3})");
    /** An INVITE whose Request-URI is a plain sip: URI with a user part: the user is what routing reads. */
    private static final Pattern INVITE_USER = Pattern.compile("^INVITE (sips?):[^@\\s<>]+@");
    /** §3.1.2.12: a liberal element may accept a Date it has no use for. */
    private static final Set<String> LIBERAL = Set.of("baddate.dat");
    /** The answers a proxy owes (RFC 4475 §3.3.11, §3.3.2, §3.3.3, §3.3.5, §3.1.2.16 ...). */
    static final Map<String, Integer> EXACT = Map.of(
            "zeromf.dat", 483,
            "unkscm.dat", 416,
            "novelsc.dat", 416,
            "bext01.dat", 420,
            "badvers.dat", 505,
            "mismatch01.dat", 400,
            "clerr.dat", 400,
            "badinv01.dat", 400,
            "badbranch.dat", 400);

    private final int port;
    private final String number;
    private final List<DatagramSocket> spies;
    private final List<String> problems = new ArrayList<>();
    /** Call-ID of every message sent, and whether it may be forwarded (a valid request). */
    private final Map<String, Boolean> mayForward = new HashMap<>();
    private final Set<String> forwardedCallIds = new HashSet<>();
    private int forwarded;
    private int routableValidInvites;
    /** The stream transport's name in the problems, and how its connections are opened. */
    private final String stream;
    private final StreamOpener streams;

    /** Opens one stream connection to the role. */
    @FunctionalInterface
    private interface StreamOpener {
        Socket open() throws IOException;
    }

    /** The stream checks ({@link #tcpCorpus}, {@link #tcpOversize}) over TLS to {@code tlsPort}; UDP as before. */
    static EdgeTorture overTls(int port, int tlsPort, String number, List<DatagramSocket> spies) {
        return new EdgeTorture(port, number, spies, "TLS",
                () -> com.crosspoint.testing.TlsTestKeys.connect("127.0.0.1", tlsPort, 5000));
    }

    /**
     * @param port   the role's SIP port on 127.0.0.1
     * @param number the user part that routes (a number with a carrier's rate, a DID)
     * @param spies  the sockets the role forwards to
     */
    EdgeTorture(int port, String number, List<DatagramSocket> spies) {
        this(port, number, spies, "TCP", () -> new Socket("127.0.0.1", port));
    }

    private EdgeTorture(int port, String number, List<DatagramSocket> spies, String stream, StreamOpener streams) {
        this.stream = stream;
        this.streams = streams;
        this.port = port;
        this.number = number;
        this.spies = spies;
    }

    /** All of it: the corpus over UDP and TCP, garbage, oversize input, and a last look at the spies. */
    void everything(TortureClient client) throws IOException {
        udpCorpus(client);
        tcpCorpus();
        udpGarbage(client);
        tcpOversize();
        finish();
    }

    /** Every corpus message as it is and with the routable user, over UDP. */
    void udpCorpus(TortureClient client) throws IOException {
        Set<String> branches = new HashSet<>();
        for (String[] row : TortureClient.corpus()) {
            String file = row[0];
            boolean valid = TortureClient.normaliseVerdict(row[3]).startsWith("valid") || LIBERAL.contains(file);
            byte[] original = TortureClient.withUniqueBranch(TortureClient.vector(file), branches,
                    "-" + file.replace(".dat", ""));
            udpOne(client, file, original, valid, true);
            byte[] routable = routable(original);
            if (routable != null) {
                byte[] unique = TortureClient.withUniqueBranch(routable, branches, "-r" + file.replace(".dat", ""));
                udpOne(client, file + " (routable)", unique, valid, false);
                if (valid) {
                    routableValidInvites++;
                }
            }
        }
    }

    private void udpOne(TortureClient client, String label, byte[] message, boolean valid, boolean exact) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        boolean response = text.startsWith("SIP/2.0");
        String callId = callId(text);
        mayForward.merge(callId, valid && !response, Boolean::logicalAnd);
        List<Integer> codes = client.exchange(message, UDP_WAIT).stream().map(Reply::status).distinct().toList();
        judge(label, response, valid, codes, exact);
        drainSpies(30);
    }

    /** Every corpus message over a TCP (or TLS) connection of its own (opened, written, read for a moment, closed). */
    void tcpCorpus() throws IOException {
        Set<String> branches = new HashSet<>();
        for (String[] row : TortureClient.corpus()) {
            String file = row[0];
            boolean valid = TortureClient.normaliseVerdict(row[3]).startsWith("valid") || LIBERAL.contains(file);
            byte[] message = TortureClient.withUniqueBranch(TortureClient.vector(file), branches,
                    "-t" + file.replace(".dat", ""));
            String text = new String(message, StandardCharsets.ISO_8859_1);
            boolean response = text.startsWith("SIP/2.0");
            mayForward.merge(callId(text), valid && !response, Boolean::logicalAnd);
            judge(file + " over " + stream, response, valid, tcpExchange(message), false);
            drainSpies(10);
        }
    }

    /** Random bytes, a 65,000-byte datagram, a truncated INVITE and a header bomb over UDP. */
    void udpGarbage(TortureClient client) {
        Random random = new Random(4475);
        for (int i = 0; i < 20; i++) {
            byte[] junk = new byte[1 + random.nextInt(1400)];
            random.nextBytes(junk);
            client.exchange(junk, Duration.ofMillis(20));
        }
        byte[] huge = new byte[65_000];
        Arrays.fill(huge, (byte) 'A');
        noAnswerOrError("a 65,000-byte datagram", client.exchange(huge, Duration.ofMillis(100)));
        String invite = "INVITE sip:" + number + "@127.0.0.1 SIP/2.0\r\n";
        noAnswerOrError("a truncated INVITE", client.exchange((invite
                + "Via: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKtrunc\r\n").getBytes(StandardCharsets.US_ASCII),
                Duration.ofMillis(100)));
        noAnswerOrError("a header bomb", client.exchange((invite + "Via: SIP/2.0/UDP 127.0.0.1;branch=z9hG4bKbomb\r\n"
                + "X-Bomb: a\r\n".repeat(4000) + "\r\n").getBytes(StandardCharsets.US_ASCII), Duration.ofMillis(100)));
        drainSpies(50);
    }

    /** 70 KB on TCP without an end of headers, then an INVITE announcing a 100 KB body: both connections closed. */
    void tcpOversize() throws IOException {
        byte[] chunk = new byte[7000];
        Arrays.fill(chunk, (byte) 'x');
        if (!closedAfter(chunk, 10)) {
            problems.add("a 70 KB " + stream + " stream without an end of headers was not closed");
        }
        String head = "INVITE sip:" + number + "@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bKbig\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:" + number + "@127.0.0.1>\r\n"
                + "Call-ID: oversize-body@127.0.0.1\r\nCSeq: 1 INVITE\r\nContent-Type: application/sdp\r\n"
                + "Content-Length: 100000\r\n\r\n";
        mayForward.put("oversize-body@127.0.0.1", false);
        byte[] body = new byte[100_000];
        Arrays.fill(body, (byte) 'v');
        byte[] all = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, all, 0, head.length());
        System.arraycopy(body, 0, all, head.length(), body.length);
        if (!closedAfter(all, 1)) {
            problems.add("an INVITE announcing a 100 KB body over " + stream + " did not close its connection");
        }
        drainSpies(50);
    }

    /** Reads what reached the spies for a last moment and checks it: valid requests only, each one parsing. */
    void finish() {
        drainSpies(300);
    }

    List<String> problems() {
        return problems;
    }

    /** Datagrams the spies received (retransmissions included). */
    int forwarded() {
        return forwarded;
    }

    /** Distinct Call-IDs that reached the spies. */
    Set<String> forwardedCallIds() {
        return forwardedCallIds;
    }

    /** Valid INVITEs sent with a routable Request-URI. */
    int routableValidInvites() {
        return routableValidInvites;
    }

    private void judge(String label, boolean response, boolean valid, List<Integer> codes, boolean exact) {
        String file = label.split(" ")[0];
        if (response && !codes.isEmpty()) {
            problems.add(label + " (a response not sent through us) was answered: " + codes);
        } else if (!response && !valid && codes.stream().anyMatch(c -> c >= 200 && c < 300)) {
            problems.add(label + " (invalid) was accepted: " + codes);
        }
        if (codes.stream().anyMatch(c -> c >= 200 && c < 300)) {
            // a proxy role answers 2xx only to OPTIONS for itself; none of the corpus is one
            problems.add(label + " got a 2xx: " + codes);
        }
        if (exact && EXACT.containsKey(file) && !codes.contains(EXACT.get(file))) {
            problems.add(label + " expected " + EXACT.get(file) + " got " + codes);
        }
    }

    private void noAnswerOrError(String what, List<Reply> replies) {
        if (replies.stream().anyMatch(r -> r.status() < 400 && r.status() >= 200)) {
            problems.add(what + " was accepted: " + replies);
        }
    }

    private void drainSpies(int millis) {
        byte[] buf = new byte[65_535];
        for (DatagramSocket spy : spies) {
            try {
                spy.setSoTimeout(millis);
                while (true) {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    spy.receive(p);
                    arrived(Arrays.copyOf(p.getData(), p.getLength()));
                }
            } catch (SocketTimeoutException e) {
                // nothing more for now
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A datagram at a spy: a request we sent as valid, which an independent parser (JAIN-SIP's) reads. */
    private void arrived(byte[] datagram) {
        forwarded++;
        String text = new String(datagram, StandardCharsets.ISO_8859_1);
        String callId = callId(text);
        forwardedCallIds.add(callId);
        Boolean allowed = mayForward.get(callId);
        if (allowed == null || !allowed) {
            problems.add("forwarded although invalid or unknown (Call-ID " + callId + "): "
                    + text.lines().findFirst().orElse(""));
        }
        try {
            new StringMsgParser().parseSIPMessage(datagram, true, false, null);
        } catch (ParseException | RuntimeException e) {
            problems.add("forwarded a message JAIN-SIP cannot parse (" + e.getMessage() + "): " + text);
        }
    }

    private List<Integer> tcpExchange(byte[] message) {
        List<Integer> codes = new ArrayList<>();
        try (Socket s = streams.open()) {
            s.setSoTimeout(TCP_WAIT_MILLIS);
            s.getOutputStream().write(message);
            StringBuilder in = new StringBuilder();
            byte[] buf = new byte[8192];
            try {
                for (int n; (n = s.getInputStream().read(buf)) > 0; ) {
                    in.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                    if (finalIn(in)) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // silence or a reset: no (more) answer
            }
            Matcher m = STATUS.matcher(in);
            while (m.find()) {
                int code = Integer.parseInt(m.group(1));
                if (!codes.contains(code)) {
                    codes.add(code);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }

    private static boolean finalIn(CharSequence in) {
        Matcher m = STATUS.matcher(in);
        while (m.find()) {
            if (m.group(1).charAt(0) != '1') {
                return true;
            }
        }
        return false;
    }

    /** Whether the role closes (or resets) a connection after {@code times} writes of {@code bytes}. */
    private boolean closedAfter(byte[] bytes, int times) throws IOException {
        try (Socket s = streams.open()) {
            s.setSoTimeout(3000);
            try {
                for (int i = 0; i < times; i++) {
                    s.getOutputStream().write(bytes);
                }
                byte[] buf = new byte[4096];
                int n;
                while ((n = s.getInputStream().read(buf)) > 0) {
                    if (new String(buf, 0, n, StandardCharsets.ISO_8859_1).matches("(?s).*SIP/2\\.0 2\\d\\d.*")) {
                        return false;
                    }
                }
                return n == -1;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true; // closed while we were still writing
            }
        }
    }

    /** The INVITE with its Request-URI's user replaced by the routable number; null for other messages. */
    private byte[] routable(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        Matcher m = INVITE_USER.matcher(text);
        if (!m.find()) {
            return null;
        }
        String replaced = "INVITE " + m.group(1) + ":" + number + "@" + text.substring(m.end());
        return replaced.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String callId(String text) {
        Matcher m = CALL_ID.matcher(text);
        return m.find() ? m.group(1) : "(none)";
    }

}
