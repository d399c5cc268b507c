package com.crosspoint.cli;

import com.crosspoint.backup.BackupManifest;
import com.crosspoint.backup.ControlClient;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crosspoint backup FILE}: an online backup of the running appliance on this machine. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the running appliance on this machine into FILE (a ZIP archive): the database "
                + "(online: calls go on), voicemail and prompts, with a manifest of SHA-256 checksums.",
            "Needs access to the data directory's control socket (root or the service's user)."})
public final class BackupCommand extends NodeCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "Archive to write; replaced only by a complete, verified one.")
    Path file;

    @Override
    protected void run(Path dataDir) {
        BackupManifest m = ControlClient.backup(dataDir, file);
        out().printf("backup written to %s: %d files, %d bytes (database %d files, voicemail %d files, prompts %d files), "
                        + "checksums verified%n", file.toAbsolutePath(), m.entries().size(), m.totalBytes(), m.count("db/"),
                m.count("voicemail/"), m.count("prompts/"));
    }
}
