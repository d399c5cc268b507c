package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import com.crosspoint.ivr.MenuDraft;
import com.crosspoint.media.play.PromptLibrary;
import com.crosspoint.model.AttendantMenu;
import com.crosspoint.model.CallRecord;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.User;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.PcmWav;
import com.crosspoint.testing.PromptMatch;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.VoicemailFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The auto-attendant over real calls: menu 700 routes key 2 to 1002. 1001 (sending a 1 kHz tone) calls 700,
 * presses 2 during the greeting; 1002's phone (auto-answer, sending 440 Hz) answers and the two hear each other
 * directly. An unassigned key makes the menu say so and play the greeting again, which 1001's recording shows.
 */
class AttendantIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestAppliance pbx;
    private static BaresipPhone alice;
    private static BaresipPhone bob;
    private static User carol;
    private static User dave;
    private static BaresipPhone davePhone;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
        carol = pbx.user("1003", "Carol", "pw-carol-1003"); // never registered
        dave = pbx.settings(pbx.user("1004", "Dave", "pw-dave-1004"), new CallSettings(null, null, null, 5, false));
        pbx.appliance().attendant().create(pbx.tenant().id(), new MenuDraft("700", "Reception", null, true, 5, 3,
                null, List.of(new MenuDraft.Option("2", "EXTENSION", "1002", null),
                        new MenuDraft.Option("3", "EXTENSION", "1003", null),
                        new MenuDraft.Option("4", "EXTENSION", "1004", null))));
        alice = BaresipPhone.builder(pbx.uri("1001")).password("pw-alice-1001").tone(1000)
                .answerMode(AnswerMode.MANUAL).start();
        bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").tone(440)
                .answerMode(AnswerMode.AUTO).start();
        davePhone = BaresipPhone.builder(pbx.uri("1004")).password("pw-dave-1004").tone(440)
                .answerMode(AnswerMode.MANUAL).start();
        alice.awaitRegistered(WAIT);
        bob.awaitRegistered(WAIT);
        davePhone.awaitRegistered(WAIT);
    }

    @AfterAll
    static void stop() {
        BaresipPhone.closeAll(alice, bob, davePhone);
        pbx.close();
    }

    @BeforeEach
    void quiet() throws InterruptedException {
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
        alice.clearEvents();
        bob.clearEvents();
        davePhone.clearEvents();
        Thread.sleep(1_100); // a new second: each call gets its own recording file (1 s resolution)
    }

    @Test
    void key2LandsOnTheExtensionConfiguredForItAndTheTwoHearEachOther() throws Exception {
        alice.dial(pbx.uri("700"));
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        alice.awaitEvent("CALL_RTPESTAB", WAIT);
        assertThat(onlyCall().connectedTo()).isEqualTo("menu 700");
        Thread.sleep(1_000); // into the greeting

        alice.command("sndcode", "2");

        bob.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(WAIT).until(() -> "1002".equals(onlyCall().connectedTo())
                && onlyCall().state() == CallState.ANSWERED);
        // the appliance left the media path
        await().atMost(WAIT).until(() -> pbx.appliance().media().sessionCount() == 0);
        Thread.sleep(4_000); // they talk
        alice.hangup();
        bob.awaitEvent("CALL_CLOSED", WAIT);

        await().atMost(WAIT).until(() -> lastCdr() != null && "700".equals(lastCdr().callee()));
        assertThat(lastCdr().disposition()).isEqualTo(Disposition.ANSWERED);
        await().atMost(WAIT).until(() -> !bob.recordings().isEmpty());
        Path bobHeard = bob.recordings().get(bob.recordings().size() - 1);
        assertThat(AudioAnalysis.secondsWithTone(bobHeard, 1000)).as("seconds of 1001's 1 kHz heard by 1002").isBetween(2, 6);
        Path aliceHeard = alice.recordings().get(alice.recordings().size() - 1);
        assertThat(AudioAnalysis.secondsWithTone(aliceHeard, 440)).as("seconds of 1002's 440 Hz heard by 1001").isBetween(2, 6);
    }

    /** Issue 10: a call the menu handed to 1002 was missing from 1002's call history and from a search for 1002. */
    @Test
    void aCallTheMenuHandedToBobIsInBobsHistoryAndFoundBySearchingForHim() throws Exception {
        pressInMenu("2", 1_000);
        bob.awaitEvent("CALL_ESTABLISHED", WAIT);
        await().atMost(WAIT).until(() -> "1002".equals(onlyCall().connectedTo()));
        alice.hangup();
        bob.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).until(() -> lastCdr() != null && "700".equals(lastCdr().callee()));

        assertThat(lastCdr().answeredBy()).isEqualTo("1002");
        String callId = lastCdr().callId();
        AdminApi api = new AdminApi(pbx.appliance().httpPort(), "admin", "admin-secret");
        JsonNode found = api.get("/tenants/" + pbx.tenant().id() + "/cdrs?party=1002");
        assertThat(found.get("items").findValuesAsText("callId")).contains(callId);
        // 1002's own history is the same search, with 1002 as the party (MeHandler)
        assertThat(pbx.appliance().stores().cdrs().search(pbx.tenant().id(),
                new CdrStore.CdrFilter("1002", null, null, null), 0, 10)).extracting(CallRecord::callId).contains(callId);
    }

    @Test
    void anUnassignedKeyIsRefusedAndTheMenuPlaysAgain() throws Exception {
        pressInMenu("9", 3_500); // past the part of the greeting looked for below

        Thread.sleep(6_500); // "That is not a valid option", then the greeting from its start
        assertThat(onlyCall().connectedTo()).as("still in the menu").isEqualTo("menu 700");
        assertThat(bob.events()).noneMatch(e -> e.isType("CALL_INCOMING"));
        alice.hangup();
        alice.awaitEvent("CALL_CLOSED", WAIT);

        await().atMost(WAIT).until(() -> !alice.recordings().isEmpty());
        double[] heard = PromptMatch.at8k(PcmWav.read(alice.recordings().get(alice.recordings().size() - 1)));
        PromptLibrary prompts = PromptLibrary.english(null);
        // A second out of each prompt (the greeting's second second: its very start may precede the phone's
        // recording), found by normalised cross-correlation; G.711 keeps the waveform, so matches are near 1.
        double[] greeting = PromptMatch.slice(prompts.samples(AttendantMenu.DEFAULT_GREETING), 8_000, 16_000);
        double[] invalid = PromptMatch.slice(prompts.samples("invalid-entry"), 0, 8_000);
        assertThat(PromptMatch.matches(heard, invalid)).as("'invalid-entry' heard").hasSize(1);
        List<Integer> greetings = PromptMatch.matches(heard, greeting);
        assertThat(greetings).as("the greeting heard twice, the second time after 'invalid-entry'").hasSize(2);
        assertThat(greetings.get(1)).isGreaterThan(PromptMatch.matches(heard, invalid).get(0));
    }

    @Test
    void aTransferToSomeoneUnreachableEndsInTheirVoicemailOnTheSameCall() throws Exception {
        pressInMenu("3", 1_000);

        // "please hold", then 1003 has no phone: the greeting, the beep, and the recording of the caller's tone
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !recordingsInProgress().isEmpty());
        assertThat(onlyCall().state()).isEqualTo(CallState.ANSWERED);
        assertThat(onlyCall().connectedTo()).isEqualTo("voicemail");
        Thread.sleep(3_000);
        alice.hangup();
        alice.awaitEvent("CALL_CLOSED", WAIT);
        assertThat(alice.events()).as("answered once").filteredOn(e -> e.isType("CALL_ESTABLISHED")).hasSize(1);

        await().atMost(WAIT).until(() -> pbx.appliance().voicemail().folder(carol.id(), VoicemailFolder.NEW).size() == 1);
        var v = pbx.appliance().voicemail().folder(carol.id(), VoicemailFolder.NEW).get(0);
        assertThat(v.callerExtension()).isEqualTo("1001");
        assertThat(AudioAnalysis.read(pbx.appliance().voicemail().audio(carol.id(), v.id())).containsTone(1000)).isTrue();
        await().atMost(WAIT).until(() -> lastCdr() != null && "700".equals(lastCdr().callee()));
        assertThat(lastCdr().disposition()).isEqualTo(Disposition.VOICEMAIL);
    }

    @Test
    void theCallerHangingUpWhileThePersonIsRungStopsTheRinging() throws Exception {
        pressInMenu("4", 1_000);
        davePhone.awaitEvent("CALL_INCOMING", WAIT);
        assertThat(onlyCall().state()).isEqualTo(CallState.TRANSFERRING);
        alice.hangup();

        davePhone.awaitEvent("CALL_CLOSED", WAIT); // CANCEL
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
        await().atMost(WAIT).until(() -> pbx.appliance().media().sessionCount() == 0);
        await().atMost(WAIT).until(() -> lastCdr() != null && "700".equals(lastCdr().callee()));
        assertThat(lastCdr().hungUpBy()).isEqualTo(com.crosspoint.model.HangupParty.CALLER);
    }

    @Test
    void nobodyAnsweringWithinTheirRingTimeSendsTheCallerToTheirVoicemail() throws Exception {
        pressInMenu("4", 1_000);
        davePhone.awaitEvent("CALL_INCOMING", WAIT); // rings 5 s (Dave's noAnswerSeconds), nobody answers
        davePhone.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !recordingsInProgress().isEmpty());
        Thread.sleep(2_500);
        alice.hangup();

        await().atMost(WAIT).until(() -> pbx.appliance().voicemail().folder(dave.id(), VoicemailFolder.NEW).size() == 1);
        await().atMost(WAIT).until(() -> lastCdr() != null && "700".equals(lastCdr().callee()));
        assertThat(lastCdr().disposition()).isEqualTo(Disposition.VOICEMAIL);
    }

    /** Alice calls the menu and presses {@code key} once the greeting has played for {@code afterMillis}. */
    private static void pressInMenu(String key, long afterMillis) throws InterruptedException {
        alice.dial(pbx.uri("700"));
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        alice.awaitEvent("CALL_RTPESTAB", WAIT);
        Thread.sleep(afterMillis);
        alice.command("sndcode", key);
    }

    private static CallSnapshot onlyCall() {
        List<CallSnapshot> calls = pbx.appliance().activeCalls().list(pbx.tenant().id());
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    private static List<Path> recordingsInProgress() {
        return VoicemailFiles.inProgress(pbx.dataDir());
    }

    private static CallRecord lastCdr() {
        List<CallRecord> cdrs = pbx.appliance().stores().cdrs().search(pbx.tenant().id(), CdrStore.CdrFilter.any(), 0, 1);
        return cdrs.isEmpty() ? null : cdrs.get(0);
    }
}
