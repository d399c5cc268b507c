package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.User;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipEvent;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Forwarding on busy and on no answer, and blind transfer, each with real baresip phones. */
class CallFeaturesIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestAppliance pbx;
    private static User bob;

    private BaresipPhone alice;
    private BaresipPhone bobPhone;
    private BaresipPhone carol;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Alice", "pw-alice-1001");
        bob = pbx.user("1002", "Bob", "pw-bob-1002");
        pbx.user("1003", "Carol", "pw-carol-1003");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @BeforeEach
    void phones() {
        alice = phone("1001", "pw-alice-1001", 440, AnswerMode.AUTO);
        bobPhone = phone("1002", "pw-bob-1002", 975, AnswerMode.MANUAL);
        carol = phone("1003", "pw-carol-1003", 1500, AnswerMode.AUTO);
        for (BaresipPhone p : List.of(alice, bobPhone, carol)) {
            p.awaitRegistered(WAIT);
        }
    }

    @AfterEach
    void hangUpAll() {
        for (BaresipPhone p : List.of(alice, bobPhone, carol)) {
            p.close();
        }
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
        pbx.settings(bob, CallSettings.defaults());
    }

    @Test
    void busyCallIsForwardedToTheBusyTarget() {
        pbx.settings(bob, new CallSettings(null, "1003", null, 20, false));
        alice.dial(pbx.uri("1002"));
        bobPhone.awaitEvent("CALL_INCOMING", WAIT);
        bobPhone.hangup(); // rejects the ringing call: 486 Busy Here

        carol.awaitEvent("CALL_ESTABLISHED", WAIT);
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        CallSnapshot call = onlyCall();
        assertThat(call.callee()).isEqualTo("1002");
        assertThat(call.connectedTo()).isEqualTo("1003");
        alice.hangup();
        carol.awaitEvent("CALL_CLOSED", WAIT);
        assertThat(lastCdr().disposition()).isEqualTo(Disposition.ANSWERED);
    }

    @Test
    void unansweredCallIsForwardedAfterTheRingTime() {
        pbx.settings(bob, new CallSettings(null, null, "1003", 5, false));
        alice.dial(pbx.uri("1002"));
        bobPhone.awaitEvent("CALL_INCOMING", WAIT);

        carol.awaitEvent("CALL_ESTABLISHED", WAIT);
        bobPhone.awaitEvent("CALL_CLOSED", WAIT); // bob stops ringing when the call moves on
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        assertThat(onlyCall().connectedTo()).isEqualTo("1003");
        alice.hangup();
        carol.awaitEvent("CALL_CLOSED", WAIT);
    }

    @Test
    void unansweredCallWithoutForwardingGoesToVoicemail() {
        pbx.settings(bob, new CallSettings(null, null, null, 5, false));
        alice.dial(pbx.uri("1002"));
        bobPhone.awaitEvent("CALL_INCOMING", WAIT);
        alice.awaitEvent("CALL_ESTABLISHED", WAIT); // answered by the appliance after the ring time
        bobPhone.awaitEvent("CALL_CLOSED", WAIT);
        assertThat(onlyCall().connectedTo()).isEqualTo("voicemail");
        alice.hangup();
        await().atMost(WAIT).until(() -> lastCdr() != null && lastCdr().disposition() == Disposition.VOICEMAIL);
    }

    /** Issue 10: the dashboard says "callers hear busy", and they did not: they went to voicemail. */
    @Test
    void doNotDisturbGivesCallersBusyWithoutRinging() {
        pbx.settings(bob, new CallSettings(null, null, null, 20, true));
        alice.dial(pbx.uri("1002"));
        BaresipEvent closed = alice.awaitEvent("CALL_CLOSED", WAIT);
        assertThat(closed.param()).contains("486");
        assertThat(bobPhone.events()).noneMatch(e -> e.isType("CALL_INCOMING"));
        await().atMost(WAIT).until(() -> lastCdr() != null && lastCdr().disposition() == Disposition.BUSY);
    }

    @Test
    void doNotDisturbSendsCallsToVoicemailWithoutRinging() {
        pbx.settings(bob, new CallSettings(null, null, null, 20, true, true));
        alice.dial(pbx.uri("1002"));
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        assertThat(onlyCall().connectedTo()).isEqualTo("voicemail");
        assertThat(bobPhone.events()).noneMatch(e -> e.isType("CALL_INCOMING"));
        alice.hangup();
        await().atMost(WAIT).until(() -> lastCdr() != null && lastCdr().disposition() == Disposition.VOICEMAIL);
    }

    @Test
    void blindTransferConnectsTheCallerToTheTarget() {
        alice.dial(pbx.uri("1002"));
        bobPhone.awaitEvent("CALL_INCOMING", WAIT);
        bobPhone.accept();
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        bobPhone.awaitEvent("CALL_ESTABLISHED", WAIT);

        bobPhone.command("transfer", pbx.uri("1003"));

        carol.awaitEvent("CALL_ESTABLISHED", WAIT);
        bobPhone.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).until(() -> onlyCall().connectedTo() != null && onlyCall().connectedTo().contains("1003"));
        // Carol now hears Alice: the transferee was re-INVITEd towards the target.
        await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
        alice.hangup();
        carol.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).until(() -> !carol.recordings().isEmpty());
        AudioAnalysis heardByCarol = AudioAnalysis.read(carol.recordings().get(0));
        assertThat(heardByCarol.containsTone(440)).as(heardByCarol.describe(440, 975)).isTrue();
    }

    @Test
    void holdAndResumeArePassedThroughAndShownOnTheCall() {
        alice.dial(pbx.uri("1002"));
        bobPhone.awaitEvent("CALL_INCOMING", WAIT);
        bobPhone.accept();
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);

        alice.command("hold", "");
        await().atMost(WAIT).until(() -> onlyCall().state() == com.crosspoint.call.CallState.HELD);
        bobPhone.awaitEvent(e -> e.isType("CALL_REMOTE_SDP") && e.param() != null, "re-INVITE offer at bob", WAIT);
        alice.command("resume", "");
        await().atMost(WAIT).until(() -> onlyCall().state() == com.crosspoint.call.CallState.ANSWERED);
        alice.hangup();
        bobPhone.awaitEvent("CALL_CLOSED", WAIT);
    }

    private static CallSnapshot onlyCall() {
        List<CallSnapshot> calls = pbx.appliance().activeCalls().list(pbx.tenant().id());
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    private static CallRecord lastCdr() {
        List<CallRecord> cdrs = pbx.appliance().stores().cdrs().search(pbx.tenant().id(), CdrStore.CdrFilter.any(), 0, 1);
        return cdrs.isEmpty() ? null : cdrs.get(0);
    }

    private static BaresipPhone phone(String extension, String password, double toneHz, AnswerMode mode) {
        return BaresipPhone.builder(pbx.uri(extension))
                .password(password)
                .tone(toneHz)
                .answerMode(mode)
                .start();
    }
}
