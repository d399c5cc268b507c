package com.crosspoint.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.model.Binding;
import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.store.BindingStore;
import com.crosspoint.store.StoreFixtures;
import com.crosspoint.store.Stores;
import com.crosspoint.store.derby.DerbyStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit against the real Derby store: a change the database refuses (a User-Agent longer than its column)
 * fails alone, the changes committed in the same batch are stored and reported done (issue 10 item 3; before, the
 * whole batch failed with it).
 */
class BindingJournalTest {
    private Path dir;
    private DerbyStores stores;
    private Tenant tenant;
    private User user;
    private Device device;

    @BeforeEach
    void open() throws IOException {
        dir = Files.createTempDirectory("crosspoint-journal-");
        stores = DerbyStores.open(dir);
        tenant = StoreFixtures.tenant(stores);
        user = StoreFixtures.user(stores, tenant);
        device = StoreFixtures.device(stores, user);
    }

    @AfterEach
    void close() throws IOException {
        stores.close();
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void aChangeTheStoreRefusesFailsAloneAndTheRestOfItsBatchIsStored() throws Exception {
        HeldStore held = new HeldStore(stores.bindings());
        try (BindingJournal journal = new BindingJournal(held)) {
            CompletableFuture<Void> first = journal.write(List.of(binding("sip:first@192.0.2.1", "Desk/1")), List.of());
            assertThat(held.entered.await(5, TimeUnit.SECONDS)).isTrue();
            // The writer is inside the first commit: these queue up and go together in the next batch.
            List<CompletableFuture<Void>> honest = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                honest.add(journal.write(List.of(binding("sip:honest" + i + "@192.0.2.1", "Desk/1")), List.of()));
            }
            CompletableFuture<Void> bad = journal.write(List.of(binding("sip:bad@192.0.2.1", "x".repeat(600))), List.of());
            honest.add(journal.write(List.of(binding("sip:late@192.0.2.1", "Desk/1")), List.of()));
            held.release.countDown();

            first.get(5, TimeUnit.SECONDS);
            for (CompletableFuture<Void> f : honest) {
                f.get(5, TimeUnit.SECONDS);
            }
            assertThat(bad).failsWithin(5, TimeUnit.SECONDS);
            assertThat(held.batches.get(1)).as("the bad change was in a batch with the others").isGreaterThan(1);
        }
        assertThat(StoreFixtures.bindingsOf(stores, tenant)).extracting(Binding::contact)
                .containsExactlyInAnyOrder("sip:first@192.0.2.1", "sip:honest0@192.0.2.1", "sip:honest1@192.0.2.1",
                        "sip:honest2@192.0.2.1", "sip:honest3@192.0.2.1", "sip:honest4@192.0.2.1",
                        "sip:late@192.0.2.1");
    }

    private Binding binding(String contact, String userAgent) {
        Binding b = StoreFixtures.binding(tenant, user, device, contact);
        return new Binding(b.tenantId(), b.userId(), b.deviceId(), b.aor(), b.contact(), b.callId(), b.cseq(),
                b.expiresAt(), b.transport(), b.source(), userAgent, b.updatedAt());
    }

    /** The Derby store, with its first commit held until the test has queued the next batch. */
    private static final class HeldStore implements BindingStore {
        private final BindingStore delegate;
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final List<Integer> batches = new ArrayList<>();

        HeldStore(BindingStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void apply(Collection<Binding> upserts, Collection<BindingKey> removals) {
            synchronized (batches) {
                batches.add(upserts.size() + removals.size());
            }
            if (entered.getCount() > 0) {
                entered.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            delegate.apply(upserts, removals);
        }

        @Override
        public List<Binding> listAll() {
            return delegate.listAll();
        }
    }
}
