package com.crosspoint.testing;

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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test phone with exact control of its media: places one call over UDP (answering the proxy's digest
 * challenge), sends a G.711 µ-law tone ({@link RtpTone}) as RTP to the address of the SDP answer — paced by itself
 * ({@link #sendTone}, leaving out chosen packets as a lossy network would) or one frame at a time by the test
 * ({@link #sendFrame}, with SSRC changes and a chosen first sequence number) — what a real phone cannot be told
 * to do. It only counts the audio it gets back, but answers each RTCP sender report of the appliance at once with a
 * receiver report echoing it (RFC 3550 §6.4.1: LSR, DLSR), so the appliance can measure the round trip.
 */
public final class RtpCaller implements AutoCloseable {
    private static final Pattern TAG = Pattern.compile(";\\s*tag=([^;>\\s]+)");
    private static final Pattern URI_IN_ANGLES = Pattern.compile("<([^>]+)>");
    private static final Pattern MEDIA_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");
    private static final Pattern CONNECTION = Pattern.compile("(?m)^c=IN IP4 (\\S+)");
    /** Retransmit a request this often until the appliance answers it (UDP, RFC 3261 §17.1.1.2). */
    private static final long RETRANSMIT_NANOS = 500_000_000L;

    private final DatagramSocket sip;
    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    private final Thread rtcpReader;
    private final Thread rtpReader;
    private final AtomicInteger reportsAnswered = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private volatile int ssrc = ThreadLocalRandom.current().nextInt();
    /** Send state, touched only by the thread that sends RTP. */
    private int seq = ThreadLocalRandom.current().nextInt(0, 30_000);
    private int timestamp;
    private boolean marker = true;
    private volatile int framesSent;
    private int firstResponse;
    private final InetSocketAddress server;
    private final String domainHostPort;
    private final String user;
    private final String password;
    private final String local;
    private final String callId = UUID.randomUUID() + "@rtp-caller";
    private final String fromTag = Long.toHexString(ThreadLocalRandom.current().nextLong());
    private boolean lateOffer;
    /** The address our SDP names for our media; where we really send from and listen is {@link #local}. */
    private String sdpAddress;
    private String target;
    private String toHeader;
    private String remoteContact;
    private volatile InetSocketAddress remoteRtp;
    private int cseq;

    /**
     * @param hostPort the appliance's SIP address (127.0.0.1:port), also the domain of the URIs
     */
    public RtpCaller(String hostPort, String user, String password) {
        try {
            this.local = "127.0.0.1";
            this.sdpAddress = local;
            this.sip = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(local), 0));
            this.rtp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(local), 0));
            this.rtcp = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(local), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.rtcpReader = new Thread(this::answerSenderReports, "rtp-caller-rtcp");
        this.rtcpReader.setDaemon(true);
        this.rtcpReader.start();
        this.rtpReader = new Thread(this::countReceived, "rtp-caller-rtp");
        this.rtpReader.setDaemon(true);
        this.rtpReader.start();
        String[] hp = hostPort.split(":");
        this.server = new InetSocketAddress(hp[0], Integer.parseInt(hp[1]));
        this.domainHostPort = hostPort;
        this.user = user;
        this.password = password;
    }

    public String callId() {
        return callId;
    }

    /** Sets the sequence number of the next RTP packet (before sending: to test the 65535 → 0 wrap). */
    public RtpCaller firstSequence(int first) {
        this.seq = first & 0xFFFF;
        return this;
    }

    /** The status of the appliance's first final answer to the INVITE without credentials (407 expected). */
    public int firstResponse() {
        return firstResponse;
    }

    /** Where the appliance takes this call's RTP (from its SDP answer); null before the call is answered. */
    public InetSocketAddress applianceRtp() {
        return remoteRtp;
    }

    /** The socket this caller sends its RTP from, for tests that send other datagrams from the same address. */
    public DatagramSocket rtpSocket() {
        return rtp;
    }

    public int ssrc() {
        return ssrc;
    }

    /** RTP packets sent so far. */
    public int framesSent() {
        return framesSent;
    }

    /** Datagrams the appliance sent to this caller's RTP port. */
    public long received() {
        return received.get();
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

    /**
     * Makes the next {@link #call} a late offer (RFC 3264 §4 with the offer in the 2xx): the INVITE carries no SDP,
     * the 200 brings the other side's offer and our ACK carries the answer (PCMU).
     */
    public RtpCaller lateOffer() {
        lateOffer = true;
        return this;
    }

    /**
     * Makes the SDP name {@code address} (another loopback address, where nothing listens) for this caller's media
     * while its RTP keeps coming from and going to its own socket: what a phone behind NAT looks like to the
     * appliance (its SDP names an address its packets do not come from).
     */
    public RtpCaller advertising(String address) {
        sdpAddress = address;
        return this;
    }

    /** INVITE (again with credentials after the 407), wait for the 200, ACK it. */
    public void call(String extension, Duration timeout) {
        target = "sip:" + extension + "@" + domainHostPort;
        toHeader = "<" + target + ">";
        String branch = SipText.branch();
        cseq = 1;
        Message challenge = transact(invite(branch, null), "INVITE", cseq, timeout);
        firstResponse = challenge.status;
        if (challenge.status == 407) {
            ackNon2xx(branch, challenge);
            cseq++;
            String authorization = SipText.digest(user, password, "INVITE", target,
                    challenge.header("proxy-authenticate"));
            challenge = transact(invite(SipText.branch(), authorization), "INVITE", cseq, timeout);
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
        send(request("ACK", remoteContact, cseq, SipText.branch(), null, lateOffer ? sdp() : null));
    }

    /**
     * Sends the tone for {@code length} at 20 ms pacing (on absolute deadlines, so a late wake-up does not
     * stretch the call); the packets whose index {@code drop} accepts are left out but keep their sequence
     * number and timestamp, so the receiver counts them lost.
     */
    public Sent sendTone(Duration length, IntPredicate drop) {
        int frames = (int) (length.toMillis() / 20);
        int sent = 0;
        int dropped = 0;
        long start = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            LockSupport.parkNanos(start + i * 20_000_000L - System.nanoTime());
            if (drop.test(i)) {
                dropped++;
                skipFrame();
            } else {
                sendFrame();
                sent++;
            }
        }
        return new Sent(sent, dropped);
    }

    /** Sends the next 20 ms of the tone now (the caller paces); the marker bit is set on the first packet. */
    public void sendFrame() {
        ByteBuffer packet = RtpTone.put(ByteBuffer.allocate(RtpTone.PACKET_BYTES), marker, seq, timestamp, ssrc);
        marker = false;
        skipFrame();
        try {
            rtp.send(new DatagramPacket(packet.array(), packet.position(), remoteRtp));
            framesSent++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void skipFrame() {
        seq = (seq + 1) & 0xFFFF;
        timestamp += RtpTone.SAMPLES_PER_FRAME;
    }

    /** A new source from the same address: new SSRC, sequence number and timestamp (RFC 3550 §8.2). */
    public void changeSsrc() {
        ssrc = ssrc ^ 0x5A5A5A5A;
        seq = 12345;
        timestamp = 0x70000000;
    }

    /** BYE, waiting for its 200. */
    public void hangUp(Duration timeout) {
        cseq++;
        Message ok = transact(request("BYE", remoteContact, cseq, SipText.branch(), null, null), "BYE", cseq, timeout);
        if (ok.status != 200) {
            throw new IllegalStateException("BYE answered " + ok.status);
        }
    }

    private String invite(String branch, String authorization) {
        return request("INVITE", target, cseq, branch, authorization == null ? null : "Proxy-Authorization: " + authorization,
                lateOffer ? null : sdp());
    }

    /** Our offer, or with a late offer our answer: PCMU only, which the other side's offer must include. */
    private String sdp() {
        return "v=0\r\no=- 1 1 IN IP4 " + sdpAddress + "\r\ns=-\r\nc=IN IP4 " + sdpAddress + "\r\nt=0 0\r\n"
                + "m=audio " + rtp.getLocalPort() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=rtcp:"
                + rtcp.getLocalPort() + "\r\na=sendrecv\r\n";
    }

    /** RTP thread: counts what the appliance sends (and keeps the socket's buffer from filling). */
    private void countReceived() {
        byte[] buffer = new byte[2048];
        DatagramPacket p = new DatagramPacket(buffer, buffer.length);
        while (!rtp.isClosed()) {
            try {
                rtp.receive(p);
                received.incrementAndGet();
            } catch (IOException e) {
                return; // closed
            }
        }
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
        String contact = local + ':' + sip.getLocalPort();
        return SipText.request(method, uri, contact, branch,
                "<sip:" + user + '@' + domainHostPort + ">;tag=" + fromTag, toHeader, callId, seq,
                "<sip:" + user + '@' + contact + '>', extraHeader == null ? List.of() : List.of(extraHeader), body);
    }

    private void send(String message) {
        byte[] data = message.getBytes(StandardCharsets.UTF_8);
        try {
            sip.send(new DatagramPacket(data, data.length, server));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code request}, again every 500 ms until the appliance answers it at all, and returns the final response
     * to {@code method}/{@code seq}; other requests from the appliance get a 200, but a BYE means the appliance
     * ended the call, which fails the caller.
     */
    private Message transact(String request, String method, int seq, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long resendAt = System.nanoTime();
        boolean answered = false;
        try {
            while (System.nanoTime() < deadline) {
                if (!answered && System.nanoTime() >= resendAt) {
                    send(request);
                    resendAt = System.nanoTime() + RETRANSMIT_NANOS;
                }
                long wait = (answered ? deadline : Math.min(deadline, resendAt)) - System.nanoTime();
                sip.setSoTimeout((int) Math.max(1, wait / 1_000_000));
                DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
                try {
                    sip.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                Message m = Message.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                if (m.status == 0) {
                    if (!m.startLine.startsWith("ACK ")) {
                        reply(m);
                    }
                    if (m.startLine.startsWith("BYE ")) {
                        throw new IllegalStateException("the appliance hung up " + user + "'s call: " + m.startLine);
                    }
                    continue;
                }
                if ((seq + " " + method).equals(m.header("cseq"))) {
                    answered = true;
                    if (m.status >= 200) {
                        return m;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no final response to " + method + " " + seq + " of " + user + " within "
                + timeout);
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
