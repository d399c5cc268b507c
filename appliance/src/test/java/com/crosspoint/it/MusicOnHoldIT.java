package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static com.crosspoint.testing.HeardAudio.countFrom;
import static com.crosspoint.testing.HeardAudio.firstIndex;
import static com.crosspoint.testing.HeardAudio.lastIndex;
import static com.crosspoint.testing.HeardAudio.received;
import static com.crosspoint.testing.HeardAudio.windows;
import static org.awaitility.Awaitility.await;

import com.crosspoint.call.CallSnapshot;
import com.crosspoint.call.CallState;
import com.crosspoint.testing.AudioAnalysis;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.HeardAudio;
import com.crosspoint.testing.TestAppliance;
import com.crosspoint.testing.ToneWav;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Music on hold between two real baresip phones. 1001 sends a 700 Hz tone, 1002 a 1300 Hz tone, and the music
 * (configured through {@code media.musicOnHold}) is a 440 Hz tone, so each phone's recording of what it received
 * tells who it heard when. A recording grows only while packets arrive, so the order of its half-second windows
 * is the order of what was heard; it is read while the call runs to wait for each step. baresip 1.0 stops
 * recording what it receives once a stream of its own has been other than sendrecv (it drops its decode filters),
 * so the phone that holds is checked by the RTP packets it reports in RTCP events instead.
 */
class MusicOnHoldIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final double TONE_ALICE = 700;
    private static final double TONE_BOB = 1300;
    private static final double TONE_CAROL = 1800;
    private static final double MUSIC = 440;
    /** Two seconds of a sound, in windows: enough to be sure, short enough for a loaded machine. */
    private static final int HEARD = 4;

    private static Path musicDir;
    static TestAppliance pbx;
    /** Whether calls between the phones go through the relay ({@link RelayedMusicOnHoldIT}). */
    private static boolean relayed;

    BaresipPhone alice;
    BaresipPhone bob;

    @BeforeAll
    static void start() throws IOException {
        startWith("never");
    }

    /** @param anchor {@code media.anchor}: whether calls between the phones go through the relay */
    static void startWith(String anchor) throws IOException {
        relayed = anchor.equals("always");
        musicDir = Files.createTempDirectory("crosspoint-moh");
        Path music = ToneWav.write(musicDir.resolve("moh-440.wav"), MUSIC, Duration.ofSeconds(3), 0.5);
        pbx = TestAppliance.start(Map.of("media.musicOnHold", music.toString(), "media.anchor", anchor));
        pbx.user("1001", "Alice", "pw-alice-1001");
        pbx.user("1002", "Bob", "pw-bob-1002");
    }

    @AfterAll
    static void stop() throws IOException {
        if (pbx != null) {
            pbx.close();
        }
        try (var files = Files.list(musicDir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(musicDir);
    }

    @BeforeEach
    void phones() {
        alice = BaresipPhone.builder(pbx.uri("1001")).password("pw-alice-1001").tone(TONE_ALICE)
                .answerMode(AnswerMode.AUTO).start();
        bob = BaresipPhone.builder(pbx.uri("1002")).password("pw-bob-1002").tone(TONE_BOB)
                .answerMode(AnswerMode.AUTO).sipTrace(true).start();
        alice.awaitRegistered(WAIT);
        bob.awaitRegistered(WAIT);
    }

    @AfterEach
    void hangUp() {
        alice.close();
        bob.close();
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
        await().atMost(WAIT).until(() -> pbx.appliance().media().sessionCount() == 0);
    }

    @Test
    void theHeldPartyHearsTheMusicAndResumingRestoresTwoWayAudio() {
        talking();

        alice.command("hold", "");
        await().atMost(WAIT).until(() -> call().state() == CallState.HELD);
        assertThat(pbx.appliance().media().sessionCount()).as("one session per phone while held").isEqualTo(2);
        awaitHeard(bob, "bob hears the music", w -> countFrom(w, lastIndex(w, TONE_ALICE) + 1, MUSIC) >= HEARD);
        long aliceReceivedBeforeResume = received(alice);

        alice.command("resume", "");
        await().atMost(WAIT).until(() -> call().state() == CallState.ANSWERED);
        await().atMost(WAIT).until(() -> pbx.appliance().media().sessionCount() == 0);
        awaitHeard(bob, "bob hears alice again", w -> countFrom(w, lastIndex(w, MUSIC) + 1, TONE_ALICE) >= HEARD);
        awaitReceiving(alice, "alice receives bob again", aliceReceivedBeforeResume);

        List<AudioAnalysis> heardByBob = windows(bob);
        String labels = labels(heardByBob);
        int firstMusic = firstIndex(heardByBob, MUSIC);
        int lastMusic = lastIndex(heardByBob, MUSIC);
        assertThat(firstIndex(heardByBob, TONE_ALICE)).as(labels).isLessThan(firstMusic);
        assertThat(lastIndex(heardByBob, TONE_ALICE)).as(labels).isGreaterThan(lastMusic);
        // while the music played bob heard nothing of alice (the edges may hold a bit of both)
        assertThat(heardByBob.subList(firstMusic + 1, lastMusic)).as(labels)
                .noneMatch(w -> w.containsTone(TONE_ALICE));
        assertThat(countFrom(heardByBob, 0, TONE_BOB)).as("bob never hears himself: " + labels).isZero();

        // RFC 3264 §8: every description bob was sent, the music's included, kept the origin of the first (alice's
        // offer), with the version rising; bob's trace holds those and bob's own, and no third origin
        List<String[]> origins = origins(bob.log());
        String presented = originKey(origins.get(0));
        assertThat(origins.stream().map(MusicOnHoldIT::originKey).distinct()).as("origins in bob's trace")
                .hasSize(2).contains(presented).noneMatch(key -> key.startsWith("crosspoint "));
        List<Long> versions = origins.stream().filter(o -> originKey(o).equals(presented))
                .map(o -> Long.parseLong(o[2])).toList();
        assertThat(versions).as("versions bob was sent").isSorted();
        assertThat(versions.get(versions.size() - 1)).as("versions bob was sent").isGreaterThan(versions.get(0));
    }

    /** The o= lines of a baresip SIP trace, in order, as their six fields. */
    private static List<String[]> origins(String log) {
        return log.lines().map(String::strip).filter(l -> l.startsWith("o=")).map(l -> l.substring(2).split(" +"))
                .filter(f -> f.length == 6).toList();
    }

    /** An origin without its version: what must stay the same (RFC 3264 §8). */
    private static String originKey(String[] o) {
        return o[0] + " " + o[1] + " " + o[3] + " " + o[4] + " " + o[5];
    }

    @Test
    void hangingUpWhileHeldReleasesTheMusicSessions() {
        talking();
        alice.command("hold", "");
        await().atMost(WAIT).until(() -> call().state() == CallState.HELD);
        awaitHeard(bob, "bob hears the music", w -> countFrom(w, 0, MUSIC) >= 2);
        assertThat(pbx.appliance().media().sessionCount()).isEqualTo(2);

        bob.hangup(); // the held party gives up
        alice.awaitEvent("CALL_CLOSED", WAIT);
        await().atMost(WAIT).until(() -> pbx.appliance().activeCalls().list(pbx.tenant().id()).isEmpty());
        await().atMost(WAIT).until(() -> pbx.appliance().media().sessionCount() == 0);
    }

    @Test
    void whenBothHoldTheOneWhoResumesFirstGetsTheMusicAndTheLastResumeReconnectsThem() {
        talking();
        alice.command("hold", "");
        await().atMost(WAIT).until(() -> call().state() == CallState.HELD);
        awaitHeard(bob, "bob hears the music", w -> countFrom(w, 0, MUSIC) >= 2);

        bob.clearEvents();
        bob.command("hold", "");
        // the appliance answers bob's hold itself: both hold now
        bob.awaitEvent(e -> e.isType("CALL_REMOTE_SDP") && "answer".equals(e.param()), "bob's hold answered", WAIT);
        assertThat(call().state()).isEqualTo(CallState.HELD);
        alice.clearEvents();
        alice.command("resume", ""); // bob still holds: now alice is the one waiting, with the music
        alice.awaitEvent(e -> e.isType("CALL_REMOTE_SDP") && "answer".equals(e.param()), "alice's resume answered",
                WAIT);
        assertThat(call().state()).isEqualTo(CallState.HELD);
        assertThat(pbx.appliance().media().sessionCount()).isEqualTo(2);
        // (baresip 1.0 stops recording what it receives once it has held a call, so only packets tell here)
        awaitReceiving(alice, "alice receives the music", received(alice));
        long aliceReceivedBeforeResume = received(alice);
        long bobReceivedBeforeResume = received(bob);

        bob.command("resume", "");
        await().atMost(WAIT).until(() -> call().state() == CallState.ANSWERED);
        await().atMost(WAIT).until(() -> pbx.appliance().media().sessionCount() == 0);
        awaitReceiving(alice, "alice receives bob again", aliceReceivedBeforeResume);
        awaitReceiving(bob, "bob receives alice again", bobReceivedBeforeResume);
    }

    @Test
    void aHeldPartyTransferredByTheHolderTalksToTheTargetAndTheMusicStops() {
        pbx.user("1003", "Carol", "pw-carol-1003");
        try (BaresipPhone carol = BaresipPhone.builder(pbx.uri("1003")).password("pw-carol-1003").tone(TONE_CAROL)
                .answerMode(AnswerMode.AUTO).start()) {
            carol.awaitRegistered(WAIT);
            talking();
            alice.command("hold", "");
            await().atMost(WAIT).until(() -> call().state() == CallState.HELD);
            awaitHeard(bob, "bob hears the music", w -> countFrom(w, 0, MUSIC) >= 2);

            alice.command("transfer", pbx.uri("1003")); // the usual "hold, then transfer" of a desk phone

            carol.awaitEvent("CALL_ESTABLISHED", WAIT);
            alice.awaitEvent("CALL_CLOSED", WAIT);
            await().atMost(WAIT).until(() -> call().state() == CallState.ANSWERED);
            await().atMost(WAIT).until(() -> pbx.appliance().media().sessionCount() == 0);
            awaitHeard(bob, "bob hears carol", w -> countFrom(w, lastIndex(w, MUSIC) + 1, TONE_CAROL) >= HEARD);
            awaitHeard(carol, "carol hears bob", w -> countFrom(w, 0, TONE_BOB) >= HEARD);
            assertThat(windows(carol)).as(labels(windows(carol))).noneMatch(w -> w.containsTone(MUSIC));
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Alice calls bob (auto-answer) and both hear each other. */
    void talking() {
        alice.dial(pbx.uri("1002"));
        alice.awaitEvent("CALL_ESTABLISHED", WAIT);
        bob.awaitEvent("CALL_ESTABLISHED", WAIT);
        awaitHeard(bob, "bob hears alice", w -> countFrom(w, 0, TONE_ALICE) >= HEARD);
        awaitHeard(alice, "alice hears bob", w -> countFrom(w, 0, TONE_BOB) >= HEARD);
        assertThat(pbx.appliance().media().sessionCount()).as("no media session: the phones' audio").isZero();
        assertThat(pbx.appliance().relay().callCount()).as("calls through the relay").isEqualTo(relayed ? 1 : 0);
    }

    private static final HeardAudio HEARD_AUDIO = new HeardAudio(tones());

    private static Map<String, Double> tones() {
        Map<String, Double> t = new LinkedHashMap<>();
        t.put("A", TONE_ALICE);
        t.put("B", TONE_BOB);
        t.put("C", TONE_CAROL);
        t.put("M", MUSIC);
        return t;
    }

    private static void awaitHeard(BaresipPhone phone, String what, Predicate<List<AudioAnalysis>> condition) {
        HEARD_AUDIO.awaitHeard(phone, what, WAIT, condition);
    }

    private static void awaitReceiving(BaresipPhone phone, String what, long before) {
        HeardAudio.awaitReceiving(phone, what, before, WAIT);
    }

    private static String labels(List<AudioAnalysis> windows) {
        return HEARD_AUDIO.labels(windows);
    }

    static CallSnapshot call() {
        List<CallSnapshot> calls = pbx.appliance().activeCalls().list(pbx.tenant().id());
        assertThat(calls).hasSize(1);
        return calls.get(0);
    }
}
