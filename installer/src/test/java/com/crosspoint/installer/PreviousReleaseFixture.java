package com.crosspoint.installer;

import com.crosspoint.testing.ApplianceProcess;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.VoicemailFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.awaitility.Awaitility;

/**
 * The data directory of an earlier version, for the upgrade test: {@link #RESOURCE} was made by
 * {@link #main} from commit {@value #COMMIT} (database schema 0001-0005, before the call quality
 * columns of 0006): its demo tenant (1001-1004), an admin account, and one voicemail message with
 * its CDR, left by a baresip phone calling 1002. To make it again: build that commit's appliance
 * ({@code git archive COMMIT | tar -x -C DIR; mvn -pl appliance -am -DskipTests package} there) and run
 * this class with its {@code appliance/target} as the argument and this module's test class path.
 */
final class PreviousReleaseFixture {
    static final String COMMIT = "2098685";
    static final String RESOURCE = "/previous-release/data-" + COMMIT + ".zip";
    static final String ADMIN_PASSWORD = "previous-admin-pw";
    static final String DEMO_PASSWORD = "previous-demo-pw";
    static final String DEMO_DOMAIN = "demo.crosspoint.local";

    private PreviousReleaseFixture() {
    }

    /** Unpacks the fixture into {@code dataDir} (which must not exist). */
    static void unpack(Path dataDir) throws IOException {
        try (InputStream in = PreviousReleaseFixture.class.getResourceAsStream(RESOURCE);
             ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                Path file = dataDir.resolve(e.getName()).normalize();
                if (!file.startsWith(dataDir)) {
                    throw new IOException("bad entry " + e.getName());
                }
                Files.createDirectories(file.getParent());
                Files.copy(zip, file);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path oldTarget = Path.of(args[0]);
        Path out = Path.of(args.length > 1 ? args[1] : "src/test/resources" + RESOURCE);
        Path data = Files.createTempDirectory(Path.of("/tmp"), "prev").resolve("data");
        int sip = FreePorts.udpAndTcp();
        int http = FreePorts.udpAndTcp();
        try (ApplianceProcess old = ApplianceProcess.start(oldTarget, data, sip, http, Map.of(
                "CROSSPOINT_ADMIN_PASSWORD", ADMIN_PASSWORD, "CROSSPOINT_DEMO_PASSWORD", DEMO_PASSWORD));
             BaresipPhone phone = BaresipPhone.builder("sip:1001@127.0.0.1:" + sip).password(DEMO_PASSWORD)
                     .tone(1000).start()) {
            phone.awaitRegistered(Duration.ofSeconds(30));
            phone.dial("sip:1002@127.0.0.1:" + sip);
            phone.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(30));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !VoicemailFiles.inProgress(data).isEmpty());
            Thread.sleep(3_000);
            phone.hangup();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> VoicemailFiles.inProgress(data).isEmpty());
            Thread.sleep(2_000); // the row and the CDR are committed right after the file
        }
        Files.createDirectories(out.getParent());
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file);
             Stream<Path> walk = Files.walk(data)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path p : files) {
                zip.putNextEntry(new ZipEntry(data.relativize(p).toString()));
                Files.copy(p, zip);
                zip.closeEntry();
            }
        }
        System.out.println("fixture written: " + out);
    }
}
