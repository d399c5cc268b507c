package com.crosspoint.store.derby;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One fresh Derby database per test class, in a temporary directory removed afterwards; opening
 * and migrating once per class keeps the suite fast.
 */
final class DerbyStoresExtension implements BeforeAllCallback, AfterAllCallback {
    private Path dataDir;
    private DerbyStores stores;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("crosspoint-store-");
        stores = DerbyStores.open(dataDir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            stores.close();
        } finally {
            deleteRecursively(dataDir);
        }
    }

    DerbyStores stores() {
        return stores;
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
