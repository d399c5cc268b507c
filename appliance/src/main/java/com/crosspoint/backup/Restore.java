package com.crosspoint.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Puts a backup archive in place of a stopped node's data directory, in an order that cannot lose
 * the current data: extract into a new directory beside it, verifying every checksum; open the
 * database there; only then move the current directory aside ({@code <dir>.before-restore-<time>})
 * and the restored one into its place, both renames on one file system.
 */
public final class Restore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final DatabaseCheck database;
    private final Clock clock;

    /**
     * @param dataDir  the node's data directory ({@code data.dir}); it may be missing
     * @param database opens the restored database to prove it usable
     */
    public Restore(Path dataDir, DatabaseCheck database, Clock clock) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.database = database;
        this.clock = clock;
    }

    /**
     * @param result  what was restored and where the previous data went
     * @param summary the restored database's contents, as {@link DatabaseCheck#open} tells them
     * @param aside   the previous data directory, moved aside; empty when there was none
     */
    public record Result(BackupManifest manifest, String summary, Optional<Path> aside) {
    }

    /**
     * @param owner who is to own the restored files ({@code user[:group]}); empty keeps the owner
     *              of the current data directory, or leaves the files to the caller when there is none
     * @throws BackupException when the appliance runs, or the archive is not an intact backup, or its
     *                         database does not open; the current data directory is then untouched
     */
    public Result from(Path archive, Optional<String> owner) {
        if (!Files.isRegularFile(archive)) {
            throw new BackupException(archive + ": no such file");
        }
        if (ControlClient.isRunning(dataDir)) {
            throw new BackupException("the appliance is running on " + dataDir
                    + ": stop it first (systemctl stop crosspoint)");
        }
        Path parent = dataDir.getParent();
        String stamp = STAMP.format(clock.instant());
        Path staging = parent.resolve(dataDir.getFileName() + ".restoring-" + stamp);
        Optional<Ownership> ownership = owner.isPresent() ? Optional.of(Ownership.named(owner.get()))
                : Ownership.of(dataDir);
        BackupManifest manifest;
        String summary;
        try {
            manifest = ArchiveReader.extract(archive, staging);
            summary = database.open(staging);
        } catch (RuntimeException e) {
            BackupService.deleteTree(staging);
            if (e instanceof BackupException) {
                throw e;
            }
            throw new BackupException("the archive's database does not open: " + e.getMessage(), e);
        }
        try {
            Optional<Path> aside = Optional.empty();
            if (Files.exists(dataDir)) {
                Path moved = parent.resolve(dataDir.getFileName() + ".before-restore-" + stamp);
                Files.move(dataDir, moved, StandardCopyOption.ATOMIC_MOVE);
                aside = Optional.of(moved);
            }
            Files.move(staging, dataDir, StandardCopyOption.ATOMIC_MOVE);
            if (ownership.isPresent()) {
                ownership.get().applyTo(dataDir);
            }
            return new Result(manifest, summary, aside);
        } catch (IOException e) {
            throw new BackupException("cannot put the restored data in place of " + dataDir + " (restored copy in "
                    + staging + "): " + e.getMessage(), e);
        }
    }
}
