package com.crosspoint.backup;

import java.nio.file.Path;

/** Proves a restored data directory's database usable before it replaces the current one. */
@FunctionalInterface
public interface DatabaseCheck {
    /**
     * Opens the database in {@code dataDir} (bringing its schema up to date) and closes it again.
     *
     * @return what it holds, in one line for the operator ("2 tenants, 14 users, ...")
     * @throws RuntimeException when it does not open
     */
    String open(Path dataDir);
}
