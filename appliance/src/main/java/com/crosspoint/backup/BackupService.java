package com.crosspoint.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a backup of a running node: first the database (online, consistent as of one instant),
 * then every other file of the data directory (voicemail, prompts), in one archive.
 * <p>Database first, files second: a message recorded meanwhile is on disk before its row is
 * committed, so every row in the copy finds its file. (A message deleted in between comes back
 * as a row whose file is gone; its mailbox shows it and cannot play it.)
 */
public final class BackupService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    /** Entries of the data directory that are not data: Derby's own log and the control socket. */
    private static final Set<String> NOT_DATA = Set.of("derby.log", ControlSocket.FILE_NAME);
    private static final String DATABASE = "db";

    private final Path dataDir;
    private final DatabaseCopy database;
    private final String node;
    private final Clock clock;

    public BackupService(Path dataDir, DatabaseCopy database, String node, Clock clock) {
        this.dataDir = dataDir;
        this.database = database;
        this.node = node;
        this.clock = clock;
    }

    /** Streams a complete archive to {@code out}; {@code out} is closed afterwards. */
    public synchronized BackupManifest writeTo(OutputStream out) throws IOException {
        long start = System.nanoTime();
        Path staging = Files.createTempDirectory(dataDir, ".backup-");
        try (ArchiveWriter archive = new ArchiveWriter(out)) {
            database.copyTo(staging);
            if (!Files.isDirectory(staging.resolve(DATABASE))) {
                throw new BackupException("the database copy left no " + DATABASE + "/ in " + staging);
            }
            archive.addTree(staging, staging.resolve(DATABASE), file -> false);
            for (Path child : dataFiles()) {
                archive.addTree(dataDir, child, BackupService::hidden);
            }
            BackupManifest manifest = archive.finish(clock.instant(), node);
            LOG.info("Backup written: {} files, {} bytes, {} voicemail files, in {} ms", manifest.entries().size(),
                    manifest.totalBytes(), manifest.count("voicemail/"), (System.nanoTime() - start) / 1_000_000);
            return manifest;
        } finally {
            deleteTree(staging);
        }
    }

    /** The data directory's entries besides the database: voicemail/, prompts/, keys, ... */
    private List<Path> dataFiles() throws IOException {
        try (Stream<Path> children = Files.list(dataDir)) {
            return children.filter(p -> !hidden(p))
                    .filter(p -> !p.getFileName().toString().equals(DATABASE))
                    .filter(p -> !NOT_DATA.contains(p.getFileName().toString()))
                    .filter(p -> Files.isDirectory(p) || Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    /** Hidden files are work in progress: recordings not yet complete, other backups' staging. */
    private static boolean hidden(Path file) {
        return file.getFileName().toString().startsWith(".");
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", dir, e.toString());
        }
    }
}
