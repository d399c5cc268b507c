package com.crosspoint.it.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.Executables;
import com.crosspoint.testing.TestAppliance;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two baresip phones with {@code medianat=turn} against the appliance's TURN server, each authenticating with its
 * own SIP user name and password (no TURN account anywhere): their media goes through the relay, and each hears
 * the other's tone.
 */
class TurnBaresipIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static TestAppliance pbx;

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start(Map.of("turn.allowedPeers", "127.0.0.1/32"));
        pbx.user("6001", "Turner", "pw-turn-6001");
        pbx.user("6002", "Relay", "pw-turn-6002");
    }

    @AfterAll
    static void stop() {
        pbx.close();
    }

    @Test
    void phonesRelayTheirMediaThroughTurnWithTheirSipCredentials() {
        Executables.assumeInstalled("baresip");
        try (BaresipPhone caller = phone("6001", "pw-turn-6001", 440, AnswerMode.AUTO);
             BaresipPhone callee = phone("6002", "pw-turn-6002", 975, AnswerMode.AUTO)) {
            caller.awaitRegistered(WAIT);
            callee.awaitRegistered(WAIT);

            caller.dial(pbx.uri("6002"));
            caller.awaitEvent("CALL_ESTABLISHED", WAIT);
            caller.awaitEvent("CALL_RTPESTAB", WAIT);
            callee.awaitEvent("CALL_RTPESTAB", WAIT);
            await().atMost(WAIT).until(() -> relayedBothWays(6001) && relayedBothWays(6002));

            await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
            caller.hangup();
            callee.awaitEvent("CALL_CLOSED", WAIT);

            await().atMost(WAIT).until(() -> !caller.recordings().isEmpty() && !callee.recordings().isEmpty());
            AudioAnalysis heardByCaller = AudioAnalysis.read(caller.recordings().get(0));
            AudioAnalysis heardByCallee = AudioAnalysis.read(callee.recordings().get(0));
            assertThat(heardByCaller.containsTone(975)).as(heardByCaller.describe(440, 975)).isTrue();
            assertThat(heardByCallee.containsTone(440)).as(heardByCallee.describe(440, 975)).isTrue();
        }
    }

    /** Whether an allocation of the user with that extension carried packets to and from its peer. */
    private static boolean relayedBothWays(int extension) {
        long userId = pbx.appliance().directory().userByExtension(pbx.tenant().id(), String.valueOf(extension))
                .orElseThrow().id();
        var table = pbx.appliance().stunTurn().turn().allocations();
        return table.countOf(userId) > 0 && table.snapshot().stream()
                .filter(a -> a.owner().userId() == userId)
                .anyMatch(a -> a.packetsToPeers() > 0 && a.packetsFromPeers() > 0);
    }

    private static BaresipPhone phone(String extension, String password, double tone, AnswerMode mode) {
        // No stunuser/stunpass: baresip takes the SIP account's user name and password for TURN.
        return BaresipPhone.builder("sip:" + extension + "@" + pbx.sipHostPort())
                .password(password)
                .tone(tone)
                .answerMode(mode)
                .accountParam("medianat=turn")
                .accountParam("stunserver=\"turn:127.0.0.1:" + pbx.appliance().stunTurn().port() + "\"")
                .start();
    }
}
