package com.crosspoint.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restore replaces the data directory only after the archive and its database proved good. */
class RestoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    private Path data;
    private Path archive;

    @BeforeEach
    void backupOfADataDirectory() throws IOException {
        data = tmp.resolve("data");
        write(data.resolve("voicemail/1/7/msg-a.wav"), "message a");
        archive = tmp.resolve("backup.zip");
        try (OutputStream out = Files.newOutputStream(archive)) {
            new BackupService(data, target -> writeQuietly(target.resolve("db/service.properties"), "props"),
                    "n", CLOCK).writeTo(out);
        }
    }

    @Test
    void theRestoredDataTakesThePlaceOfTheCurrentOneWhichIsKeptAside() throws IOException {
        write(data.resolve("voicemail/1/7/msg-later.wav"), "after the backup");
        Restore.Result r = new Restore(data, dir -> "opened " + dir.getFileName(), CLOCK).from(archive, Optional.empty());

        assertThat(data.resolve("voicemail/1/7/msg-a.wav")).hasContent("message a");
        assertThat(data.resolve("voicemail/1/7/msg-later.wav")).doesNotExist();
        assertThat(data.resolve("db/service.properties")).hasContent("props");
        Path aside = tmp.resolve("data.before-restore-20261201-100000");
        assertThat(r.aside()).contains(aside);
        assertThat(aside.resolve("voicemail/1/7/msg-later.wav")).hasContent("after the backup");
        assertThat(r.summary()).isEqualTo("opened data.restoring-20261201-100000");
    }

    @Test
    void aDestroyedDataDirectoryIsRecreated() {
        BackupService.deleteTree(data);
        Restore.Result r = new Restore(data, dir -> "ok", CLOCK).from(archive, Optional.empty());
        assertThat(r.aside()).isEmpty();
        assertThat(data.resolve("voicemail/1/7/msg-a.wav")).hasContent("message a");
    }

    @Test
    void aDatabaseThatDoesNotOpenLeavesEverythingAsItWas() {
        assertThatThrownBy(() -> new Restore(data, dir -> {
            throw new IllegalStateException("XJ040 boot failed");
        }, CLOCK).from(archive, Optional.empty()))
                .isInstanceOf(BackupException.class).hasMessageContaining("does not open: XJ040 boot failed");
        assertThat(data.resolve("voicemail/1/7/msg-a.wav")).hasContent("message a");
        assertThat(tmp.resolve("data.restoring-20261201-100000")).doesNotExist();
    }

    @Test
    void aDamagedArchiveLeavesEverythingAsItWas() throws IOException {
        byte[] bytes = Files.readAllBytes(archive);
        bytes[40] ^= 0x55;
        Files.write(archive, bytes);
        assertThatThrownBy(() -> new Restore(data, dir -> "ok", CLOCK).from(archive, Optional.empty()))
                .isInstanceOf(BackupException.class);
        assertThat(data.resolve("voicemail/1/7/msg-a.wav")).hasContent("message a");
        assertThat(tmp.resolve("data.restoring-20261201-100000")).doesNotExist();
    }

    @Test
    void aMissingArchiveOrUnknownOwnerIsAClearError() {
        assertThatThrownBy(() -> new Restore(data, dir -> "ok", CLOCK).from(tmp.resolve("nope.zip"), Optional.empty()))
                .hasMessageContaining("nope.zip: no such file");
        assertThatThrownBy(() -> new Restore(data, dir -> "ok", CLOCK).from(archive, Optional.of("no-such-user-xyz")))
                .hasMessageContaining("no such user or group: no-such-user-xyz");
    }

    private static void writeQuietly(Path file, String content) {
        try {
            write(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
