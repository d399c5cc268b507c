package com.crosspoint.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crosspoint.testing.AdminApi;
import com.crosspoint.testing.BaresipPhone;
import com.crosspoint.testing.FreePorts;
import com.crosspoint.testing.VoicemailFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The appliance package's life on a clean Debian 12 (debootstrap, no systemd inside: the service is
 * its unit's exact ExecStart as its user, see {@link PackagedService}): installed with its
 * dependencies from Debian's archive; a baresip phone registers and leaves a voicemail; a backup
 * taken while a call is up restores users, devices, CDRs and voicemail after the data directory is
 * destroyed; a newer build installed over it keeps every row and file; the data directory of an
 * earlier release ({@link PreviousReleaseFixture}) is migrated when the service starts and keeps its
 * rows and files; remove keeps data and configuration, purge deletes them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedApplianceIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DATA = "/var/lib/crosspoint";
    private static final String TENANT = "it.crosspoint.test";
    private static final String CALLER_PASSWORD = "caller-sip-2001";
    private static final String MAILBOX_WEB_PASSWORD = "mailbox-web-2002";

    private static DebianRoot debian;
    private static PackagedService service;
    private static int sipPort;
    private static int httpPort;
    private static String adminPassword;
    private static long tenantId;
    private static State afterFirstMessage;

    /** What an operator would check after a restore or an upgrade. */
    private record State(JsonNode users, JsonNode devices, JsonNode cdrIds, JsonNode voicemailIds,
                         Map<String, String> voicemailFiles) {
    }

    @BeforeAll
    static void cleanDebian() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "installing packages into a debootstrapped root needs root");
        debian = DebianRoot.fresh(Packages.buildDir(), "appliance");
    }

    @AfterAll
    static void remove() {
        if (service != null) {
            service.close();
        }
        if (debian != null) {
            debian.close();
        }
    }

    @Test
    @Order(1)
    void installsWithItsDependenciesFromDebianAndPreparesUserDataAndAdminPassword() throws IOException {
        String apt = debian.aptInstall(Packages.appliance());
        assertThat(apt).contains("Setting up openjdk-17-jre-headless").contains("Setting up crosspoint ");
        assertThat(debian.sh(WAIT, "dpkg-query -W -f='${Status}' crosspoint")).isEqualTo("install ok installed");
        assertThat(debian.sh(WAIT, "getent passwd crosspoint")).contains(":" + DATA + ":").contains("nologin");

        assertThat(owner(DATA)).isEqualTo(uid("crosspoint"));
        assertThat(PosixFilePermissions.toString(attributes(DATA).permissions())).isEqualTo("rwxr-x---");
        assertThat(Files.isDirectory(debian.file(DATA + "/db"))).as("database created by postinst").isTrue();

        assertThat(owner("/etc/crosspoint/admin-password")).isZero();
        assertThat(PosixFilePermissions.toString(attributes("/etc/crosspoint/admin-password").permissions()))
                .isEqualTo("rw-------");
        adminPassword = Files.readString(debian.file("/etc/crosspoint/admin-password")).strip();
        assertThat(adminPassword).hasSizeGreaterThanOrEqualTo(16);
        assertThat(apt).doesNotContain(adminPassword);
        assertThat(debian.sh(WAIT, "crosspoint first-login")).contains("password: " + adminPassword);

        if (Files.isExecutable(Path.of("/usr/bin/systemd-analyze"))) {
            // systemd's own rating of the unit's sandboxing, read offline from the installed root
            String security = DebianRoot.host(WAIT, "systemd-analyze", "security", "--offline=true",
                    "--root=" + debian.directory(), "crosspoint.service");
            assertThat(security).containsPattern("Overall exposure level for crosspoint.service: [0-3]\\.\\d OK");
        }

        // the admin's own settings: ports no other test on this machine uses
        sipPort = FreePorts.udpAndTcp();
        httpPort = FreePorts.udpAndTcp();
        int media = FreePorts.consecutive(40);
        Path config = debian.file("/etc/crosspoint/crosspoint.yaml");
        Files.writeString(config, Files.readString(config)
                .replace("bind: 0.0.0.0", "bind: 127.0.0.1")
                .replace("port: 5060", "port: " + sipPort)
                .replace("port: 8080", "port: " + httpPort)
                .replace("port: 3478", "port: 0")
                .replace("portMin: 20000", "portMin: " + (media + media % 2))
                .replace("portMax: 29999", "portMax: " + (media + 39)));
    }

    @Test
    @Order(2)
    void theServiceRunsAsItsUserAndAPhoneRegistersAndLeavesAVoicemail() throws Exception {
        startService();
        assertThat(service.output()).doesNotContain(adminPassword);
        String cli = "CROSSPOINT_URL=http://127.0.0.1:" + httpPort + " CROSSPOINT_ADMIN_PASSWORD='" + adminPassword + "' ";
        debian.sh(WAIT, cli + "crosspoint tenant add " + TENANT + " --name 'Installer IT'");
        assertThat(debian.sh(WAIT, cli + "crosspoint user add 2001 --name Caller --password " + CALLER_PASSWORD))
                .contains("user 2001 added");
        AdminApi admin = admin();
        tenantId = admin.tenantId(TENANT);
        // 2002 has no phone: a call to it goes to voicemail at once
        admin.post("/tenants/" + tenantId + "/users", "{\"extension\":\"2002\",\"displayName\":\"Mailbox\",\"webPassword\":\""
                + MAILBOX_WEB_PASSWORD + "\"}");

        try (BaresipPhone phone = phone()) {
            leaveMessage(phone, Duration.ofSeconds(3));
        }
        await().atMost(WAIT).until(() -> mailbox().size() == 1);
        afterFirstMessage = state();
        assertThat(afterFirstMessage.voicemailFiles()).hasSize(1);
        assertThat(afterFirstMessage.cdrIds()).hasSize(1);
    }

    @Test
    @Order(3)
    void aBackupTakenDuringACallRestoresUsersDevicesCdrsAndVoicemailAfterTheDataIsDestroyed() throws Exception {
        try (BaresipPhone phone = phone()) {
            phone.dial("sip:2002@127.0.0.1:" + sipPort);
            phone.awaitEvent("CALL_ESTABLISHED", WAIT);
            awaitRecording();
            String backup = debian.sh(Duration.ofMinutes(2), "crosspoint backup /root/backup.zip");
            assertThat(backup).contains("backup written to /root/backup.zip").contains("voicemail 1 files")
                    .contains("checksums verified");
            assertThat(admin().get("/tenants/" + tenantId + "/calls")).as("the call survived the backup").hasSize(1);
            assertThat(phone.events()).noneMatch(e -> e.type().equals("CALL_CLOSED"));
            Thread.sleep(2_000);
            phone.hangup();
        }
        await().atMost(WAIT).until(() -> mailbox().size() == 2);
        assertThat(service.stop()).as("exit status after SIGTERM (SuccessExitStatus=143)").hasValueSatisfying(
                code -> assertThat(code).isIn(0, 143));

        debian.sh(WAIT, "rm -rf " + DATA);
        String restore = debian.sh(Duration.ofMinutes(2), "crosspoint restore /root/backup.zip");
        assertThat(restore).contains("restored /root/backup.zip into " + DATA).contains("1 voicemail messages");
        assertThat(owner(DATA)).isEqualTo(uid("crosspoint"));

        startService();
        State restored = state();
        assertThat(restored).as("as at the backup: the message left after it is not in it").isEqualTo(afterFirstMessage);
        String manifest = manifestOf("/root/backup.zip");
        restored.voicemailFiles().forEach((path, sha) -> assertThat(manifest).as(path).contains("\"" + path + "\"")
                .contains("\"" + sha + "\""));
    }

    @Test
    @Order(4)
    void aNewerBuildInstalledOverItKeepsEveryRowAndFile() throws Exception {
        State before = state();
        assertThat(service.stop()).isPresent();
        Path newer = Packages.newerBuild(Packages.appliance(), "+it1");
        String apt = debian.aptInstall(newer);
        assertThat(apt).contains("Unpacking crosspoint (" + Packages.version(newer) + ") over");
        assertThat(debian.sh(WAIT, "dpkg-query -W -f='${Version}' crosspoint")).isEqualTo(Packages.version(newer));
        assertThat(Files.readString(debian.file("/etc/crosspoint/crosspoint.yaml"))).as("the admin's conffile")
                .contains("port: " + httpPort);
        assertThat(Files.readString(debian.file("/etc/crosspoint/admin-password")).strip()).isEqualTo(adminPassword);

        startService();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void theDataOfThePreviousReleaseIsMigratedWhenTheNewVersionStartsAndKept() throws IOException {
        assertThat(service.stop()).isPresent();
        debian.sh(WAIT, "rm -rf " + DATA);
        PreviousReleaseFixture.unpack(debian.file(DATA));
        debian.sh(WAIT, "chown -R crosspoint:crosspoint " + DATA + " && chmod 0750 " + DATA);
        Map<String, String> oldFiles = voicemailFiles();

        startService();
        assertThat(service.output()).doesNotContain("migration failed");
        AdminApi admin = new AdminApi(httpPort, "admin", PreviousReleaseFixture.ADMIN_PASSWORD);
        String demo = "/tenants/" + admin.tenantId(PreviousReleaseFixture.DEMO_DOMAIN);
        assertThat(ids(admin.get(demo + "/users"), "extension")).extracting(JsonNode::asText)
                .allMatch(s -> s.matches("\\d+:100[1-4]")).hasSize(4);
        assertThat(admin.get(demo + "/devices")).hasSize(4);
        JsonNode cdrs = admin.get(demo + "/cdrs?limit=10").get("items");
        assertThat(cdrs).hasSize(1);
        assertThat(cdrs.get(0).get("disposition").asText()).isEqualTo("VOICEMAIL");
        assertThat(cdrs.get(0).path("quality").isMissingNode() || cdrs.get(0).get("quality").isNull())
                .as("the call quality columns (changeset 0006) are new and empty: %s", cdrs.get(0)).isTrue();
        JsonNode messages = new UserSession(httpPort, "1002", PreviousReleaseFixture.DEMO_PASSWORD).get("/me/voicemails")
                .get("messages");
        assertThat(messages).hasSize(1);
        assertThat(oldFiles).hasSize(1).isEqualTo(voicemailFiles());
    }

    @Test
    @Order(6)
    void removeKeepsDataAndConfigurationAndPurgeDeletesThem() {
        service.stop();
        debian.sh(Duration.ofMinutes(2), "apt-get remove -y -q crosspoint");
        assertThat(debian.file("/usr/share/crosspoint/lib")).doesNotExist();
        assertThat(debian.file("/etc/crosspoint/crosspoint.yaml")).exists();
        assertThat(debian.file(DATA + "/db")).isDirectory();
        assertThat(debian.file(DATA + "/voicemail")).isDirectory();

        String purge = debian.sh(Duration.ofMinutes(2), "apt-get purge -y -q crosspoint");
        assertThat(purge).contains("purging deletes the database, voicemail and prompts in " + DATA);
        assertThat(debian.file(DATA)).doesNotExist();
        assertThat(debian.file("/etc/crosspoint")).doesNotExist();
        assertThat(debian.file("/etc/default/crosspoint")).doesNotExist();
        assertThat(debian.file(PackagedService.UNIT)).doesNotExist();
        assertThat(debian.shAllowingFailure(WAIT, "dpkg-query -W -f='${Status}' crosspoint").output())
                .doesNotContain("installed");
    }

    private static void startService() throws IOException {
        service = PackagedService.start(debian);
        String status = Files.readString(Path.of("/proc", Long.toString(service.pid()), "status"));
        assertThat(status).as("the service's process runs as crosspoint")
                .containsPattern("(?m)^Uid:\\s+" + uid("crosspoint") + "\\s");
    }

    private static void leaveMessage(BaresipPhone phone, Duration length) throws InterruptedException {
        phone.dial("sip:2002@127.0.0.1:" + sipPort);
        phone.awaitEvent("CALL_ESTABLISHED", WAIT);
        awaitRecording();
        Thread.sleep(length.toMillis());
        phone.hangup();
    }

    /** After the greeting and the beep: the message's (hidden, temporary) file appears. */
    private static void awaitRecording() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> !VoicemailFiles.inProgress(debian.file(DATA)).isEmpty());
    }

    private static BaresipPhone phone() {
        BaresipPhone phone = BaresipPhone.builder("sip:2001@127.0.0.1:" + sipPort).password(CALLER_PASSWORD)
                .tone(1000).start();
        phone.awaitRegistered(WAIT);
        return phone;
    }

    private static AdminApi admin() {
        return new AdminApi(httpPort, "admin", adminPassword);
    }

    private static JsonNode mailbox() {
        return new UserSession(httpPort, "2002", MAILBOX_WEB_PASSWORD).get("/me/voicemails").get("messages");
    }

    private static State state() throws IOException {
        AdminApi admin = admin();
        String t = "/tenants/" + tenantId;
        return new State(ids(admin.get(t + "/users"), "extension"), ids(admin.get(t + "/devices"), "sipUsername"),
                ids(admin.get(t + "/cdrs?limit=100").get("items"), "id"), ids(mailbox(), "id"), voicemailFiles());
    }

    private static JsonNode ids(JsonNode array, String field) {
        var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        array.forEach(n -> out.add(n.get("id").asText() + ":" + n.get(field).asText()));
        return out;
    }

    /** Every voicemail file by its path in the data directory, with its SHA-256. */
    private static Map<String, String> voicemailFiles() throws IOException {
        Path root = debian.file(DATA);
        Map<String, String> files = new java.util.TreeMap<>();
        try (var walk = Files.walk(root.resolve("voicemail"))) {
            for (Path p : walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .toList()) {
                files.put(root.relativize(p).toString(), sha256(p));
            }
        }
        return files;
    }

    private static String sha256(Path file) throws IOException {
        return DebianRoot.host(WAIT, "sha256sum", file.toString()).split("\\s+")[0];
    }

    private static String manifestOf(String archiveInside) throws IOException {
        try (ZipFile zip = new ZipFile(debian.file(archiveInside).toFile())) {
            return new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int owner(String absolute) throws IOException {
        return (Integer) Files.getAttribute(debian.file(absolute), "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    private static PosixFileAttributes attributes(String absolute) throws IOException {
        return Files.readAttributes(debian.file(absolute), PosixFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** The uid of {@code user} inside the Debian root (the host has no such name). */
    private static int uid(String user) {
        return Integer.parseInt(debian.sh(WAIT, "id -u " + user).strip());
    }
}
