package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.call.CallState;
import com.crosspoint.ivr.MenuDraft;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.RtpCaller;
import com.crosspoint.testing.RtpProber;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.ToneWav;
import com.crosspoint.testing.VoicemailFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RTP hijack of anchored media (issue 10, security 1): a third party on the same host as the phones (loopback, so
 * a check by host alone would let it in) sends RTP to every even port of the appliance's RTP range and RTCP to every
 * odd one, before calls start, while they run and into a held phone's music, and must get nothing back, while the
 * phones keep their audio: a voicemail message holds its caller's tone, a menu caller receives the greeting, the
 * held phone hears the music. For the caller behind NAT the third party sends from 127.0.0.2, since the host the
 * caller's SIP comes from may re-latch its media after a quiet period. A silent caller (no RTP of its own) and a caller whose SDP names an address its
 * packets do not come from (NAT) are {@link RtpCaller}s, which can be told to be silent or to pause. The RTP range
 * is small (32 pairs) so that each sweep of the prober covers every session; every attack is bounded in packets and
 * time.
 */
@Timeout(300)
class RtpHijackIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int PORTS = 64;
    private static final double TONE_ALICE = 700;
    private static final double TONE_BOB = 1300;
    private static final double MUSIC = 440;
    /** A spray: one sweep of the range every 5 ms, at most this long and this many datagrams. */
    private static final Duration SWEEP = Duration.ofMillis(5);
    private static final long MAX_PACKETS = 200_000;

    private static Path musicDir;
    private static TestAppliance pbx;
    private static int firstPort;
    private static User mailbox;
    private static BaresipPhone alice;
    private static BaresipPhone bob;
    private RtpProber prober;

    @BeforeAll
    static void start() throws IOException {
        musicDir = Files.createTempDirectory("crosspoint-hijack");
        Path music = ToneWav.write(musicDir.resolve("moh-440.wav"), MUSIC, Duration.ofSeconds(3), 0.5);
        int free = FreePorts.consecutive(PORTS + 1);
        firstPort = free + (free & 1); // RTP ports are even: the range starts on one
        pbx = TestAppliance.start(Map.of("media.musicOnHold", music.toString(),
                "media.portMin", Integer.toString(firstPort), "media.portMax", Integer.toString(firstPort + PORTS - 1)));
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
        pbx.user("1003", "Silent", "pw-silent-1003");
        pbx.user("1004", "Natted", "pw-natted-1004");
        CallSettings dnd = new CallSettings(null, null, null, CallSettings.DEFAULT_NO_ANSWER_SECONDS, true, true);
        mailbox = pbx.settings(pbx.user("2001", "Box", "pw-box-2001"), dnd);
        pbx.appliance().attendant().create(pbx.tenant().id(), new MenuDraft("700", "Reception", null, true, 5, 3,
                null, List.of(new MenuDraft.Option("2", "EXTENSION", "1002", null))));
        alice = BaresipPhone.builder(pbx.uri("1001")).password("pw-alice-1001").tone(TONE_ALICE)
                .answerMode(AnswerMode.AUTO).start();
        bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").tone(TONE_BOB)
                .answerMode(AnswerMode.AUTO).start();
        alice.awaitRegistered(WAIT);
        bob.awaitRegistered(WAIT);
    }

    @AfterAll
    static void stop() {
        BaresipPhone.closeAll(alice, bob);
        if (pbx != null) {
            pbx.close();
        }
        HarnessFiles.deleteRecursively(musicDir);
    }

    @AfterEach
    void quiet() throws InterruptedException {
        if (prober != null) {
            prober.close();
        }
        alice.hangup();
        bob.hangup();
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
        await().atMost(WAIT).until(() -> pbx.appliance().media().sessionCount() == 0);
        alice.clearEvents();
        bob.clearEvents();
        Thread.sleep(1_100); // a new second: each call gets its own recording file (1 s resolution)
    }

    @Test
    void aSilentCallerKeepsItsGreetingWhenAStrangerSendsAFewPacketsFirst() {
        prober = prober();
        try (RtpCaller silent = new RtpCaller(pbx.sipHostPort(), "1003", "pw-silent-1003")) {
            silent.call("2001", WAIT); // voicemail: the greeting plays; this caller never sends RTP
            assertSprayed(silent.applianceRtp().getPort());
            prober.sweep(); // a few packets into every port: the first source a session hears
            prober.sweep();
            prober.sweep();
            long before = silent.received();
            sleep(2_000);
            assertThat(silent.received() - before).as("greeting packets the caller received in 2 s").isBetween(80L, 120L);
            assertNothingHeard();
            silent.hangUp(WAIT);
        }
    }

    @Test
    void phonesCallingWhileEveryPortIsSprayedKeepTheirAudio() throws Exception {
        prober = prober();
        CompletableFuture<Void> spray = CompletableFuture.runAsync(
                () -> prober.spray(Duration.ofSeconds(6), SWEEP, MAX_PACKETS));
        sleep(500); // the ports are sprayed before the calls start
        alice.dial(pbx.uri("2001")); // do-not-disturb: voicemail answers
        bob.dial(pbx.uri("700"));    // the menu answers
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        bob.awaitEvent("CALL_ESTABLISHED", WAIT);
        spray.get();
        assertNothingHeard();

        // the menu caller heard the greeting through the spray: its recording grows only while packets arrive
        assertThat(secondsReceived(bob)).as("seconds of greeting 1002 received").isGreaterThan(4.0);
        // the voicemail caller's tone was recorded
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !VoicemailFiles.inProgress(pbx.dataDir())
                .isEmpty());
        sleep(3_000);
        alice.hangup();
        await().atMost(WAIT).until(() -> messageFrom("1001") != null);
        Voicemail v = messageFrom("1001");
        AudioAnalysis message = AudioAnalysis.read(pbx.appliance().voicemail().audio(mailbox.id(), v.id()));
        assertThat(message.containsTone(TONE_ALICE)).as(message.describe(TONE_ALICE)).isTrue();
        pbx.appliance().voicemail().delete(mailbox.id(), v.id());
    }

    @Test
    void aHeldPhoneKeepsItsMusicWhileItsPortIsSprayed() throws Exception {
        alice.dial(pbx.uri("1002"));
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        bob.awaitEvent("CALL_ESTABLISHED", WAIT);
        prober = prober();
        CompletableFuture<Void> spray = CompletableFuture.runAsync(
                () -> prober.spray(Duration.ofSeconds(5), SWEEP, MAX_PACKETS));
        sleep(500); // sprayed before the music sessions open
        alice.command("hold", "");
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).get(0).state()
                == CallState.HELD);
        spray.get();
        assertNothingHeard();
        // bob hears the music: the last two seconds of what he received are the 440 Hz tone
        await("bob hears the music").atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> lastWindowsHave(bob, MUSIC, 4));
    }

    @Test
    void aCallerBehindNatPausingForASecondIsNotTakenOverByAStranger() throws Exception {
        // a stranger elsewhere, not on the host the caller's SIP comes from (127.0.0.1), which may re-latch
        prober = new RtpProber(InetAddress.getByName("127.0.0.2"), InetAddress.getLoopbackAddress(), firstPort,
                firstPort + PORTS - 1);
        try (RtpCaller natted = new RtpCaller(pbx.sipHostPort(), "1004", "pw-natted-1004").advertising("127.0.0.9")) {
            natted.call("2001", WAIT);
            assertSprayed(natted.applianceRtp().getPort());
            natted.sendTone(Duration.ofSeconds(2), i -> false); // latched: the SDP names 127.0.0.9, packets come from .1
            long heard = natted.received();
            assertThat(heard).as("greeting packets reached the caller behind NAT").isGreaterThan(50);
            sleep(1_000); // the caller pauses (silence suppression): its address is quiet
            for (int i = 0; i < 10; i++) {
                prober.sweep(); // ten packets in a row into every port
            }
            natted.sendTone(Duration.ofSeconds(2), i -> false);
            assertNothingHeard();
            long after = natted.received();
            sleep(1_000);
            assertThat(natted.received() - after).as("greeting packets the caller received in 1 s after the attack")
                    .isBetween(40L, 60L);
            natted.hangUp(WAIT);
        }
    }

    private static Voicemail messageFrom(String extension) {
        return pbx.appliance().voicemail().folder(mailbox.id(), VoicemailFolder.NEW).stream()
                .filter(m -> extension.equals(m.callerExtension())).findFirst().orElse(null);
    }

    /** Seconds of audio in the phone's latest recording of what it received (0 without one). */
    private static double secondsReceived(BaresipPhone phone) {
        List<Path> recordings = phone.recordings();
        return recordings.isEmpty() ? 0 : AudioAnalysis.read(recordings.get(recordings.size() - 1)).durationSeconds();
    }

    private static RtpProber prober() {
        return new RtpProber(InetAddress.getLoopbackAddress(), firstPort, firstPort + PORTS - 1);
    }

    /**
     * Every session's port is one the prober sweeps: the engine has exactly the sprayed range (so the baresip
     * calls' sessions are in it too) and this one is inside it.
     */
    private static void assertSprayed(int port) {
        assertThat(pbx.appliance().media().config().portMin()).isEqualTo(firstPort);
        assertThat(pbx.appliance().media().ports().capacity()).isEqualTo(PORTS / 2);
        assertThat(port).isBetween(firstPort, firstPort + PORTS - 2);
    }

    /** What the prober got back, given a moment for anything in flight to arrive. */
    private void assertNothingHeard() {
        sleep(200);
        assertThat(prober.sent()).as("datagrams the prober sent").isPositive();
        assertThat(prober.rtpHeard()).as("RTP the appliance sent to the prober").isZero();
        assertThat(prober.rtcpHeard()).as("RTCP the appliance sent to the prober").isZero();
    }

    /** Whether the last {@code count} half-second windows of the phone's current recording hold the tone. */
    private static boolean lastWindowsHave(BaresipPhone phone, double hz, int count) {
        List<Path> recordings = phone.recordings();
        List<AudioAnalysis> windows = AudioAnalysis.read(recordings.get(recordings.size() - 1)).windows(0.5);
        return windows.size() >= count
                && windows.subList(windows.size() - count, windows.size()).stream().allMatch(w -> w.containsTone(hz));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
