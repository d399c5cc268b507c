package com.crosspoint.backup;

import java.nio.file.Path;

/** The running database's part of a backup; the store implements it (Derby: its online backup). */
@FunctionalInterface
public interface DatabaseCopy {
    /**
     * Copies the open database, while it keeps serving, into {@code target/db}: a copy consistent as
     * of one instant, that boots as it is.
     */
    void copyTo(Path target);
}
