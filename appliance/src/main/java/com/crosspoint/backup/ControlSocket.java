package com.crosspoint.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running appliance's local control channel: a Unix domain socket {@value #FILE_NAME} in the
 * data directory, through which {@code crosspoint backup} asks for an archive. Who may use it is
 * decided by file permissions (the socket is 0660, the packaged data directory 0750 for the
 * service user), so it needs no password and is never reachable from the network.
 * <p>Protocol: one request line ({@code backup}); the answer is {@code OK} and a newline followed
 * by the archive until the connection closes, or {@code ERROR <message>} and a newline. One
 * request at a time.
 */
public final class ControlSocket implements AutoCloseable {
    public static final String FILE_NAME = "control.sock";
    static final String BACKUP = "backup";
    static final String OK = "OK";
    static final String ERROR = "ERROR ";
    private static final Logger LOG = LoggerFactory.getLogger(ControlSocket.class);
    private static final int MAX_REQUEST = 256;

    private final Path path;
    private final ServerSocketChannel server;
    private final BackupService backups;
    private final Thread thread;

    private ControlSocket(Path path, ServerSocketChannel server, BackupService backups) {
        this.path = path;
        this.server = server;
        this.backups = backups;
        this.thread = new Thread(this::serve, "control-socket");
        this.thread.setDaemon(true);
    }

    /** Where the appliance of {@code dataDir} listens. */
    public static Path path(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * Listens on {@code dataDir}'s control socket. The data directory is this process's (the
     * database is booted), so a socket file left there by a crashed process is replaced.
     *
     * @throws IOException when the socket cannot be bound, e.g. a data directory path longer than
     *                     the ~100 bytes a Unix socket path may have
     */
    public static ControlSocket listen(Path dataDir, BackupService backups) throws IOException {
        Path path = path(dataDir);
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(path));
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        ControlSocket socket = new ControlSocket(path, server, backups);
        socket.thread.start();
        LOG.info("Control socket {} (crosspoint backup)", path);
        return socket;
    }

    /**
     * As {@link #listen}, but a socket that cannot be bound only costs the backups: the appliance
     * starts anyway and says why in the log.
     */
    public static AutoCloseable listenOrWarn(Path dataDir, BackupService backups) {
        try {
            return listen(dataDir, backups);
        } catch (IOException | RuntimeException e) {
            LOG.warn("No control socket at {} ({}): 'crosspoint backup' cannot reach this appliance",
                    path(dataDir), e.toString());
            return () -> { };
        }
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                handle(Channels.newInputStream(client), Channels.newOutputStream(client));
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Control request failed: {}", e.toString());
            }
        }
    }

    private void handle(InputStream in, OutputStream out) throws IOException {
        String request = readLine(in);
        if (!BACKUP.equals(request)) {
            out.write((ERROR + "unknown request \"" + request + "\" (known: " + BACKUP + ")\n")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        LOG.info("Backup requested on the control socket");
        out.write((OK + "\n").getBytes(StandardCharsets.UTF_8));
        // A failure from here on cuts the archive short; the client sees no manifest and says so.
        backups.writeTo(out);
    }

    static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (line.length() >= MAX_REQUEST) {
                throw new IOException("control line longer than " + MAX_REQUEST + " bytes");
            }
            line.append((char) c);
        }
        return line.toString().strip();
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(path);
    }
}
