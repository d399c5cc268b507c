package com.crosspoint.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive format: what goes in, what a reader accepts, and every way it refuses. */
class BackupArchiveTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void aBackupHoldsTheDatabaseCopyAndTheDataFilesButNoWorkInProgress() throws IOException {
        Path data = dataDir();
        Path archive = tmp.resolve("b.zip");
        BackupManifest written;
        try (OutputStream out = Files.newOutputStream(archive)) {
            written = new BackupService(data, fakeDatabase(), "node-a", CLOCK).writeTo(out);
        }
        assertThat(written.entries()).extracting(BackupManifest.Entry::path).containsExactly(
                "db/seg0/c10.dat", "db/service.properties", "prompts/en/vm-busy.wav", "voicemail/1/7/msg-a.wav");
        assertThat(written.node()).isEqualTo("node-a");
        assertThat(written.created()).isEqualTo(CLOCK.instant());
        assertThat(ArchiveReader.verify(archive)).isEqualTo(written);

        Path restored = tmp.resolve("restored");
        ArchiveReader.extract(archive, restored);
        assertThat(restored.resolve("voicemail/1/7/msg-a.wav")).hasContent("message a");
        assertThat(restored.resolve("db/seg0/c10.dat")).hasContent("pages");
        assertThat(restored.resolve("derby.log")).doesNotExist();
        try (var left = Files.list(data)) {
            assertThat(left).noneMatch(p -> p.getFileName().toString().startsWith(".backup-"));
        }
    }

    @Test
    void aChangedByteIsACheckSumMismatch() throws IOException {
        Path archive = zip(entry("db/x", "one"), manifestFor("db/x", "not-one"));
        assertThatThrownBy(() -> ArchiveReader.verify(archive)).isInstanceOf(BackupException.class)
                .hasMessageContaining("checksum mismatch for db/x");
    }

    @Test
    void aFileMissingFromTheManifestOrTheArchiveIsRefused() throws IOException {
        Path extra = zip(entry("db/x", "one"), entry("db/y", "two"), manifestFor("db/x", "one"));
        assertThatThrownBy(() -> ArchiveReader.verify(extra)).hasMessageContaining("db/y is not listed");
        Path missing = zip(manifestFor("db/x", "one"));
        assertThatThrownBy(() -> ArchiveReader.verify(missing)).hasMessageContaining("db/x is listed in the manifest but missing");
    }

    @Test
    void anArchiveCutShortOrWithoutManifestIsNotABackup() throws IOException {
        Path noManifest = zip(entry("db/x", "one"));
        assertThatThrownBy(() -> ArchiveReader.verify(noManifest)).hasMessageContaining("has no manifest.json");
        Path whole = zip(entry("db/x", "one"), manifestFor("db/x", "one"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = tmp.resolve("cut.zip");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ArchiveReader.verify(cut)).isInstanceOf(BackupException.class);
    }

    @Test
    void namesThatLeaveTheTargetAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path slip = zip(entry("../evil", "x"), manifestFor("../evil", "x"));
        assertThatThrownBy(() -> ArchiveReader.extract(slip, tmp.resolve("t"))).hasMessageContaining("unsafe file name");
        assertThat(tmp.resolve("evil")).doesNotExist();
        assertThatThrownBy(() -> ArchivePath.check("/etc/passwd")).hasMessageContaining("unsafe");
        assertThatThrownBy(() -> ArchivePath.check("a//b")).hasMessageContaining("unsafe");
        assertThat(ArchivePath.check("voicemail/1/2/msg-3f2a.wav")).isEqualTo("voicemail/1/2/msg-3f2a.wav");
    }

    @Test
    void anArchiveWithoutDatabaseOrOfAnotherFormatIsRefused() throws IOException {
        Path noDb = zip(entry("voicemail/x", "one"), manifestFor("voicemail/x", "one"));
        assertThatThrownBy(() -> ArchiveReader.verify(noDb)).hasMessageContaining("holds no database");
        String future = new String(new BackupManifest(2, CLOCK.instant(), "n", java.util.List.of()).toJson(),
                StandardCharsets.UTF_8);
        Path other = zip(new String[] {BackupManifest.NAME, future});
        assertThatThrownBy(() -> ArchiveReader.verify(other)).hasMessageContaining("archive format 2");
    }

    private Path dataDir() throws IOException {
        Path data = tmp.resolve("data");
        write(data.resolve("db/seg0/c10.dat"), "live pages");
        write(data.resolve("derby.log"), "log");
        write(data.resolve("voicemail/1/7/msg-a.wav"), "message a");
        write(data.resolve("voicemail/1/7/.msg-b.wav.123.part"), "half a message");
        write(data.resolve("prompts/en/vm-busy.wav"), "prompt");
        return data;
    }

    /** Stands in for Derby's online backup: writes target/db. */
    private static DatabaseCopy fakeDatabase() {
        return target -> {
            try {
                write(target.resolve("db/seg0/c10.dat"), "pages");
                write(target.resolve("db/service.properties"), "props");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static String[] entry(String name, String content) {
        return new String[] {name, content};
    }

    private static String[] manifestFor(String name, String content) {
        Sha256 sum = new Sha256();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        sum.update(bytes, bytes.length);
        BackupManifest m = new BackupManifest(BackupManifest.FORMAT, CLOCK.instant(), "n",
                java.util.List.of(new BackupManifest.Entry(name, bytes.length, sum.hex())));
        return new String[] {BackupManifest.NAME, new String(m.toJson(), StandardCharsets.UTF_8)};
    }

    private Path zip(String[]... entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String[] e : entries) {
                zip.putNextEntry(new ZipEntry(e[0]));
                zip.write(e[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Path file = Files.createTempFile(tmp, "archive", ".zip");
        Files.write(file, bytes.toByteArray());
        return file;
    }
}
