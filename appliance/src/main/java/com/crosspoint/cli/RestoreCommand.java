package com.crosspoint.cli;

import com.crosspoint.backup.DatabaseCheck;
import com.crosspoint.backup.Restore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crosspoint restore FILE}: replaces the stopped node's data directory with a backup. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a backup made by 'crosspoint backup' into this machine's data directory. The "
                + "appliance must be stopped. Every checksum is verified and the database opened before anything "
                + "is replaced; the current data directory is kept beside it as <dir>.before-restore-<time>."})
public final class RestoreCommand extends NodeCommand {
    private final DatabaseCheck database;

    @Parameters(index = "0", paramLabel = "FILE", description = "Archive written by 'crosspoint backup'.")
    Path file;

    @Option(names = "--owner", paramLabel = "USER[:GROUP]",
            description = "Owner of the restored files (default: the owner of the current data directory).")
    String owner;

    public RestoreCommand(DatabaseCheck database) {
        this.database = database;
    }

    @Override
    protected void run(Path dataDir) {
        Restore.Result r = new Restore(dataDir, database, Clock.systemUTC()).from(file, Optional.ofNullable(owner));
        out().printf("restored %s into %s: %d files verified (backup of node %s taken %s)%n", file, dataDir,
                r.manifest().entries().size(), r.manifest().node(), r.manifest().created());
        out().printf("database: %s%n", r.summary());
        r.aside().ifPresent(p -> out().printf("the previous data directory is kept in %s (remove it when done)%n", p));
    }
}
