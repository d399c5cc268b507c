package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipEvent;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.VoicemailFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Voicemail over real calls: 1001 (a phone sending a 1 kHz tone) calls 1002, who does not answer; the
 * appliance answers, plays the greeting and the beep and records; the message is stored and 1002's phone
 * hears about it (MWI). Then 1002 dials *97, logs in with its PIN by RFC 4733, listens to the message and
 * deletes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VoicemailIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PIN = "2468";
    private static TestAppliance pbx;
    private static User bob;
    private static BaresipPhone alice;
    private static BaresipPhone bobPhone;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Alice", "pw-alice-1001");
        bob = pbx.user("1002", "Bob", "pw-bob-1002");
        bob = pbx.settings(bob, new CallSettings(null, null, null, 5, false));
        pbx.appliance().voicemail().setPin(bob.id(), PIN);
        alice = BaresipPhone.builder(pbx.uri("1001")).password("pw-alice-1001").tone(1000)
                .answerMode(AnswerMode.AUTO).start();
        bobPhone = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").tone(440)
                .answerMode(AnswerMode.MANUAL).mwi().start();
        alice.awaitRegistered(WAIT);
        bobPhone.awaitRegistered(WAIT);
    }

    @AfterAll
    static void stop() {
        BaresipPhone.closeAll(alice, bobPhone);
        pbx.close();
    }

    @Test
    @Order(1)
    void anUnansweredCallerLeavesAMessageThatIsStoredAndAnnounced() throws Exception {
        // (not waiting for the subscription's first NOTIFY: it can come before the harness's ctrl_tcp connection)
        alice.dial(pbx.uri("1002"));
        bobPhone.awaitEvent("CALL_INCOMING", WAIT); // rings, nobody answers
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        CallSnapshot call = pbx.appliance().activeCalls().list(pbx.tenant().id()).get(0);
        assertThat(call.connectedTo()).isEqualTo("voicemail");

        // The recording starts right after the beep: its (hidden, temporary) file appears in bob's mailbox.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !recordingsInProgress().isEmpty());
        assertThat(pbx.appliance().voicemail().folder(bob.id(), VoicemailFolder.NEW)).isEmpty();
        Thread.sleep(5_000);
        alice.hangup();

        await().atMost(WAIT).until(() -> pbx.appliance().voicemail().folder(bob.id(), VoicemailFolder.NEW).size() == 1);
        Voicemail v = pbx.appliance().voicemail().folder(bob.id(), VoicemailFolder.NEW).get(0);
        assertThat(v.callerExtension()).isEqualTo("1001");
        assertThat(v.durationMillis()).isBetween(4_000L, 6_000L);
        Path file = pbx.appliance().voicemail().audio(bob.id(), v.id());
        AudioAnalysis heard = AudioAnalysis.read(file);
        assertThat(heard.durationSeconds()).isBetween(4.0, 6.0);
        assertThat(heard.containsTone(1000)).as(heard.describe(1000, 440)).isTrue();
        assertThat(heard.dominantFrequency()).isBetween(980.0, 1020.0);
        assertThat(recordingsInProgress()).isEmpty();

        BaresipEvent mwi = awaitSummary(bobPhone, "Voice-Message: 1/0");
        assertThat(mwi.param()).contains("Messages-Waiting: yes");
        await().atMost(WAIT).until(() -> lastCdr() != null && lastCdr().disposition() == Disposition.VOICEMAIL);
        assertThat(lastCdr().hungUpBy()).isEqualTo(HangupParty.CALLER);
        assertThat(lastCdr().answeredAt()).isNotNull();
    }

    @Test
    @Order(2)
    void theOwnerDialsStar97LogsInWithThePinHearsTheMessageAndDeletesIt() throws Exception {
        List<Voicemail> waiting = pbx.appliance().voicemail().folder(bob.id(), VoicemailFolder.NEW);
        assertThat(waiting).hasSize(1);
        Voicemail v = waiting.get(0);
        Path file = pbx.appliance().voicemail().audio(bob.id(), v.id());
        bobPhone.clearEvents();

        bobPhone.dial(pbx.uri("*97"));
        bobPhone.awaitEvent("CALL_ESTABLISHED", WAIT);
        bobPhone.awaitEvent("CALL_RTPESTAB", WAIT);
        assertThat(pbx.appliance().activeCalls().list(pbx.tenant().id()).get(0).connectedTo()).isEqualTo("voicemail");
        keys(PIN + "#"); // RFC 4733 telephone-events, barging into "please enter your PIN"
        Thread.sleep(1_000);
        keys("1"); // barges into "you have one new message ... main menu": listen to new messages
        // Heard to its end, the message moves to SAVED (the menu's rule), so the folder change is the signal.
        await().atMost(WAIT).until(() -> pbx.appliance().voicemail().folder(bob.id(), VoicemailFolder.SAVED).size() == 1);
        assertThat(pbx.appliance().voicemail().folder(bob.id(), VoicemailFolder.NEW)).isEmpty();
        awaitSummary(bobPhone, "Voice-Message: 0/1");
        keys("7"); // delete

        await().atMost(WAIT).until(() -> pbx.appliance().voicemail().all(bob.id()).isEmpty());
        assertThat(file).doesNotExist();
        BaresipEvent empty = awaitSummary(bobPhone, "Voice-Message: 0/0");
        assertThat(empty.param()).contains("Messages-Waiting: no");
        bobPhone.hangup();
        bobPhone.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());

        // What the phone heard: the prompts and, somewhere among them, the caller's 1 kHz tone.
        await().atMost(WAIT).until(() -> !bobPhone.recordings().isEmpty());
        Path heard = bobPhone.recordings().get(bobPhone.recordings().size() - 1);
        assertThat(secondsWithTone(heard, 1000)).as("seconds of 1 kHz heard in " + heard).isBetween(3, 7);
        assertThat(lastCdr().disposition()).isEqualTo(Disposition.VOICEMAIL);
        assertThat(lastCdr().callee()).isEqualTo("*97");
    }

    @Test
    @Order(3)
    void holdAndResumeAreAnsweredByTheMediaLegAndShownOnTheLiveCall() {
        alice.clearEvents();
        alice.dial(pbx.uri("*98"));
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).size() == 1);
        alice.command("hold", ""); // re-INVITE a=sendonly: we answer recvonly
        await().atMost(WAIT).until(() -> onlyCall().state() == com.crosspoint.call.CallState.HELD);
        alice.command("resume", "");
        await().atMost(WAIT).until(() -> onlyCall().state() == com.crosspoint.call.CallState.ANSWERED);
        assertThat(onlyCall().connectedTo()).isEqualTo("voicemail");
        alice.hangup();
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
        await().atMost(WAIT).until(() -> "*98".equals(lastCdr().callee()));
        assertThat(lastCdr().disposition()).isEqualTo(Disposition.VOICEMAIL);
        assertThat(lastCdr().hungUpBy()).isEqualTo(HangupParty.CALLER);
        assertThat(pbx.appliance().media().sessionCount()).isZero();
    }

    @Test
    @Order(4)
    void aUserWithNoRegisteredPhoneStillGetsTheMessage() throws Exception {
        User carol = pbx.user("1003", "Carol", "pw-carol-1003");  // a device, never registered
        alice.clearEvents();
        alice.dial(pbx.uri("1003"));
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(WAIT).until(() -> "voicemail".equals(onlyCall().connectedTo()));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !recordingsInProgress().isEmpty());
        Thread.sleep(3_000);
        alice.hangup();

        await().atMost(WAIT).until(() -> pbx.appliance().voicemail().folder(carol.id(), VoicemailFolder.NEW).size() == 1);
        Voicemail v = pbx.appliance().voicemail().folder(carol.id(), VoicemailFolder.NEW).get(0);
        assertThat(v.durationMillis()).isBetween(2_000L, 4_000L);
        assertThat(AudioAnalysis.read(pbx.appliance().voicemail().audio(carol.id(), v.id())).containsTone(1000)).isTrue();
        await().atMost(WAIT).until(() -> "1003".equals(lastCdr().callee()) && lastCdr().disposition() == Disposition.VOICEMAIL);
    }

    private static CallSnapshot onlyCall() {
        List<CallSnapshot> calls = pbx.appliance().activeCalls().list(pbx.tenant().id());
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    /** Issue 10: a caller who does not know about # was left waiting for ever after keying the PIN. */
    @Test
    @Order(5)
    void aPinKeyedWithoutPoundIsTakenAfterAShortPause() throws Exception {
        bobPhone.clearEvents();
        bobPhone.dial(pbx.uri("*97"));
        bobPhone.awaitEvent("CALL_ESTABLISHED", WAIT);
        bobPhone.awaitEvent("CALL_RTPESTAB", WAIT);
        keys(PIN); // no #
        Thread.sleep(4_500); // the 3 s pause ends the entry; the summary and the main menu start
        keys("4"); // main menu: change the PIN
        Thread.sleep(500);
        keys("97531"); // the new PIN, again without #
        await().atMost(WAIT).until(() -> pbx.appliance().voicemail().checkPin(bob.id(), "97531"));
        bobPhone.hangup();
        bobPhone.awaitEvent("CALL_CLOSED", WAIT);
        pbx.appliance().voicemail().setPin(bob.id(), PIN);
    }

    private static void keys(String keys) throws InterruptedException {
        for (char c : keys.toCharArray()) {
            bobPhone.command("sndcode", String.valueOf(c));
            Thread.sleep(300);
        }
    }

    /** Whole seconds of the recording in which a tone at {@code hz} dominates (Goertzel per 1 s window). */
    private static int secondsWithTone(Path wav, double hz) {
        com.crosspoint.testing.PcmWav pcm = com.crosspoint.testing.PcmWav.read(wav);
        double[] all = pcm.samples();
        int rate = pcm.sampleRate();
        int count = 0;
        for (int start = 0; start + rate <= all.length; start += rate) {
            double[] window = java.util.Arrays.copyOfRange(all, start, start + rate);
            if (AudioAnalysis.of(window, rate).containsTone(hz)) {
                count++;
            }
        }
        return count;
    }

    private static List<Path> recordingsInProgress() {
        return VoicemailFiles.inProgress(pbx.dataDir());
    }

    private static BaresipEvent awaitSummary(BaresipPhone phone, String voiceMessage) {
        return phone.awaitEvent(e -> e.isType("MWI_NOTIFY") && e.param() != null && e.param().contains(voiceMessage),
                "MWI_NOTIFY with " + voiceMessage, WAIT);
    }

    private static CallRecord lastCdr() {
        List<CallRecord> cdrs = pbx.appliance().stores().cdrs().search(pbx.tenant().id(), CdrStore.CdrFilter.any(), 0, 1);
        return cdrs.isEmpty() ? null : cdrs.get(0);
    }
}
