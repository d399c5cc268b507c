package com.crosspoint.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** {@code crosspoint backup}'s side of the {@link ControlSocket}. */
public final class ControlClient {
    private ControlClient() {
    }

    /** Whether an appliance answers on {@code dataDir}'s control socket. */
    public static boolean isRunning(Path dataDir) {
        Path socket = ControlSocket.path(dataDir);
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ignored = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Has the appliance running on {@code dataDir} write a backup, stores it as {@code file} and
     * verifies it there. {@code file} appears only complete and verified; an existing one is
     * replaced only then.
     */
    public static BackupManifest backup(Path dataDir, Path file) {
        Path socket = ControlSocket.path(dataDir);
        if (!Files.exists(socket)) {
            throw new BackupException("no appliance is running on " + dataDir + " (no " + socket
                    + "): the backup is taken by the running appliance; start it first");
        }
        Path target = file.toAbsolutePath();
        Path partial;
        try {
            partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        } catch (IOException e) {
            throw new BackupException("cannot write in " + target.getParent() + ": " + e.getMessage(), e);
        }
        try {
            receive(socket, partial);
            BackupManifest manifest = ArchiveReader.verify(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException e) {
            throw new BackupException("backup through " + socket + " failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // best effort: a hidden .part file is all that is left
            }
        }
    }

    private static void receive(Path socket, Path partial) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            OutputStream request = Channels.newOutputStream(channel);
            request.write((ControlSocket.BACKUP + "\n").getBytes(StandardCharsets.UTF_8));
            request.flush();
            InputStream in = Channels.newInputStream(channel);
            String status = ControlSocket.readLine(in);
            if (status.startsWith(ControlSocket.ERROR)) {
                throw new BackupException("the appliance refused: " + status.substring(ControlSocket.ERROR.length()));
            }
            if (!status.equals(ControlSocket.OK)) {
                throw new BackupException("unexpected answer from " + socket + ": \"" + status + "\"");
            }
            try (FileChannel file = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                in.transferTo(Channels.newOutputStream(file));
                file.force(true);
            }
        }
    }
}
