package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.CallSettings;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.PcmWav;
import com.crosspoint.testing.RawSipClient;
import com.crosspoint.testing.RtpCaller;
import com.crosspoint.testing.RtpTone;
import com.crosspoint.testing.TestAppliance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private static final int TONE_HZ = RtpTone.HZ;
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
        CallSettings dnd = new CallSettings(null, null, null, CallSettings.DEFAULT_NO_ANSWER_SECONDS, true, true);
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
        try (RtpCaller clean = place("1001", "pw-clean-1001", "2001", 1000);
             RtpCaller attacked = place("1002", "pw-attacked-1002", "2002", 65535 - WRAP_AFTER_PACKETS + 1);
             Attacker attacker = new Attacker(attacked.applianceRtp(), attacked.rtpSocket(), attacked::ssrc)) {
            assertThat(clean.applianceRtp()).isNotEqualTo(attacked.applianceRtp());
            long start = System.nanoTime();
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            try {
                pacer.scheduleAtFixedRate(() -> {
                    long at = (System.nanoTime() - start) / 1_000_000;
                    clean.sendFrame();
                    if (attacked.framesSent() == SSRC_CHANGE_AT_PACKET) {
                        attacked.changeSsrc();
                    }
                    attacked.sendFrame();
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
            assertThat(attacked.framesSent()).as("attacked stream wrapped and changed SSRC")
                    .isGreaterThan(SSRC_CHANGE_AT_PACKET + 50);
            clean.hangUp(WAIT);
            attacked.hangUp(WAIT);
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

    /** A call from {@code user} answered by {@code callee}'s voicemail, after a digest challenge. */
    private static RtpCaller place(String user, String password, String callee, int firstSeq) {
        RtpCaller caller = new RtpCaller(pbx.sipHostPort(), user, password).firstSequence(firstSeq);
        try {
            caller.call(callee, WAIT);
            assertThat(caller.firstResponse()).as("first INVITE of " + user).isEqualTo(407);
            return caller;
        } catch (RuntimeException | AssertionError e) {
            caller.close();
            throw e;
        }
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
}
