package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.model.CallRecord;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.HangupParty;
import com.crosspoint.model.User;
import com.crosspoint.store.CdrStore;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core acceptance path with real phones: 1001 calls 1002, whose two devices ring in parallel;
 * one answers, the other is cancelled; audio flows both ways through the B2BUA; the caller hangs
 * up and the CDR says answered.
 */
class BasicCallIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        pbx.user("1001", "Alice", "pw-alice-1001");
        User bob = pbx.user("1002", "Bob", "pw-bob-1002");
        pbx.device(bob, "1002-desk", "pw-bob-desk");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void forkedCallAnsweredOnOneDeviceCarriesAudioBothWays() {
        try (BaresipPhone alice = phone("1001", "1001", "pw-alice-1001", 440, AnswerMode.AUTO);
             BaresipPhone bobMobile = phone("1002", "1002", "pw-bob-1002", 975, AnswerMode.MANUAL);
             BaresipPhone bobDesk = phone("1002", "1002-desk", "pw-bob-desk", 975, AnswerMode.MANUAL)) {
            for (BaresipPhone p : List.of(alice, bobMobile, bobDesk)) {
                p.awaitRegistered(WAIT);
            }
            assertThat(pbx.appliance().registrar().list(pbx.tenant().id())).hasSize(3);

            alice.dial(pbx.uri("1002"));
            bobMobile.awaitEvent("CALL_INCOMING", WAIT);
            bobDesk.awaitEvent("CALL_INCOMING", WAIT);
            alice.awaitEvent("CALL_RINGING", WAIT);

            bobMobile.accept();
            alice.awaitEvent("CALL_ESTABLISHED", WAIT);
            bobMobile.awaitEvent("CALL_RTPESTAB", WAIT);
            alice.awaitEvent("CALL_RTPESTAB", WAIT);
            // The device that lost the race is cancelled, not left ringing.
            bobDesk.awaitEvent("CALL_CLOSED", WAIT);
            await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).size() == 1);

            // Let some seconds of tone flow, then the caller hangs up.
            await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
            alice.hangup();
            bobMobile.awaitEvent("CALL_CLOSED", WAIT);

            await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
            List<CallRecord> cdrs = pbx.appliance().stores().cdrs().search(pbx.tenant().id(), CdrStore.CdrFilter.any(), 0, 10);
            assertThat(cdrs).hasSize(1);
            CallRecord cdr = cdrs.get(0);
            assertThat(cdr.disposition()).isEqualTo(Disposition.ANSWERED);
            assertThat(cdr.caller()).isEqualTo("1001");
            assertThat(cdr.callee()).isEqualTo("1002");
            assertThat(cdr.hungUpBy()).isEqualTo(HangupParty.CALLER);
            assertThat(cdr.duration()).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(15));

            await().atMost(WAIT).until(() -> !alice.recordings().isEmpty() && !bobMobile.recordings().isEmpty());
            AudioAnalysis heardByAlice = AudioAnalysis.read(alice.recordings().get(0));
            AudioAnalysis heardByBob = AudioAnalysis.read(bobMobile.recordings().get(0));
            assertThat(heardByAlice.containsTone(975)).as(heardByAlice.describe(440, 975)).isTrue();
            assertThat(heardByBob.containsTone(440)).as(heardByBob.describe(440, 975)).isTrue();
        }
    }

    private static BaresipPhone phone(String extension, String authUser, String password, double toneHz, AnswerMode mode) {
        return BaresipPhone.builder("sip:" + extension + "@" + pbx.sipHostPort())
                .name(authUser)
                .authUser(authUser)
                .password(password)
                .tone(toneHz)
                .answerMode(mode)
                .start();
    }
}
