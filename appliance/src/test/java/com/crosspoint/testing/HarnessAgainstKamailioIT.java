package com.crosspoint.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-test of the real-peer harness against Kamailio (registrar + record-routing proxy with digest auth):
 * if these pass, failures seen when the same harness is pointed at Crosspoint are Crosspoint's.
 */
@Timeout(120)
class HarnessAgainstKamailioIT {

    private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final double TONE_1001 = 440;
    private static final double TONE_1002 = 975;

    private static KamailioServer kamailio;

    @TempDir
    Path tones;

    @BeforeAll
    static void startKamailio() {
        kamailio = KamailioServer.builder().start();
    }

    @AfterAll
    static void stopKamailio() {
        if (kamailio != null) {
            kamailio.close();
        }
    }

    @Test
    void threePhonesRegisterWithDigestAuth() {
        try (BaresipPhone p1 = phone("1001").start();
             BaresipPhone p2 = phone("1002").start();
             BaresipPhone p3 = phone("1003").start()) {
            p1.awaitRegistered(REGISTER_TIMEOUT);
            p2.awaitRegistered(REGISTER_TIMEOUT);
            p3.awaitRegistered(REGISTER_TIMEOUT);

            assertThat(kamailio.registeredUsers()).contains("1001", "1002", "1003");
        }
    }

    @Test
    void wrongPasswordIsReportedAsNotRegistered() {
        try (BaresipPhone phone = BaresipPhone.builder(kamailio.aor("1004")).password("wrong").start()) {
            assertThatThrownBy(() -> phone.awaitRegistered(Duration.ofSeconds(2)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("not registered");
            assertThat(phone.log()).contains("401 Unauthorized");
        }
    }

    @Test
    void callCarriesEachSidesToneToTheOther() {
        Path tone1001 = ToneWav.write(tones.resolve("t440.wav"), TONE_1001, Duration.ofSeconds(120), 0.5);
        Path tone1002 = ToneWav.write(tones.resolve("t975.wav"), TONE_1002, Duration.ofSeconds(120), 0.5);
        try (BaresipPhone caller = phone("1001").audioFile(tone1001).start();
             BaresipPhone callee = phone("1002").audioFile(tone1002).start()) {
            caller.awaitRegistered(REGISTER_TIMEOUT);
            callee.awaitRegistered(REGISTER_TIMEOUT);

            caller.dial(kamailio.aor("1002"));

            BaresipEvent established = caller.awaitEvent("CALL_ESTABLISHED", CALL_TIMEOUT);
            assertThat(established.peerUri()).isEqualTo(kamailio.aor("1002"));
            assertThat(established.direction()).isEqualTo("outgoing");
            assertThat(callee.awaitEvent("CALL_ESTABLISHED", CALL_TIMEOUT).peerUri()).isEqualTo(kamailio.aor("1001"));
            caller.awaitEvent("CALL_RTPESTAB", CALL_TIMEOUT);
            callee.awaitEvent("CALL_RTPESTAB", CALL_TIMEOUT);
            // Let two seconds of audio reach each recording before hanging up.
            await().atMost(CALL_TIMEOUT).until(() -> recordedSeconds(caller) >= 2 && recordedSeconds(callee) >= 2);

            caller.hangup();

            assertThat(caller.awaitEvent("CALL_CLOSED", CALL_TIMEOUT).param()).isEqualTo("Connection reset by user");
            assertThat(callee.awaitEvent("CALL_CLOSED", CALL_TIMEOUT).param()).isEqualTo("Connection reset by peer");
            assertHears(caller, TONE_1002, TONE_1001);
            assertHears(callee, TONE_1001, TONE_1002);
        }
    }

    @Test
    void manualAnswerRingsUntilAccepted() {
        try (BaresipPhone caller = phone("1001").start();
             BaresipPhone callee = phone("1003").answerMode(BaresipPhone.AnswerMode.MANUAL).start()) {
            caller.awaitRegistered(REGISTER_TIMEOUT);
            callee.awaitRegistered(REGISTER_TIMEOUT);

            caller.dial(kamailio.aor("1003"));

            assertThat(callee.awaitEvent("CALL_INCOMING", CALL_TIMEOUT).peerUri()).isEqualTo(kamailio.aor("1001"));
            caller.awaitEvent("CALL_RINGING", CALL_TIMEOUT);
            assertThat(caller.events()).noneMatch(e -> e.isType("CALL_ESTABLISHED"));
            callee.accept();
            caller.awaitEvent("CALL_ESTABLISHED", CALL_TIMEOUT);
            callee.hangup();
            assertThat(caller.awaitEvent("CALL_CLOSED", CALL_TIMEOUT).param()).isEqualTo("Connection reset by peer");
        }
    }

    @Test
    void messageFrom1001ArrivesAt1003() {
        try (BaresipPhone sender = phone("1001").contact(kamailio.aor("1002")).contact(kamailio.aor("1003")).start();
             BaresipPhone receiver = phone("1003").start()) {
            sender.awaitRegistered(REGISTER_TIMEOUT);
            receiver.awaitRegistered(REGISTER_TIMEOUT);

            sender.sendMessage(kamailio.aor("1003"), "hello 1003 from 1001");

            await().atMost(CALL_TIMEOUT).until(() -> !receiver.receivedMessages().isEmpty());
            assertThat(receiver.receivedMessages())
                    .containsExactly(new ReceivedMessage(kamailio.aor("1001"), "hello 1003 from 1001"));
        }
    }

    @Test
    void sippRegistersHundredLoadUsersWithDigestAuth() {
        List<SippUser> users = IntStream.rangeClosed(1, 100).mapToObj(n -> SippUser.of("load" + n, "loadpw")).toList();

        SippResult result = SippRunner.scenario("sipp/register-digest.xml").name("register-100")
                .remote("127.0.0.1", kamailio.port()).users(users).calls(100).rate(100)
                .timeout(Duration.ofSeconds(30)).run();

        assertThat(result.allSucceeded()).as(result.summary()).isTrue();
        assertThat(result.statistics().successfulCalls()).isEqualTo(100);
        assertThat(result.statistics().failedCalls()).isZero();
        assertThat(kamailio.registeredUsers()).contains("load1", "load50", "load100");
    }

    @Test
    void sippUacCallsSippUasRegisteredThroughKamailio() {
        int calls = 5;
        try (SippProcess uas = SippRunner.registerThenServe("127.0.0.1", kamailio.port(),
                SippUser.of("1004", "pw1004"), FreePorts.udpAndTcp(), calls, Duration.ofSeconds(40))) {
            assertThat(kamailio.registeredUsers()).contains("1004");

            SippResult uac = SippRunner.scenario("sipp/uac-call.xml").name("uac-1005-to-1004")
                    .remote("127.0.0.1", kamailio.port()).users(List.of(SippUser.caller("1005", "pw1005", "1004")))
                    .calls(calls).rate(10).callDuration(Duration.ofMillis(500)).traceMessages(true)
                    .timeout(Duration.ofSeconds(30)).run();

            assertThat(uac.allSucceeded()).as(uac.summary()).isTrue();
            assertThat(uac.statistics().successfulCalls()).isEqualTo(calls);
            SippResult served = uas.await();
            assertThat(served.allSucceeded()).as(served.summary()).isTrue();
            assertThat(served.statistics().successfulCalls()).isEqualTo(calls);
        }
    }

    private static BaresipPhone.Builder phone(String user) {
        return BaresipPhone.builder(kamailio.aor(user)).password("pw" + user);
    }

    private static double recordedSeconds(BaresipPhone phone) throws IOException {
        List<Path> recordings = phone.recordings();
        if (recordings.isEmpty()) {
            return 0;
        }
        // sndfile writes 16-bit mono at the codec rate (8 kHz for PCMU) after a 44-byte header.
        return (Files.size(recordings.get(recordings.size() - 1)) - 44) / 16000.0;
    }

    private static void assertHears(BaresipPhone phone, double expectedHz, double ownHz) {
        assertThat(phone.recordings()).as("%s recordings", phone.name()).hasSize(1);
        AudioAnalysis received = AudioAnalysis.read(phone.recordings().get(0));
        String description = phone.name() + " received " + received.describe(expectedHz, ownHz);
        assertThat(received.rms()).as(description).isGreaterThan(0.1);
        assertThat(received.containsTone(expectedHz)).as(description).isTrue();
        assertThat(received.containsTone(ownHz)).as(description).isFalse();
        assertThat(received.dominantFrequency()).as(description).isCloseTo(expectedHz, within(5.0));
    }
}
