package com.crosspoint.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The control socket over a real Unix domain socket: a backup arrives whole, or the client says why not. */
class ControlSocketTest {

    /** Unix socket paths are short (108 bytes): a directory under /tmp, not JUnit's. */
    private static Path shortDir() throws IOException {
        return Files.createTempDirectory(Path.of("/tmp"), "cs");
    }

    @Test
    void aBackupRequestedOverTheSocketArrivesVerifiedAndTheSocketIsPrivate() throws IOException {
        Path data = shortDir();
        Files.createDirectories(data.resolve("voicemail/1/2"));
        Files.writeString(data.resolve("voicemail/1/2/msg-x.wav"), "audio");
        Path out = data.resolve("out.zip");
        BackupService backups = new BackupService(data, target -> write(target.resolve("db/log/log1.dat"), "log"),
                "n", Clock.systemUTC());
        try (ControlSocket socket = ControlSocket.listen(data, backups)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ControlSocket.path(data))))
                    .isEqualTo("rw-rw----");
            assertThat(ControlClient.isRunning(data)).isTrue();
            BackupManifest m = ControlClient.backup(data, out);
            assertThat(m.count("voicemail/")).isEqualTo(1);
            assertThat(ArchiveReader.verify(out)).isEqualTo(m);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-------");
        } finally {
            BackupService.deleteTree(data);
        }
        assertThat(ControlClient.isRunning(data)).isFalse();
    }

    @Test
    void anUnknownRequestGetsAnError() throws IOException {
        Path data = shortDir();
        try (ControlSocket socket = ControlSocket.listen(data, new BackupService(data, t -> { }, "n", Clock.systemUTC()));
             SocketChannel c = SocketChannel.open(UnixDomainSocketAddress.of(ControlSocket.path(data)))) {
            Channels.newOutputStream(c).write("shutdown\n".getBytes(StandardCharsets.UTF_8));
            InputStream in = Channels.newInputStream(c);
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("ERROR unknown request \"shutdown\"");
        } finally {
            BackupService.deleteTree(data);
        }
    }

    @Test
    void aFailedDatabaseCopyCutsTheArchiveShortAndNoFileIsLeft() throws IOException {
        Path data = shortDir();
        Path out = data.resolve("out.zip");
        BackupService failing = new BackupService(data, target -> {
            throw new IllegalStateException("disk full");
        }, "n", Clock.systemUTC());
        try (ControlSocket socket = ControlSocket.listen(data, failing)) {
            assertThatThrownBy(() -> ControlClient.backup(data, out)).isInstanceOf(BackupException.class)
                    .hasMessageContaining("no manifest.json");
            assertThat(out).doesNotExist();
            try (var files = Files.list(data)) {
                assertThat(files).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
            }
        } finally {
            BackupService.deleteTree(data);
        }
    }

    @Test
    void withoutARunningApplianceTheBackupSaysSo() throws IOException {
        Path data = shortDir();
        try {
            assertThatThrownBy(() -> ControlClient.backup(data, data.resolve("x.zip")))
                    .hasMessageContaining("no appliance is running on " + data);
        } finally {
            BackupService.deleteTree(data);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
