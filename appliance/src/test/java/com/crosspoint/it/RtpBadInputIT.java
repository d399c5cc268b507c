package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.auth.DigestAlgorithm;
import com.crosspoint.auth.DigestHashes;
import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.PcmWav;
import com.crosspoint.testing.RawSipClient;
import com.crosspoint.testing.TestAppliance;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Bad input on the appliance's RTP ports (issue acceptance: "garbage UDP on RTP ports, RTP with wrong payload types,
 * SSRC changes and sequence wraps do not crash a session or others"). Two callers with digest auth call two users on
 * Do-Not-Disturb, so voicemail answers both; each caller sends a 1 kHz tone from the call's start to its end. While
 * the greeting plays and through the first 1.5 s of the recording, one call's RTP port is blasted with random
 * datagrams, truncated and malformed RTP headers, RTP with payload types that were not negotiated, RTCP garbage on
 * port + 1, valid-looking RTP from foreign addresses and ports, strays with the caller's own SSRC and random sequence
 * numbers, and bursts from one foreign source that try to take the call's audio over while the caller still talks
 * ("RTP bleed": nothing may be sent to it); its own stream then wraps its sequence number
 * 65535 → 0 and changes SSRC during the recording. The appliance must keep answering OPTIONS, keep its pacing clock
 * free of errors, and store both messages with the tone through (nearly) their whole length.
 */
@Timeout(90)
class RtpBadInputIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");
    private static final Pattern REALM = Pattern.compile("realm=\"([^\"]+)\"");
    private static final Pattern AUDIO_PORT = Pattern.compile("(?m)^m=audio (\\d+) ");
    private static final Pattern CONNECTION = Pattern.compile("(?m)^c=IN IP4 (\\S+)");
    private static final int TONE_HZ = 1000;
    /** Calls last this long: the greeting and beep (about 7.3 s), then about 7.5 s of recording. */
    private static final long CALL_MILLIS = 15_000;
    /** The attack runs from the greeting into the recording (which starts about 7.4 s after the answer). */
    private static final long ATTACK_FROM_MILLIS = 500;
    private static final long ATTACK_UNTIL_MILLIS = 9_000;
    /** The attacked stream's sequence number wraps 65535 → 0 about 9 s in (inside the recording). */
    private static final int WRAP_AFTER_PACKETS = 450;
    /** ... and it changes SSRC (new SSRC, sequence number and timestamp) 11 s in. */
    private static final int SSRC_CHANGE_AT_PACKET = 550;

    private static TestAppliance pbx;
    private static User cleanBox;
    private static User attackedBox;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Clean caller", "pw-clean-1001");
        pbx.user("1002", "Attacked caller", "pw-attacked-1002");
        CallSettings dnd = new CallSettings(null, null, null, CallSettings.DEFAULT_NO_ANSWER_SECONDS, true);
        cleanBox = pbx.settings(pbx.user("2001", "Clean box", "pw-box-2001"), dnd);
        attackedBox = pbx.settings(pbx.user("2002", "Attacked box", "pw-box-2002"), dnd);
    }

    @AfterAll
    static void stop() {
        if (pbx != null) {
            pbx.close();
        }
    }

    @Test
    void garbageOnOneCallsRtpPortsHarmsNeitherThatCallNorTheOther() throws Exception {
        try (Call clean = Call.place("1001", "pw-clean-1001", "2001", 1000);
             Call attacked = Call.place("1002", "pw-attacked-1002", "2002", 65535 - WRAP_AFTER_PACKETS + 1);
             Attacker attacker = new Attacker(attacked.applianceRtp, attacked.rtp, () -> attacked.ssrc)) {
            assertThat(clean.applianceRtp).isNotEqualTo(attacked.applianceRtp);
            long start = System.nanoTime();
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            try {
                pacer.scheduleAtFixedRate(() -> {
                    long at = (System.nanoTime() - start) / 1_000_000;
                    clean.sendTone();
                    if (attacked.sent == SSRC_CHANGE_AT_PACKET) {
                        attacked.changeSsrc();
                    }
                    attacked.sendTone();
                    if (at >= ATTACK_FROM_MILLIS && at < ATTACK_UNTIL_MILLIS) {
                        attacker.burst();
                    }
                }, 0, 20, TimeUnit.MILLISECONDS);

                Thread.sleep(ATTACK_UNTIL_MILLIS + 200);
                assertThat(attacker.sent).as("attack datagrams sent").isGreaterThan(1000);
                assertThat(attacker.heardByBleeder()).as("packets the appliance sent to the foreign source that"
                        + " burst RTP at it while the caller talked (RTP bleed)").isZero();
                assertThat(options()).as("OPTIONS answered right after the attack").isEqualTo(200);
                assertThat(pbx.appliance().activeCalls().list(pbx.tenant().id())).hasSize(2);
                // the attacked call's RTP from the appliance still flows to its caller
                long heardBefore = attacked.received();
                Thread.sleep(1000);
                assertThat(attacked.received() - heardBefore).as("appliance packets in 1 s").isBetween(40L, 60L);

                Thread.sleep(CALL_MILLIS - ATTACK_UNTIL_MILLIS - 1200);
            } finally {
                pacer.shutdownNow();
                pacer.awaitTermination(5, TimeUnit.SECONDS);
            }
            assertThat(attacked.sent).as("attacked stream wrapped and changed SSRC")
                    .isGreaterThan(SSRC_CHANGE_AT_PACKET + 50);
            clean.hangUp();
            attacked.hangUp();
        }

        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
        assertThat(options()).as("OPTIONS answered after both calls").isEqualTo(200);
        assertThat(pbx.appliance().media().tickErrors()).as("session ticks that threw").isZero();
        assertThat(pbx.appliance().media().pacing().failures()).as("pacing ticks that threw").isZero();
        await().atMost(WAIT).until(() -> pbx.appliance().media().sessionCount() == 0);

        for (User box : List.of(cleanBox, attackedBox)) {
            await().atMost(WAIT).until(() -> pbx.appliance().voicemail().folder(box.id(), VoicemailFolder.NEW).size() == 1);
            Voicemail v = pbx.appliance().voicemail().folder(box.id(), VoicemailFolder.NEW).get(0);
            var file = pbx.appliance().voicemail().audio(box.id(), v.id());
            AudioAnalysis heard = AudioAnalysis.read(file);
            String what = box.extension() + ": " + heard.describe(TONE_HZ);
            assertThat(heard.durationSeconds()).as(what).isBetween(6.0, 9.0);
            assertThat(heard.containsTone(TONE_HZ)).as(what).isTrue();
            int seconds = (int) Math.floor(heard.durationSeconds());
            assertThat(secondsWithTone(file, TONE_HZ)).as("whole seconds with the tone, " + what)
                    .isGreaterThanOrEqualTo(seconds - 1);
        }
        Voicemail attackedMessage = pbx.appliance().voicemail().folder(attackedBox.id(), VoicemailFolder.NEW).get(0);
        assertThat(attackedMessage.callerExtension()).isEqualTo("1002");
    }

    private static int options() {
        try (RawSipClient client = new RawSipClient("127.0.0.1", pbx.sipPort())) {
            String uri = "sip:" + pbx.sipHostPort();
            return client.send(client.request("OPTIONS", uri, "sip:probe@" + pbx.sipHostPort(), uri,
                    UUID.randomUUID() + "@probe", 1, List.of(), null), Duration.ofSeconds(5)).status();
        }
    }

    /** Whole seconds of the recording in which the tone dominates (per 1 s window). */
    private static int secondsWithTone(java.nio.file.Path wav, double hz) {
        PcmWav pcm = PcmWav.read(wav);
        double[] all = pcm.samples();
        int rate = pcm.sampleRate();
        int count = 0;
        for (int from = 0; from + rate <= all.length; from += rate) {
            if (AudioAnalysis.of(Arrays.copyOfRange(all, from, from + rate), rate).containsTone(hz)) {
                count++;
            }
        }
        return count;
    }

    /**
     * One caller: a SIP dialog over its own UDP socket (INVITE, 407, INVITE with digest credentials, 200, ACK; BYE
     * at the end) and an RTP socket sending a 1 kHz µ-law tone to the port the SDP answer names.
     */
    private static final class Call implements AutoCloseable {
        private final DatagramSocket sip;
        private final DatagramSocket rtp;
        private final String user;
        private final String callee;
        private final String callId = UUID.randomUUID() + "@rtp-bad-input";
        private final String fromTag = Long.toHexString(new Random().nextLong());
        private final byte[] tone = toneFrame();
        private final Thread drain;
        private volatile long receivedPackets;
        InetSocketAddress applianceRtp;
        private String toTag;
        private String remoteTarget;
        private int seq;
        private int timestamp = 0x1000;
        private volatile int ssrc;
        volatile int sent;

        private Call(String user, String callee, int firstSeq) throws IOException {
            this.user = user;
            this.callee = callee;
            this.sip = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            this.rtp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            this.seq = firstSeq;
            this.ssrc = user.hashCode() * 31 + 7;
            this.drain = new Thread(this::drainRtp, "rtp-drain-" + user);
            this.drain.setDaemon(true);
        }

        static Call place(String user, String password, String callee, int firstSeq) throws IOException {
            Call c = new Call(user, callee, firstSeq);
            c.invite(password);
            c.drain.start();
            return c;
        }

        long received() {
            return receivedPackets;
        }

        private void drainRtp() {
            byte[] buf = new byte[2048];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            while (!rtp.isClosed()) {
                try {
                    rtp.receive(p);
                    receivedPackets++;
                } catch (IOException e) {
                    return;
                }
            }
        }

        private String uri() {
            return "sip:" + callee + "@" + pbx.sipHostPort();
        }

        private String sdp() {
            return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio "
                    + rtp.getLocalPort() + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\n";
        }

        private void invite(String password) throws IOException {
            String branch1 = branch();
            Message challenge = transact(request("INVITE", uri(), 1, branch1, null, sdp()), 1, "INVITE");
            assertThat(challenge.status).as("first INVITE").isEqualTo(407);
            send(ack(uri(), 1, branch1, challenge.header("to")));
            String auth = digest(user, password, "INVITE", uri(), challenge.header("proxy-authenticate"));
            Message ok = transact(request("INVITE", uri(), 2, branch(), "Proxy-Authorization: " + auth, sdp()), 2,
                    "INVITE");
            assertThat(ok.status).as("authenticated INVITE").isEqualTo(200);
            toTag = ok.header("to");
            Matcher contact = Pattern.compile("<([^>]+)>").matcher(ok.header("contact"));
            remoteTarget = contact.find() ? contact.group(1) : uri();
            Matcher port = AUDIO_PORT.matcher(ok.body);
            Matcher host = CONNECTION.matcher(ok.body);
            assertThat(port.find() && host.find()).as("SDP answer:\n" + ok.body).isTrue();
            applianceRtp = new InetSocketAddress(InetAddress.getByName(host.group(1)), Integer.parseInt(port.group(1)));
            send(ack(remoteTarget, 2, branch(), toTag));
        }

        void hangUp() throws IOException {
            Message ok = transact(inDialog("BYE", 3), 3, "BYE");
            assertThat(ok.status).as("BYE").isEqualTo(200);
        }

        /** Called on the pacing thread only. */
        void sendTone() {
            ByteBuffer b = ByteBuffer.allocate(12 + tone.length);
            b.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(timestamp).putInt(ssrc).put(tone);
            seq = (seq + 1) & 0xFFFF;
            timestamp += 160;
            try {
                rtp.send(new DatagramPacket(b.array(), b.capacity(), applianceRtp));
                sent++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A new source: new SSRC, sequence number and timestamp (RFC 3550 8.2), from the same address. */
        void changeSsrc() {
            ssrc = ssrc ^ 0x5A5A5A5A;
            seq = 12345;
            timestamp = 0x70000000;
        }

        private String request(String method, String ruri, int cseq, String branch, String extra, String body) {
            StringBuilder sb = new StringBuilder();
            sb.append(method).append(' ').append(ruri).append(" SIP/2.0\r\n");
            sb.append("Via: SIP/2.0/UDP 127.0.0.1:").append(sip.getLocalPort()).append(";rport;branch=").append(branch)
                    .append("\r\n");
            sb.append("Max-Forwards: 70\r\n");
            sb.append("From: <sip:").append(user).append('@').append(pbx.sipHostPort()).append(">;tag=").append(fromTag)
                    .append("\r\n");
            sb.append("To: ").append(toTag != null ? toTag : "<" + uri() + ">").append("\r\n");
            sb.append("Call-ID: ").append(callId).append("\r\n");
            sb.append("CSeq: ").append(cseq).append(' ').append(method).append("\r\n");
            sb.append("Contact: <sip:").append(user).append("@127.0.0.1:").append(sip.getLocalPort()).append(">\r\n");
            if (extra != null) {
                sb.append(extra).append("\r\n");
            }
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (content.length > 0) {
                sb.append("Content-Type: application/sdp\r\n");
            }
            sb.append("Content-Length: ").append(content.length).append("\r\n\r\n");
            if (body != null) {
                sb.append(body);
            }
            return sb.toString();
        }

        private String ack(String ruri, int cseq, String branch, String to) {
            String saved = toTag;
            toTag = to;
            String ack = request("ACK", ruri, cseq, branch, null, null);
            toTag = saved;
            return ack;
        }

        private String inDialog(String method, int cseq) {
            return request(method, remoteTarget, cseq, branch(), null, null);
        }

        private void send(String message) throws IOException {
            byte[] data = message.getBytes(StandardCharsets.UTF_8);
            sip.send(new DatagramPacket(data, data.length, new InetSocketAddress("127.0.0.1", pbx.sipPort())));
        }

        /** Sends (retransmitting every 500 ms) until a final response for this CSeq arrives. */
        private Message transact(String request, int cseq, String method) throws IOException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            long nextSend = 0;
            byte[] buf = new byte[65535];
            while (System.nanoTime() < deadline) {
                if (System.nanoTime() >= nextSend) {
                    send(request);
                    nextSend = System.nanoTime() + 500_000_000L;
                }
                sip.setSoTimeout(100);
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    sip.receive(p);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                Message m = Message.parse(new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8));
                if (m.status >= 200 && (cseq + " " + method).equals(m.header("cseq"))) {
                    return m;
                }
                if (m.status == 0 && m.firstLine.startsWith("BYE")) {
                    throw new AssertionError("the appliance hung up " + user + "'s call: " + m.firstLine);
                }
            }
            throw new AssertionError("no final response to " + method + " " + cseq + " of " + user);
        }

        private static String branch() {
            return "z9hG4bK" + UUID.randomUUID().toString().replace("-", "");
        }

        @Override
        public void close() {
            sip.close();
            rtp.close();
        }
    }

    /** A SIP message as far as this test reads it: status (0 for a request), first header values, body. */
    private record Message(String firstLine, int status, Map<String, String> headers, String body) {
        static Message parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            String[] lines = head.split("\r\n");
            int status = lines[0].startsWith("SIP/2.0 ") ? Integer.parseInt(lines[0].split(" ")[1]) : 0;
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            return new Message(lines[0], status, headers, body);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * Bad datagrams for one call's RTP port (P) and RTCP port (P + 1), from a fixed seed: some from the call's own
     * (latched) address, some from foreign addresses and ports. Valid-looking RTP from foreign sources rotates over
     * several sources, so none sends the {@code relatchPackets} (5) in a row that would legitimately move the latch.
     */
    private static final class Attacker implements AutoCloseable {
        private final InetSocketAddress rtpTarget;
        private final InetSocketAddress rtcpTarget;
        private final DatagramSocket own;
        private final List<DatagramSocket> foreign = new ArrayList<>();
        private final Random random = new Random(20261127L);
        private final java.util.function.IntSupplier callerSsrc;
        /** Sends bursts of valid RTP, more than {@code relatchPackets} in a row, to steal the call's audio. */
        private final DatagramSocket bleeder = new DatagramSocket(new InetSocketAddress("127.0.0.4", 0));
        private int round;
        volatile int sent;

        Attacker(InetSocketAddress rtpTarget, DatagramSocket own, java.util.function.IntSupplier callerSsrc)
                throws IOException {
            this.rtpTarget = rtpTarget;
            this.rtcpTarget = new InetSocketAddress(rtpTarget.getAddress(), rtpTarget.getPort() + 1);
            this.own = own;
            this.callerSsrc = callerSsrc;
            for (String address : List.of("127.0.0.1", "127.0.0.1", "127.0.0.2", "127.0.0.3")) {
                foreign.add(new DatagramSocket(new InetSocketAddress(address, 0)));
            }
        }

        /** One round (called every 20 ms): about a dozen bad datagrams of every kind. */
        void burst() {
            round++;
            // random garbage, from the call's own address and from foreign ones
            send(own, rtpTarget, randomBytes(1 + random.nextInt(1400)));
            send(pickForeign(), rtpTarget, randomBytes(1 + random.nextInt(200)));
            // truncated RTP headers (version 2, shorter than 12 bytes)
            byte[] shortHeader = randomBytes(1 + random.nextInt(11));
            shortHeader[0] = (byte) 0x80;
            send(own, rtpTarget, shortHeader);
            // RTP with payload types not negotiated (only PCMU/0 was), from the latched address, same SSRC space
            for (int pt : new int[] {8, 18, 96, 101, 127}) {
                send(own, rtpTarget, rtp(pt, random.nextInt(65536), random.nextInt(), 0x11223344, 160));
            }
            // malformed: CSRC count 15 with no CSRCs; extension with a huge length; padding longer than the packet
            byte[] csrc = rtp(0, random.nextInt(65536), 0, 0x11223344, 4);
            csrc[0] = (byte) 0x8F;
            send(own, rtpTarget, csrc);
            byte[] ext = rtp(0, random.nextInt(65536), 0, 0x11223344, 8);
            ext[0] = (byte) 0x90;
            ext[14] = (byte) 0xFF;
            ext[15] = (byte) 0xFF;
            send(own, rtpTarget, ext);
            byte[] pad = rtp(0, random.nextInt(65536), 0, 0x11223344, 20);
            pad[0] = (byte) 0xA0;
            pad[pad.length - 1] = (byte) 0xFF;
            send(own, rtpTarget, pad);
            // RTCP garbage on P + 1: random, and a sender report header whose length points past the datagram
            send(own, rtcpTarget, randomBytes(1 + random.nextInt(300)));
            byte[] sr = randomBytes(28);
            sr[0] = (byte) 0x80;
            sr[1] = (byte) 200;
            sr[2] = (byte) 0x7F;
            sr[3] = (byte) 0xFF;
            send(pickForeign(), rtcpTarget, sr);
            // RTCP on the RTP port, and RTP on the RTCP port
            send(own, rtpTarget, sr);
            send(own, rtcpTarget, rtp(0, random.nextInt(65536), 0, 0x11223344, 160));
            // valid-looking PCMU from a foreign source (rotating: never 5 in a row from one)
            send(foreign.get(round % foreign.size()), rtpTarget, rtp(0, round, round * 160, 0xBADC0DE + round % 4, 160));
            // strays in the caller's own stream: its SSRC, a random sequence number (dropped per RFC 3550 A.1)
            send(own, rtpTarget, rtp(0, random.nextInt(65536), random.nextInt(), callerSsrc.getAsInt(), 160));
            // RTP bleed: every 200 ms a burst of 10 in sequence from one foreign source while the caller talks
            if (round % 10 == 0) {
                for (int i = 0; i < 10; i++) {
                    send(bleeder, rtpTarget, rtp(0, round + i, (round + i) * 160, 0x0B1EED, 160));
                }
            }
        }

        /** What the appliance sent to the bleeder: queued in its socket, read without blocking long. */
        int heardByBleeder() throws IOException {
            bleeder.setSoTimeout(200);
            int heard = 0;
            byte[] buffer = new byte[1500];
            try {
                while (heard < 10_000) {
                    bleeder.receive(new DatagramPacket(buffer, buffer.length));
                    heard++;
                }
            } catch (java.net.SocketTimeoutException e) {
                // nothing more queued
            }
            return heard;
        }

        private DatagramSocket pickForeign() {
            return foreign.get(random.nextInt(foreign.size()));
        }

        private byte[] rtp(int pt, int seq, int ts, int ssrc, int payload) {
            ByteBuffer b = ByteBuffer.allocate(12 + payload);
            b.put((byte) 0x80).put((byte) pt).putShort((short) seq).putInt(ts).putInt(ssrc);
            byte[] noise = randomBytes(payload);
            b.put(noise);
            return b.array();
        }

        private byte[] randomBytes(int n) {
            byte[] b = new byte[n];
            random.nextBytes(b);
            return b;
        }

        private void send(DatagramSocket from, InetSocketAddress to, byte[] data) {
            try {
                from.send(new DatagramPacket(data, data.length, to));
                sent++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            foreign.forEach(DatagramSocket::close);
            bleeder.close();
        }
    }

    /** One 20 ms µ-law frame of a 1 kHz sine at -6 dBFS (8 samples a period: every frame is the same). */
    private static byte[] toneFrame() {
        byte[] frame = new byte[160];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = G711Ulaw.encodeSample((int) Math.round(16000 * Math.sin(2 * Math.PI * TONE_HZ * i / 8000.0)));
        }
        return frame;
    }

    /** An MD5 digest response to the challenge (RFC 7616 3.4 with qop=auth), as SecurityIT computes it. */
    private static String digest(String user, String password, String method, String uri, String challenge) {
        String nonce = find(NONCE, challenge);
        String realm = find(REALM, challenge);
        String cnonce = Long.toHexString(System.nanoTime());
        String ha1 = DigestHashes.ha1(DigestAlgorithm.MD5, user, realm, password);
        String ha2 = DigestHashes.ha2(DigestAlgorithm.MD5, method, uri);
        String response = DigestHashes.response(DigestAlgorithm.MD5, ha1, nonce, "00000001", cnonce, "auth", ha2);
        return "Digest username=\"" + user + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\"" + uri
                + "\", response=\"" + response + "\", algorithm=MD5, cnonce=\"" + cnonce + "\", qop=auth, nc=00000001";
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(p + " not in " + text);
        }
        return m.group(1);
    }
}
