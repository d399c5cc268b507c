package com.crosspoint.it;

import static com.crosspoint.testing.HeardAudio.countFrom;
import static com.crosspoint.testing.HeardAudio.received;
import static com.crosspoint.testing.HeardAudio.windows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.HeardAudio;
import com.crosspoint.testing.LabAppliance;
import com.crosspoint.testing.NatLab;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Audio across symmetric NATs (issue 11's acceptance, the lab of docs/nat.md): two baresip phones, each behind its
 * own NAT with fully random port mapping and configured with no STUN, TURN or ICE, talk both ways through the
 * appliance's relay; hold and resume keep working; voicemail and a conference reached from behind NAT have two-way
 * audio; and when a phone's NAT drops its mappings mid-call, the relay follows the stream to its new port and the
 * audio comes back within 2 s. Each phone sends its own tone and records what it hears (Goertzel per half second).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NatAudioIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double TONE_1 = 700;
    private static final double TONE_2 = 1300;
    /** Two seconds of a tone, in half-second windows. */
    private static final int HEARD = 4;
    private static final HeardAudio AUDIO = new HeardAudio(tones());
    /** The control experiment, by hand: {@code -Dnatlab.anchor=never} turns anchoring off and the audio checks fail. */
    private static final String ANCHOR = System.getProperty("natlab.anchor", "");

    @RegisterExtension
    static final NatLab LAB = new NatLab();
    private static LabAppliance pbx;
    private static BaresipPhone ph1;
    private static BaresipPhone ph2;

    @BeforeAll
    static void start() {
        pbx = LabAppliance.start(LAB, ANCHOR.isEmpty() ? "" : "media:\n  anchor: " + ANCHOR + "\n");
        ph1 = LAB.own(phone("1001", "ph1", NatLab.phoneAddress(1), TONE_1));
        ph2 = LAB.own(phone("1002", "ph2", NatLab.phoneAddress(2), TONE_2));
        ph1.awaitRegistered(WAIT);
        ph2.awaitRegistered(WAIT);
    }

    @AfterEach
    void noCallLeft() {
        for (BaresipPhone p : List.of(ph1, ph2)) {
            if (!calls().isEmpty()) {
                p.hangup();
            }
        }
        await().atMost(WAIT).until(() -> calls().isEmpty());
        ph1.clearEvents();
        ph2.clearEvents();
    }

    @Test
    @Order(1)
    void twoPhonesBehindSymmetricNatsHearEachOtherThroughTheRelayAndAfterHoldAndResume() {
        talking();
        JsonNode media = call().get("media");
        assertThat(media.get("route").asText()).isEqualTo("RELAYED");
        await().atMost(WAIT).until(() -> call().get("media").get("parties").size() == 2
                && heardFrom(call(), 0).startsWith(NatLab.natAddress(1) + ":")
                && heardFrom(call(), 1).startsWith(NatLab.natAddress(2) + ":"));
        JsonNode first = call().get("media").get("parties").get(0);
        assertThat(first.get("behindNat").asBoolean()).isTrue();
        assertThat(first.get("signalled").asText()).startsWith(NatLab.phoneAddress(1) + ":");
        assertThat(call().get("mediaAnchored").asBoolean()).isTrue();

        ph1.command("hold", "");
        await().atMost(WAIT).until(() -> "HELD".equals(call().get("state").asText()));
        long ph1Received = received(ph1);
        ph1.command("resume", "");
        await().atMost(WAIT).until(() -> "ANSWERED".equals(call().get("state").asText()));
        int atResume = windows(ph2).size(); // ph2 heard the music while held: what it hears of ph1 now came after
        AUDIO.awaitHeard(ph2, "ph2 hears ph1 after the resume", WAIT, w -> countFrom(w, atResume, TONE_1) >= HEARD);
        HeardAudio.awaitReceiving(ph1, "ph1 receives ph2 after the resume", ph1Received, WAIT);
    }

    @Test
    @Order(2)
    void whenAPhonesNatDropsItsMappingsMidCallTheAudioComesBackWithinTwoSeconds() {
        talking();
        int ph2Before = windows(ph2).size();
        int ph1Before = windows(ph1).size();

        Instant dropped = Instant.now();
        assertThat(LAB.dropUdpMappings(1)).as("NAT 1 had mappings to drop").isPositive();

        // The relay follows ph1's stream (same SSRC) to the new port its NAT picked: the latch log says when.
        await().atMost(WAIT).until(() -> rebound(call(), 0, dropped).isPresent());
        Instant relatched = Instant.parse(rebound(call(), 0, dropped).get().get("at").asText());
        assertThat(Duration.between(dropped, relatched)).as("ph1 heard again after the NAT dropped its mapping")
                .isLessThanOrEqualTo(Duration.ofSeconds(2));
        AUDIO.awaitHeard(ph2, "ph2 hears ph1 again", WAIT, w -> countFrom(w, ph2Before, TONE_1) >= HEARD);
        AUDIO.awaitHeard(ph1, "ph1 hears ph2 again", WAIT, w -> countFrom(w, ph1Before, TONE_2) >= HEARD);
        ph1.hangup();
        await().atMost(WAIT).until(() -> calls().isEmpty());

        // Its next REGISTER comes from a new port; a call to it is routed there.
        String before = NatLabIT.registrationIn(pbx, "1001").get("source").asText();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !NatLabIT.registrationIn(pbx, "1001").get("source").asText().equals(before));
        ph2.clearEvents();
        ph1.clearEvents();
        ph2.dial(LabAppliance.uri("1001"));
        ph1.awaitEvent("CALL_ESTABLISHED", WAIT);
        ph2.awaitEvent("CALL_ESTABLISHED", WAIT);
    }

    @Test
    @Order(3)
    void aConferenceReachedFromBehindNatHasTwoWayAudio() {
        ph1.dial(LabAppliance.uri("800"));
        ph2.dial(LabAppliance.uri("800"));
        ph1.awaitEvent("CALL_ESTABLISHED", WAIT);
        ph2.awaitEvent("CALL_ESTABLISHED", WAIT);
        AUDIO.awaitHeard(ph1, "ph1 hears ph2 in the room", WAIT, w -> countFrom(w, 0, TONE_2) >= HEARD);
        AUDIO.awaitHeard(ph2, "ph2 hears ph1 in the room", WAIT, w -> countFrom(w, 0, TONE_1) >= HEARD);
        ph1.hangup();
        ph2.hangup();
    }

    @Test
    @Order(4)
    void voicemailReachedFromBehindNatHearsTheCallerAndIsHeard() throws IOException {
        List<Path> before = messages();
        ph1.dial(LabAppliance.uri("1004")); // 1004 has no phone: its mailbox answers
        ph1.awaitEvent("CALL_ESTABLISHED", WAIT);
        // The greeting reaches the phone behind NAT: two seconds of sound of any kind.
        await("ph1 hears the greeting").atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> windows(ph1).stream().filter(w -> w.rms() > 0.01).count() >= HEARD);
        // Whatever the caller says after the beep is recorded: let five seconds of its tone in.
        await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);
        ph1.hangup();

        await().atMost(WAIT).until(() -> messages().size() > before.size());
        Path message = messages().stream().filter(m -> !before.contains(m)).findFirst().orElseThrow();
        AudioAnalysis recorded = AudioAnalysis.read(message);
        assertThat(recorded.containsTone(TONE_1)).as(recorded.describe(TONE_1, TONE_2)).isTrue();
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** ph1 calls ph2 (auto-answer) and both hear each other. */
    private static void talking() {
        ph1.dial(LabAppliance.uri("1002"));
        ph1.awaitEvent("CALL_ESTABLISHED", WAIT);
        ph2.awaitEvent("CALL_ESTABLISHED", WAIT);
        AUDIO.awaitHeard(ph2, "ph2 hears ph1", WAIT, w -> countFrom(w, 0, TONE_1) >= HEARD);
        AUDIO.awaitHeard(ph1, "ph1 hears ph2", WAIT, w -> countFrom(w, 0, TONE_2) >= HEARD);
    }

    private static Optional<JsonNode> rebound(JsonNode call, int party, Instant after) {
        for (JsonNode latch : call.get("media").get("parties").get(party).get("latches")) {
            if (latch.get("from").isTextual() && latch.get("to").isTextual()
                    && !Instant.parse(latch.get("at").asText()).isBefore(after)) {
                return Optional.of(latch);
            }
        }
        return Optional.empty();
    }

    private static String heardFrom(JsonNode call, int party) {
        JsonNode p = call.get("media").get("parties").get(party);
        return p.get("heardFrom").isTextual() ? p.get("heardFrom").asText() : "";
    }

    private static List<JsonNode> calls() {
        List<JsonNode> out = new java.util.ArrayList<>();
        pbx.api().get("/tenants/" + pbx.tenantId() + "/calls").forEach(out::add);
        return out;
    }

    private static JsonNode call() {
        List<JsonNode> calls = calls();
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }

    private static List<Path> messages() throws IOException {
        Path root = pbx.dataDir().resolve("voicemail");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".wav") && !f.toString().contains("greeting")).sorted()
                    .toList();
        }
    }

    private static BaresipPhone phone(String extension, String role, String address, double tone) {
        return BaresipPhone.builder(LabAppliance.uri(extension)).name(role).password(LabAppliance.PASSWORD)
                .namespace(LAB.namespace(role), address).sipPort(5060).regint(600).tone(tone)
                .maxLifetime(Duration.ofMinutes(5)).start();
    }

    private static Map<String, Double> tones() {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("1", TONE_1);
        t.put("2", TONE_2);
        return t;
    }
}
