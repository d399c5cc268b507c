package com.crosspoint.backup;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Names of files inside an archive: relative, '/'-separated paths of the data directory. A name
 * read from an archive is checked before it becomes a path, so that no archive can write outside
 * the directory it is extracted into ("zip slip").
 */
final class ArchivePath {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._@+=-]+");

    private ArchivePath() {
    }

    /** The archive name of {@code file} below {@code root}. */
    static String of(Path root, Path file) {
        Path relative = root.relativize(file);
        StringBuilder name = new StringBuilder();
        for (Path segment : relative) {
            if (name.length() > 0) {
                name.append('/');
            }
            name.append(segment);
        }
        return check(name.toString());
    }

    /**
     * @return {@code name} when it is a safe relative path: segments of letters, digits and
     *         {@code ._@+=-}, none of them "." or ".."
     * @throws BackupException otherwise
     */
    static String check(String name) {
        if (name.isEmpty() || name.length() > 1024) {
            throw new BackupException("unsafe file name in archive: \"" + name + "\"");
        }
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                throw new BackupException("unsafe file name in archive: \"" + name + "\"");
            }
        }
        return name;
    }

    /** The file {@code name} (already checked) stands for below {@code root}. */
    static Path resolve(Path root, String name) {
        Path file = root.resolve(check(name)).normalize();
        if (!file.startsWith(root)) {
            throw new BackupException("unsafe file name in archive: \"" + name + "\"");
        }
        return file;
    }
}
