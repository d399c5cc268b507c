package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.VoicemailFiles;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a new user met (issue 10): a blind transfer to an extension with no registered phone, or to a conference
 * room, dropped the call for both parties. Now the transferee ends where a call to that number would: the
 * user's voicemail, the room. Real baresip phones: Bob (1002) answers Alice (1001, a 440 Hz tone) and
 * transfers her; baresip hangs up the transferor's side once the transfer is under way.
 */
class BlindTransferIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestAppliance pbx;
    private static User dave;
    private static long roomId;

    private BaresipPhone alice;
    private BaresipPhone bob;

    @BeforeAll
    static void start() throws Exception {
        pbx = TestAppliance.start();
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
        dave = pbx.user("1004", "Dave", "pw-dave-1004"); // never registers a phone
        AdminApi api = new AdminApi(pbx.appliance().httpPort(), "admin", "admin-secret");
        roomId = api.post("/tenants/" + pbx.tenant().id() + "/conferences", "{\"number\":\"800\",\"name\":\"Room\"}")
                .get("id").asLong();
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @BeforeEach
    void phones() {
        alice = BaresipPhone.builder(pbx.uri("1001")).password("pw-alice-1001").tone(440)
                .answerMode(AnswerMode.AUTO).start();
        bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").tone(975)
                .answerMode(AnswerMode.MANUAL).start();
        List.of(alice, bob).forEach(p -> p.awaitRegistered(WAIT));
        alice.dial(pbx.uri("1002"));
        bob.awaitEvent("CALL_INCOMING", WAIT);
        bob.accept();
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        bob.awaitEvent("CALL_ESTABLISHED", WAIT);
    }

    @AfterEach
    void hangUpAll() {
        BaresipPhone.closeAll(alice, bob);
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
    }

    @Test
    void aTransferToAUserWithNoPhoneLeavesTheCallerInTheirVoicemail() throws Exception {
        bob.command("transfer", pbx.uri("1004"));

        bob.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).until(() -> "voicemail".equals(onlyCall().connectedTo()));
        // Dave's greeting, the beep, then the recording: its temporary file appears in his mailbox.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> !VoicemailFiles.inProgress(pbx.dataDir()).isEmpty());
        Thread.sleep(4_000); // Alice talks (her tone) for four seconds
        alice.hangup();

        await().atMost(WAIT).until(() -> pbx.appliance().voicemail().folder(dave.id(), VoicemailFolder.NEW).size() == 1);
        Voicemail v = pbx.appliance().voicemail().folder(dave.id(), VoicemailFolder.NEW).get(0);
        AudioAnalysis heard = AudioAnalysis.read(pbx.appliance().voicemail().audio(dave.id(), v.id()));
        assertThat(heard.durationSeconds()).isGreaterThan(3.0);
        assertThat(heard.containsTone(440)).as(heard.describe(440, 975)).isTrue();
    }

    @Test
    void aTransferToAConferenceRoomPutsTheCallerInTheRoom() {
        bob.command("transfer", pbx.uri("800"));

        bob.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).until(() -> pbx.appliance().conferences().participants(pbx.tenant().id(), roomId).size() == 1);
        assertThat(onlyCall().connectedTo()).isEqualTo("conference 800");
        assertThat(alice.isAlive()).isTrue();
        alice.hangup();
        await().atMost(WAIT).until(() -> pbx.appliance().conferences().participants(pbx.tenant().id(), roomId).isEmpty());
    }

    private static CallSnapshot onlyCall() {
        List<CallSnapshot> calls = pbx.appliance().activeCalls().list(pbx.tenant().id());
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }
}
