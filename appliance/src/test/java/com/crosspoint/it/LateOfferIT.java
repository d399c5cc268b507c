package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.call.CallState;
import com.crosspoint.model.Voicemail;
import com.crosspoint.model.VoicemailFolder;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.RtpCaller;
import com.crosspoint.testing.TestAppliance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Late offer (RFC 3264 §4, offer in the 2xx, answer in the ACK), which gateways and some phones use: an INVITE
 * without SDP reaches a phone through the B2BUA (the phone's 2xx offer goes to the caller, the caller's ACK answer
 * goes on in the phone's ACK) and reaches voicemail (the appliance offers, the ACK answers). Audio flows both ways.
 */
class LateOfferIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int CALLER_TONE = 1000;
    private static final int PHONE_TONE = 440;
    private static TestAppliance pbx;
    private static BaresipPhone bob;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
        pbx.user("1003", "Carol", "pw-carol-1003"); // never registers: her calls go to voicemail
        bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").tone(PHONE_TONE)
                .answerMode(AnswerMode.AUTO).start();
        bob.awaitRegistered(WAIT);
    }

    @AfterAll
    static void stop() {
        BaresipPhone.closeAll(bob);
        pbx.close();
    }

    @Test
    void aLateOfferToAPhoneGetsThePhonesOfferAndTheAnswerReachesThePhone() throws Exception {
        try (RtpCaller caller = new RtpCaller(pbx.sipHostPort(), "1001", "pw-alice-1001").lateOffer()) {
            caller.call("1002", WAIT);
            await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).stream()
                    .anyMatch(c -> c.state() == CallState.ANSWERED));
            caller.sendTone(Duration.ofSeconds(4), i -> false);
            // the phone learnt where to send from the answer in the ACK it got through the B2BUA
            assertThat(caller.received()).as("RTP from the phone").isGreaterThan(100);
            caller.hangUp(WAIT);
        }
        await().atMost(WAIT).until(() -> !bob.recordings().isEmpty());
        List<Path> heard = bob.recordings();
        AudioAnalysis bobHeard = AudioAnalysis.read(heard.get(heard.size() - 1));
        assertThat(bobHeard.containsTone(CALLER_TONE)).as("the phone hears the caller: " + bobHeard.describe(CALLER_TONE))
                .isTrue();
        assertThat(pbx.appliance().media().sessionCount()).as("phones talk directly").isZero();
    }

    @Test
    void aLateOfferToVoicemailGetsTheAppliancesOfferAndLeavesAMessage() throws Exception {
        long carol = pbx.appliance().directory().userByExtension(pbx.tenant().id(), "1003").orElseThrow().id();
        try (RtpCaller caller = new RtpCaller(pbx.sipHostPort(), "1001", "pw-alice-1001").lateOffer()) {
            caller.call("1003", WAIT);
            // the greeting and the beep come to the address of our answer, then the recording starts
            await().atMost(WAIT).until(() -> caller.received() > 50);
            caller.sendTone(Duration.ofSeconds(9), i -> false);
            caller.hangUp(WAIT);
        }
        await().atMost(WAIT).until(() -> pbx.appliance().voicemail().folder(carol, VoicemailFolder.NEW).size() == 1);
        Voicemail v = pbx.appliance().voicemail().folder(carol, VoicemailFolder.NEW).get(0);
        AudioAnalysis message = AudioAnalysis.read(pbx.appliance().voicemail().audio(carol, v.id()));
        assertThat(message.containsTone(CALLER_TONE)).as(message.describe(CALLER_TONE)).isTrue();
    }
}
