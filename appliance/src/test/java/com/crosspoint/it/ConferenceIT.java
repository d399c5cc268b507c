package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.PcmWav;
import com.crosspoint.testing.TestAppliance;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Conference rooms with real phones: three baresip phones, each sending its own tone (500, 800, 1200 Hz), dial a
 * room created through the API; once all three are in, each one's recording holds the other two tones and not
 * its own. A PIN-protected room lets a caller in only after the right PIN (RFC 4733 digits); a caller who
 * presses {@code *} is no longer heard by the others.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConferenceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double[] TONES = {500, 800, 1200};
    private static TestAppliance pbx;
    private static AdminApi api;
    private static String rooms;
    private static final List<BaresipPhone> phones = new ArrayList<>();

    @BeforeAll
    static void start() {
        pbx = TestAppliance.start();
        api = new AdminApi(pbx.appliance().httpPort(), "admin", "admin-secret");
        rooms = "/tenants/" + pbx.tenant().id() + "/conferences";
        for (int i = 0; i < TONES.length; i++) {
            String ext = "100" + (i + 1);
            pbx.user(ext, "Phone " + ext, "pw-phone-" + ext);
            phones.add(BaresipPhone.builder(pbx.uri(ext)).password("pw-phone-" + ext).tone(TONES[i]).start());
        }
        phones.forEach(p -> p.awaitRegistered(WAIT));
    }

    @AfterAll
    static void stop() {
        phones.forEach(BaresipPhone::close);
        if (pbx != null) {
            pbx.close();
        }
    }

    @Test
    @Order(1)
    void eachOfThreePhonesHearsTheOtherTwoTonesAndNotItsOwn() throws Exception {
        JsonNode room = api.post(rooms, "{\"number\":\"800\",\"name\":\"Tones\"}");
        long roomId = room.get("id").asLong();
        String participants = rooms + "/" + roomId + "/participants";

        long dialled = System.nanoTime();
        for (BaresipPhone p : phones) {
            p.clearEvents();
            p.dial(pbx.uri("800"));
        }
        for (BaresipPhone p : phones) {
            p.awaitEvent("CALL_ESTABLISHED", WAIT);
        }
        await().atMost(WAIT).until(() -> api.get(participants).size() == 3);
        // Everyone is counted in at once but connected after "you are now in the conference" (and, for the first,
        // "you are the only person"): wait for those prompts to end, then for the join tones to fade.
        await().atMost(WAIT).until(() -> pbx.appliance().conferences().participants(pbx.tenant().id(), roomId).size() == 3);
        Thread.sleep(6_000);
        double allInSeconds = (System.nanoTime() - dialled) / 1e9;
        Thread.sleep(4_000);
        assertThat(api.get(participants).size()).isEqualTo(3);
        assertThat(api.get(rooms + "/" + roomId).get("participants").asInt()).isEqualTo(3);
        for (BaresipPhone p : phones) {
            p.hangup();
        }
        await().atMost(WAIT).until(() -> api.get(participants).isEmpty());
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());

        for (int i = 0; i < phones.size(); i++) {
            BaresipPhone p = phones.get(i);
            await().atMost(WAIT).until(() -> !p.recordings().isEmpty());
            Path rec = p.recordings().get(p.recordings().size() - 1);
            // The last 3 s before the hang-up: all three in, prompts and tones over. The recording starts when the
            // call does, roughly when it was dialled.
            AudioAnalysis heard = lastSecondsBefore(rec, allInSeconds - 1, 3);
            String all = heard.describe(TONES);
            System.out.println("phone " + i + " (" + TONES[i] + " Hz) heard: " + all);
            for (int j = 0; j < TONES.length; j++) {
                if (i == j) {
                    assertThat(heard.amplitudeAt(TONES[j])).as("own %s Hz heard by phone %d: %s", TONES[j], i, all)
                            .isLessThan(0.1 * Math.max(heard.amplitudeAt(TONES[(j + 1) % 3]),
                                    heard.amplitudeAt(TONES[(j + 2) % 3])));
                } else {
                    assertThat(heard.amplitudeAt(TONES[j])).as("%s Hz heard by phone %d: %s", TONES[j], i, all)
                            .isGreaterThan(AudioAnalysis.MIN_TONE_AMPLITUDE);
                }
            }
        }
    }

    @Test
    @Order(2)
    void aRoomWithAPinLetsACallerInOnlyWithTheRightPin() throws Exception {
        JsonNode room = api.post(rooms, "{\"number\":\"801\",\"pin\":\"1357\"}");
        assertThat(room.get("pinRequired").asBoolean()).isTrue();
        String participants = rooms + "/" + room.get("id").asLong() + "/participants";
        BaresipPhone phone = phones.get(0);
        phone.clearEvents();

        phone.dial(pbx.uri("801"));
        phone.awaitEvent("CALL_ESTABLISHED", WAIT);
        phone.awaitEvent("CALL_RTPESTAB", WAIT);
        keys(phone, "1111#"); // barges into "please enter the conference PIN"
        Thread.sleep(1_500);
        assertThat(api.get(participants).size()).as("not in after a wrong PIN").isZero();
        assertThat(pbx.appliance().activeCalls().list(pbx.tenant().id())).hasSize(1); // still asked again
        keys(phone, "1357#");
        await().atMost(WAIT).until(() -> api.get(participants).size() == 1);
        assertThat(api.get(participants).get(0).get("caller").asText()).startsWith("1001");

        phone.hangup();
        await().atMost(WAIT).until(() -> api.get(participants).isEmpty());
    }

    @Test
    @Order(3)
    void aParticipantWhoPressesStarIsMutedForTheOthersAndStillHearsThem() throws Exception {
        JsonNode room = api.post(rooms, "{\"number\":\"802\"}");
        String participants = rooms + "/" + room.get("id").asLong() + "/participants";
        long dialled = System.nanoTime();
        for (BaresipPhone p : phones) {
            p.clearEvents();
            p.dial(pbx.uri("802"));
        }
        for (BaresipPhone p : phones) {
            p.awaitEvent("CALL_RTPESTAB", WAIT);
        }
        await().atMost(WAIT).until(() -> api.get(participants).size() == 3);
        Thread.sleep(6_000); // the join prompts

        keys(phones.get(0), "*");
        await().atMost(WAIT).until(() -> mutedCallers(participants).equals(List.of("1001")));
        double mutedAt = (System.nanoTime() - dialled) / 1e9;
        Thread.sleep(5_000);
        phones.forEach(BaresipPhone::hangup);
        await().atMost(WAIT).until(() -> api.get(participants).isEmpty());

        for (int i = 0; i < phones.size(); i++) {
            BaresipPhone p = phones.get(i);
            Path rec = p.recordings().get(p.recordings().size() - 1);
            // phone 0 first hears "you are muted" (not the room), so its window starts later
            AudioAnalysis heard = lastSecondsBefore(rec, mutedAt + (i == 0 ? 2.5 : 1.5), 2);
            String all = heard.describe(TONES);
            System.out.println("after the mute, phone " + i + " heard: " + all);
            if (i == 0) {
                assertThat(heard.amplitudeAt(800)).as("muted phone hears 800 Hz: %s", all)
                        .isGreaterThan(AudioAnalysis.MIN_TONE_AMPLITUDE);
                assertThat(heard.amplitudeAt(1200)).as("muted phone hears 1200 Hz: %s", all)
                        .isGreaterThan(AudioAnalysis.MIN_TONE_AMPLITUDE);
            } else {
                double other = heard.amplitudeAt(TONES[3 - i]);
                assertThat(other).as("phone %d hears the other unmuted phone: %s", i, all)
                        .isGreaterThan(AudioAnalysis.MIN_TONE_AMPLITUDE);
                assertThat(heard.amplitudeAt(500)).as("phone %d hears the muted phone: %s", i, all)
                        .isLessThan(0.1 * other);
            }
        }
    }

    private static List<String> mutedCallers(String participants) {
        List<String> muted = new ArrayList<>();
        for (JsonNode p : api.get(participants)) {
            if (p.get("muted").asBoolean()) {
                muted.add(p.get("caller").asText().split(" ")[0]);
            }
        }
        return muted;
    }

    private static void keys(BaresipPhone phone, String keys) throws InterruptedException {
        for (char c : keys.toCharArray()) {
            phone.command("sndcode", String.valueOf(c));
            Thread.sleep(300); // RFC 4733 digits need their own time on the wire
        }
    }

    /** {@code seconds} of the recording starting {@code fromSecond} into it. */
    private static AudioAnalysis lastSecondsBefore(Path wav, double fromSecond, double seconds) {
        PcmWav pcm = PcmWav.read(wav);
        double[] all = pcm.samples();
        int rate = pcm.sampleRate();
        int from = (int) Math.min(Math.max(0, fromSecond * rate), Math.max(0, all.length - seconds * rate));
        int to = (int) Math.min(all.length, from + seconds * rate);
        return AudioAnalysis.of(Arrays.copyOfRange(all, from, to), rate);
    }
}
