package com.crosspoint.store.derby;

import static com.crosspoint.store.StoreFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.Binding;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Device;
import com.crosspoint.model.Disposition;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.store.CdrStore.CdrFilter;
import com.crosspoint.store.DuplicateKeyException;
import com.crosspoint.store.StoreException;
import com.crosspoint.store.StoreFixtures;
import com.crosspoint.store.Stores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The stores are called from many threads at once. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DerbyStoresConcurrencyTest {
    private static final int THREADS = 8;

    @RegisterExtension
    static final DerbyStoresExtension DATABASE = new DerbyStoresExtension();

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }

    private static Stores stores() {
        return DATABASE.stores();
    }

    /** Runs {@code task} on every thread at once, released together by a start gate. */
    private <T> List<Future<T>> together(int copies, Callable<T> task) {
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            futures.add(pool.submit(() -> {
                gate.await();
                return task.call();
            }));
        }
        gate.countDown();
        return futures;
    }

    @Test
    void concurrentWritersAndReadersEachSeeTheirOwnWork() throws Exception {
        Tenant tenant = StoreFixtures.tenant(stores());
        int perThread = 15;

        List<Future<Integer>> results = together(THREADS, () -> {
            int done = 0;
            for (int i = 0; i < perThread; i++) {
                User user = StoreFixtures.user(stores(), tenant);
                Device device = StoreFixtures.device(stores(), user);
                Binding binding = StoreFixtures.binding(tenant, user, device, "sip:" + user.extension() + "@192.0.2.1");
                stores().bindings().apply(List.of(binding), List.of());
                stores().messages().save(StoreFixtures.message(tenant, "100", user.extension(), T0));
                stores().cdrs().save(StoreFixtures.call(tenant, user.extension(), "100", T0, Disposition.ANSWERED));
                assertThat(stores().users().findByExtension(tenant.id(), user.extension())).contains(user);
                assertThat(stores().devices().listByUser(user.id())).containsExactly(device);
                assertThat(stores().messages().pendingFor(tenant.id(), user.extension())).hasSize(1);
                done++;
            }
            return done;
        });

        for (Future<Integer> result : results) {
            assertThat(result.get()).isEqualTo(perThread);
        }
        int total = THREADS * perThread;
        assertThat(stores().users().list(tenant.id())).hasSize(total);
        assertThat(stores().devices().listByTenant(tenant.id())).hasSize(total);
        assertThat(StoreFixtures.bindingsOf(stores(), tenant)).hasSize(total);
        assertThat(stores().cdrs().count(tenant.id(), CdrFilter.any())).isEqualTo(total);
    }

    @Test
    void ofConcurrentCreatesOfOneExtensionExactlyOneWins() throws Exception {
        Tenant tenant = StoreFixtures.tenant(stores());

        List<Future<User>> results = together(THREADS,
                () -> stores().users().create(tenant.id(), "100", "Racer", null, CallSettings.defaults()));

        int created = 0;
        for (Future<User> result : results) {
            try {
                result.get();
                created++;
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOfSatisfying(DuplicateKeyException.class,
                        d -> assertThat(d.field()).isEqualTo("extension"));
            }
        }
        assertThat(created).isEqualTo(1);
        assertThat(stores().users().list(tenant.id())).hasSize(1);
    }

    /** Every call misses on UPDATE for new keys; serialised calls must not collide on INSERT. */
    @Test
    void concurrentApplyOfTheSameNewBindingsNeverCollides() throws Exception {
        Tenant tenant = StoreFixtures.tenant(stores());
        User user = StoreFixtures.user(stores(), tenant);
        Device device = StoreFixtures.device(stores(), user);
        List<Binding> batch = IntStream.range(0, 50)
                .mapToObj(i -> StoreFixtures.binding(tenant, user, device, "sip:ann@192.0.2.1:" + (20000 + i)))
                .toList();

        List<Future<Object>> results = together(THREADS, () -> {
            stores().bindings().apply(batch, List.of());
            return null;
        });

        for (Future<Object> result : results) {
            result.get();
        }
        assertThat(StoreFixtures.bindingsOf(stores(), tenant)).containsExactlyInAnyOrderElementsOf(batch);
    }

    /** Close waits for running operations; later ones fail cleanly instead of booting the database again. */
    @Test
    void closeWhileOperationsRunLeavesAConsistentDatabase(@TempDir Path dataDir) throws Exception {
        DerbyStores stores = DerbyStores.open(dataDir);
        Tenant tenant = StoreFixtures.tenant(stores);
        CountDownLatch running = new CountDownLatch(THREADS);

        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            results.add(pool.submit(() -> {
                int created = 0;
                running.countDown();
                try {
                    while (true) {
                        StoreFixtures.user(stores, tenant);
                        created++;
                    }
                } catch (StoreException e) {
                    return created;
                }
            }));
        }
        running.await();
        stores.close();

        int created = 0;
        for (Future<Integer> result : results) {
            created += result.get();
        }
        try (DerbyStores reopened = DerbyStores.open(dataDir)) {
            assertThat(reopened.users().list(tenant.id())).hasSize(created);
        }
    }
}
