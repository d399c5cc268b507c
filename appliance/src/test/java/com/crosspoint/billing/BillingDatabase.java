package com.crosspoint.billing;

import com.crosspoint.store.Stores;
import com.crosspoint.store.derby.DerbyStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real Derby database per test class, in a temporary directory removed afterwards; tests use tenants of their own. */
final class BillingDatabase implements BeforeAllCallback, AfterAllCallback {
    private Path dataDir;
    private DerbyStores stores;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("crosspoint-billing-");
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

    Stores stores() {
        return stores;
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
