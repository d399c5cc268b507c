package com.crosspoint.testing;

import com.crosspoint.auth.DigestAlgorithm;
import com.crosspoint.auth.DigestHashes;
import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.media.rtcp.MalformedRtcpException;
import com.crosspoint.media.rtcp.NtpTime;
import com.crosspoint.media.rtcp.ReceiverReport;
import com.crosspoint.media.rtcp.ReportBlock;
import com.crosspoint.media.rtcp.RtcpCompoundPacket;
import com.crosspoint.media.rtcp.RtcpPacket;
import com.crosspoint.media.rtcp.SenderReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test phone with exact control of its media: places one call over UDP (answering the proxy's digest
 * challenge), sends G.711 µ-law RTP at 20 ms pacing to the address of the SDP answer, and can leave out chosen
 * packets (their sequence numbers are skipped, as a lossy network would) — what a real phone cannot be told
 * to do. It ignores the audio it gets back, but answers each RTCP sender report of the appliance at once with a
 * receiver report echoing it (RFC 3550 §6.4.1: LSR, DLSR), so the appliance can measure the round trip.
 */
public final class RtpCaller implements AutoCloseable {
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern REALM = Pattern.compile("realm=\"([^\"]+)\"");
    private static final Pattern TAG = Pattern.compile(";\\s*tag=([^;>\\s]+)");
    private static final Pattern URI_IN_ANGLES = Pattern.compile("<([^>]+)>");
    private static final Pattern MEDIA_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");
    private static final Pattern CONNECTION = Pattern.compile("(?m)^c=IN IP4 (\\S+)");
    private static final int SAMPLES_PER_FRAME = 160;

    private final DatagramSocket sip;
    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    private final Thread rtcpReader;
    private final AtomicInteger reportsAnswered = new AtomicInteger();
    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private final InetSocketAddress server;
    private final String domainHostPort;
    private final String user;
    private final String password;
    private final String local;
    private final String callId = UUID.randomUUID() + "@rtp-caller";
    private final String fromTag = Long.toHexString(ThreadLocalRandom.current().nextLong());
    private String target;
    private String toHeader;
    private String remoteContact;
    private InetSocketAddress remoteRtp;
    private int cseq;

    /**
     * @param hostPort the appliance's SIP address (127.0.0.1:port), also the domain of the URIs
     */
    public RtpCaller(String hostPort, String user, String password) {
        try {
            this.local = "127.0.0.1";
            this.sip = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(local), 0));
            this.rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(local), 0));
            this.rtcp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(local), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.rtcpReader = new Thread(this::answerSenderReports, "rtp-caller-rtcp");
        this.rtcpReader.setDaemon(true);
        this.rtcpReader.start();
        String[] hp = hostPort.split(":");
        this.server = new InetSocketAddress(hp[0], Integer.parseInt(hp[1]));
        this.domainHostPort = hostPort;
        this.user = user;
        this.password = password;
    }

    public String callId() {
        return callId;
    }

    /** How many of the appliance's sender reports this caller answered with a receiver report. */
    public int reportsAnswered() {
        return reportsAnswered.get();
    }

    /** What was sent: packets on the wire and packets deliberately left out. */
    public record Sent(int sent, int dropped) {
        public double lossPercent() {
            return 100.0 * dropped / (sent + dropped);
        }
    }

    /** INVITE (again with credentials after the 407), wait for the 200, ACK it. */
    public void call(String extension, Duration timeout) {
        target = "sip:" + extension + "@" + domainHostPort;
        toHeader = "<" + target + ">";
        String branch = branch();
        cseq = 1;
        send(invite(branch, null));
        Message challenge = await("INVITE", cseq, timeout);
        if (challenge.status == 407) {
            ackNon2xx(branch, challenge);
            cseq++;
            send(invite(branch(), digest(challenge.header("proxy-authenticate"))));
            challenge = await("INVITE", cseq, timeout);
        }
        if (challenge.status != 200) {
            throw new IllegalStateException("call to " + extension + " failed: " + challenge.status);
        }
        Message ok = challenge;
        Matcher tag = TAG.matcher(ok.header("to"));
        toHeader = "<" + target + ">" + (tag.find() ? ";tag=" + tag.group(1) : "");
        Matcher contact = URI_IN_ANGLES.matcher(ok.header("contact"));
        remoteContact = contact.find() ? contact.group(1) : target;
        Matcher port = MEDIA_PORT.matcher(ok.body);
        Matcher address = CONNECTION.matcher(ok.body);
        if (!port.find() || !address.find()) {
            throw new IllegalStateException("no audio in the answer:\n" + ok.body);
        }
        remoteRtp = new InetSocketAddress(address.group(1), Integer.parseInt(port.group(1)));
        send(request("ACK", remoteContact, cseq, branch(), null, null));
    }

    /**
     * Sends a 1 kHz tone for {@code length} at 20 ms pacing (on absolute deadlines, so a late wake-up does not
     * stretch the call); the packets whose index {@code drop} accepts are left out but keep their sequence
     * number and timestamp, so the receiver counts them lost.
     */
    public Sent sendTone(Duration length, IntPredicate drop) {
        int frames = (int) (length.toMillis() / 20);
        int seq0 = ThreadLocalRandom.current().nextInt(0, 30_000);
        int sent = 0;
        int dropped = 0;
        byte[] packet = new byte[12 + SAMPLES_PER_FRAME];
        long start = System.nanoTime();
        try {
            for (int i = 0; i < frames; i++) {
                LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
                if (drop.test(i)) {
                    dropped++;
                    continue;
                }
                ByteBuffer b = ByteBuffer.wrap(packet);
                b.put((byte) 0x80).put((byte) (i == 0 ? 0x80 : 0x00)) // V=2; marker on the first; PT 0 (PCMU)
                        .putShort((short) (seq0 + i)).putInt(i * SAMPLES_PER_FRAME).putInt(ssrc);
                for (int s = 0; s < SAMPLES_PER_FRAME; s++) {
                    double t = (i * SAMPLES_PER_FRAME + s) / 8000.0;
                    b.put(G711Ulaw.encodeSample((int) (8000 * Math.sin(2 * Math.PI * 1000 * t))));
                }
                rtp.send(new DatagramPacket(packet, packet.length, remoteRtp));
                sent++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sent(sent, dropped);
    }

    /** BYE, waiting for its 200. */
    public void hangUp(Duration timeout) {
        cseq++;
        send(request("BYE", remoteContact, cseq, branch(), null, null));
        Message ok = await("BYE", cseq, timeout);
        if (ok.status != 200) {
            throw new IllegalStateException("BYE answered " + ok.status);
        }
    }

    private String invite(String branch, String authorization) {
        String sdp = "v=0\r\no=- 1 1 IN IP4 " + local + "\r\ns=-\r\nc=IN IP4 " + local + "\r\nt=0 0\r\n"
                + "m=audio " + rtp.getLocalPort() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=rtcp:" + rtcp.getLocalPort()
                + "\r\na=sendrecv\r\n";
        return request("INVITE", target, cseq, branch, authorization == null ? null : "Proxy-Authorization: " + authorization,
                sdp);
    }

    /** RTCP thread: an RR about each SR that arrives, sent back to where it came from. */
    private void answerSenderReports() {
        byte[] buffer = new byte[1500];
        while (!rtcp.isClosed()) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                rtcp.receive(p);
            } catch (IOException e) {
                return; // closed
            }
            long arrivedNanos = System.nanoTime();
            RtcpCompoundPacket compound;
            try {
                compound = RtcpCompoundPacket.parse(ByteBuffer.wrap(p.getData(), 0, p.getLength()));
            } catch (MalformedRtcpException e) {
                continue;
            }
            for (RtcpPacket packet : compound.packets()) {
                if (packet instanceof SenderReport sr) {
                    // DLSR rounded down, so the appliance never computes a negative round trip
                    long dlsr = NtpTime.durationToCompact(Duration.ofNanos(System.nanoTime() - arrivedNanos));
                    ReportBlock block = new ReportBlock(sr.ssrc(), 0, 0, 0, 0, sr.ntpTime().compact(), dlsr);
                    byte[] rr = RtcpCompoundPacket.of(new ReceiverReport(ssrc & 0xFFFF_FFFFL, List.of(block))).toBytes();
                    try {
                        rtcp.send(new DatagramPacket(rr, rr.length, p.getSocketAddress()));
                        reportsAnswered.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            }
        }
    }

    private void ackNon2xx(String inviteBranch, Message response) {
        String savedTo = toHeader;
        Matcher tag = TAG.matcher(response.header("to"));
        toHeader = "<" + target + ">" + (tag.find() ? ";tag=" + tag.group(1) : "");
        send(request("ACK", target, cseq, inviteBranch, null, null));
        toHeader = savedTo;
    }

    private String request(String method, String uri, int seq, String branch, String extraHeader, String body) {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(uri).append(" SIP/2.0\r\n");
        sb.append("Via: SIP/2.0/UDP ").append(local).append(':').append(sip.getLocalPort()).append(";rport;branch=")
                .append(branch).append("\r\n");
        sb.append("Max-Forwards: 70\r\n");
        sb.append("From: <sip:").append(user).append('@').append(domainHostPort).append(">;tag=").append(fromTag).append("\r\n");
        sb.append("To: ").append(toHeader).append("\r\n");
        sb.append("Call-ID: ").append(callId).append("\r\n");
        sb.append("CSeq: ").append(seq).append(' ').append(method).append("\r\n");
        sb.append("Contact: <sip:").append(user).append('@').append(local).append(':').append(sip.getLocalPort()).append(">\r\n");
        if (extraHeader != null) {
            sb.append(extraHeader).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.US_ASCII);
        if (content.length > 0) {
            sb.append("Content-Type: application/sdp\r\n");
        }
        sb.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        if (body != null) {
            sb.append(body);
        }
        return sb.toString();
    }

    /** An MD5 digest answer to the challenge (RFC 7616 §3.4, qop=auth), as SecurityIT computes it. */
    private String digest(String challenge) {
        String nonce = find(NONCE, challenge);
        String realm = find(REALM, challenge);
        String cnonce = Long.toHexString(System.nanoTime());
        String ha1 = DigestHashes.ha1(DigestAlgorithm.MD5, user, realm, password);
        String ha2 = DigestHashes.ha2(DigestAlgorithm.MD5, "INVITE", target);
        String response = DigestHashes.response(DigestAlgorithm.MD5, ha1, nonce, "00000001", cnonce, "auth", ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + target
                + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"" + cnonce + "\", qop=auth, nc=00000001";
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + text);
        }
        return m.group(1);
    }

    private static String branch() {
        return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
    }

    private void send(String message) {
        byte[] data = message.getBytes(StandardCharsets.UTF_8);
        try {
            sip.send(new DatagramPacket(data, data.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The final response to our request {@code method}/{@code seq}; requests from the appliance get a 200. */
    private Message await(String method, int seq, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                sip.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
                try {
                    sip.receive(p);
                } catch (SocketTimeoutException e) {
                    break;
                }
                Message m = Message.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                if (m.status == 0) {
                    if (!m.startLine.startsWith("ACK ")) {
                        reply(m);
                    }
                    continue;
                }
                if (m.status >= 200 && (seq + " " + method).equals(m.header("cseq"))) {
                    return m;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no final response to " + method + " within " + timeout);
    }

    private void reply(Message request) {
        StringBuilder sb = new StringBuilder("SIP/2.0 200 OK\r\n");
        for (String h : new String[] {"via", "from", "to", "call-id", "cseq"}) {
            sb.append(h).append(": ").append(request.header(h)).append("\r\n");
        }
        sb.append("Content-Length: 0\r\n\r\n");
        send(sb.toString());
    }

    @Override
    public void close() {
        sip.close();
        rtp.close();
        rtcp.close();
    }

    /** A SIP message as far as this caller needs it; {@code status} is 0 for a request. */
    private record Message(String startLine, int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        static Message parse(String text) {
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            String[] lines = head.split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    String name = compact(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT));
                    headers.putIfAbsent(name, lines[i].substring(colon + 1).trim());
                }
            }
            int status = lines[0].startsWith("SIP/2.0 ") ? Integer.parseInt(lines[0].split(" ", 3)[1]) : 0;
            return new Message(lines[0], status, headers, body);
        }

        private static String compact(String name) {
            return switch (name) {
                case "v" -> "via";
                case "f" -> "from";
                case "t" -> "to";
                case "i" -> "call-id";
                case "m" -> "contact";
                case "l" -> "content-length";
                case "c" -> "content-type";
                default -> name;
            };
        }
    }
}
