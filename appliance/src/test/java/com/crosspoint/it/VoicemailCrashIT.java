package com.crosspoint.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.media.wav.WavAudio;
import com.crosspoint.media.wav.WavReader;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.model.Voicemail;
import com.crosspoint.store.derby.DerbyStores;
import com.crosspoint.testing.ApplianceProcess;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.BaresipPhone.AnswerMode;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.HarnessFiles;
import com.crosspoint.testing.VoicemailFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing half-saved: the appliance is killed with {@code kill -9} while a caller is recording a message. After
 * the restart (whose start-up sweep runs), the mailbox holds either a complete message whose file reads back in
 * full, or nothing; no row names a missing file and no temporary recording is left.
 */
class VoicemailCrashIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PASSWORD = "demo-pw-4321";
    private static final Map<String, String> ENV = Map.of("CROSSPOINT_DEMO_PASSWORD", PASSWORD,
            "CROSSPOINT_ADMIN_PASSWORD", "admin-pw-4321");

    @Test
    void aKillDuringARecordingLeavesAWholeMessageOrNone() throws Exception {
        Path dataDir = HarnessFiles.tempDir("vmcrash").resolve("data");
        int sipPort = FreePorts.udpAndTcp();
        int httpPort = FreePorts.udpAndTcp();
        String host = "127.0.0.1:" + sipPort;
        try (BaresipPhone alice = BaresipPhone.builder("sip:1001@" + host).password(PASSWORD).tone(1000)
                .answerMode(AnswerMode.AUTO).start();
             BaresipPhone bob = BaresipPhone.builder("sip:1002@" + host).password(PASSWORD)
                .answerMode(AnswerMode.MANUAL).start()) {
            try (ApplianceProcess first = ApplianceProcess.start(dataDir, sipPort, httpPort, ENV)) {
                alice.awaitRegistered(WAIT);
                bob.awaitRegistered(WAIT);
                alice.dial("sip:1002@" + host);
                bob.awaitEvent("CALL_INCOMING", WAIT);
                bob.hangup(); // 486: busy, no forwarding → voicemail
                alice.awaitEvent("CALL_ESTABLISHED", WAIT);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !VoicemailFiles.inProgress(dataDir).isEmpty());
                Thread.sleep(2_500); // a few one-second chunks are on disk, the file is not finished
                assertThat(VoicemailFiles.inProgress(dataDir)).isNotEmpty();
                first.killHard();
            }
            assertThat(VoicemailFiles.inProgress(dataDir)).as("the killed recording left its temporary file").isNotEmpty();
            try (ApplianceProcess second = ApplianceProcess.start(dataDir, sipPort, httpPort, ENV)) {
                assertThat(VoicemailFiles.inProgress(dataDir)).as("removed by the start-up sweep").isEmpty();
            }
        }
        try (DerbyStores stores = DerbyStores.open(dataDir)) {
            Tenant demo = stores.tenants().findByDomain("demo.crosspoint.local").orElseThrow();
            User bob = stores.users().findByExtension(demo.id(), "1002").orElseThrow();
            List<Voicemail> box = stores.voicemails().listAll(bob.id());
            assertThat(box).hasSizeLessThanOrEqualTo(1);
            for (Voicemail v : box) {
                Path file = dataDir.resolve("voicemail").resolve(v.file());
                assertThat(file).isRegularFile();
                WavAudio audio = WavReader.read(file);
                assertThat(audio.truncated()).isFalse();
                assertThat(audio.samples().length).isEqualTo(v.durationMillis() * 8);
            }
            // every message file on disk belongs to a row
            try (Stream<Path> files = Files.walk(dataDir.resolve("voicemail"))) {
                List<String> onDisk = files.filter(Files::isRegularFile)
                        .filter(f -> f.getFileName().toString().endsWith(".wav"))
                        .filter(f -> !f.getFileName().toString().startsWith("greeting"))
                        .map(f -> dataDir.resolve("voicemail").relativize(f).toString()).toList();
                assertThat(onDisk).containsExactlyInAnyOrderElementsOf(box.stream().map(Voicemail::file).toList());
            }
        }
    }
}
