package com.crosspoint.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Owner, group and directory mode that restored files get, so that a restore run as root leaves
 * files the service user can write: taken from the data directory being replaced, or named.
 * Files get the directory's mode without the execute bits.
 */
final class Ownership {
    private static final Set<PosixFilePermission> DEFAULT_DIRECTORY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE);

    private final UserPrincipal user;
    private final GroupPrincipal group;
    private final Set<PosixFilePermission> directoryMode;

    private Ownership(UserPrincipal user, GroupPrincipal group, Set<PosixFilePermission> directoryMode) {
        this.user = user;
        this.group = group;
        this.directoryMode = directoryMode;
    }

    /** The current data directory's owner, group and mode; empty when it does not exist. */
    static Optional<Ownership> of(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return Optional.empty();
        }
        try {
            PosixFileAttributes a = Files.readAttributes(dataDir, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Optional.of(new Ownership(a.owner(), a.group(), a.permissions()));
        } catch (IOException e) {
            throw new BackupException("cannot read the owner of " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** {@code user} or {@code user:group} (the group defaults to the user's name); mode 0750. */
    static Ownership named(String spec) {
        String[] parts = spec.split(":", 2);
        String groupName = parts.length == 2 ? parts[1] : parts[0];
        UserPrincipalLookupService lookup = Path.of("/").getFileSystem().getUserPrincipalLookupService();
        try {
            return new Ownership(lookup.lookupPrincipalByName(parts[0]), lookup.lookupPrincipalByGroupName(groupName),
                    DEFAULT_DIRECTORY);
        } catch (IOException e) {
            throw new BackupException("no such user or group: " + spec, e);
        }
    }

    void applyTo(Path root) throws IOException {
        Set<PosixFilePermission> fileMode = EnumSet.noneOf(PosixFilePermission.class);
        fileMode.addAll(directoryMode);
        fileMode.removeAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_EXECUTE));
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
                view.setPermissions(Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? directoryMode : fileMode);
            }
        }
    }
}
