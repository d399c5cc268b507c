package com.crosspoint.bench;

import com.crosspoint.auth.StoredCredential;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.store.Stores;
import com.crosspoint.store.derby.DerbyStores;
import java.nio.file.Path;

/**
 * Fills a fresh data directory with the benchmark's tenant, load users and call users before the appliance
 * starts, through the same stores and HA1 derivation the provisioning service uses. The REST API is not
 * needed, and the appliance loads everything into its directory cache at start like any other data.
 */
final class BenchProvisioning {
    static final String DOMAIN = "bench.crosspoint.local";

    private BenchProvisioning() {
    }

    /** Creates the tenant, {@code users} load users and the caller/callee pair; returns the tenant. */
    static Tenant provision(Path dataDir, int users, BenchAccounts accounts) {
        try (Stores stores = DerbyStores.open(dataDir)) {
            Tenant tenant = stores.tenants().create("Benchmark", DOMAIN);
            for (int n = 1; n <= users; n++) {
                create(stores, tenant, accounts.loadExtension(n), accounts.loadUsername(n), accounts.loadPassword());
            }
            create(stores, tenant, accounts.calleeExtension(), accounts.calleeExtension(), accounts.calleePassword());
            create(stores, tenant, accounts.callerExtension(), accounts.callerExtension(), accounts.callerPassword());
            return tenant;
        }
    }

    private static void create(Stores stores, Tenant tenant, String extension, String sipUsername, String password) {
        User user = stores.users().create(tenant.id(), extension, "Bench " + extension, null, CallSettings.defaults());
        StoredCredential credential = StoredCredential.fromPassword(sipUsername, tenant.domain(), password);
        stores.devices().create(tenant.id(), user.id(), sipUsername, credential.ha1Md5(), credential.ha1Sha256());
    }
}
