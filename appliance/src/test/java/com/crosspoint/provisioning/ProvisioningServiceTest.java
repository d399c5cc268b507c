package com.crosspoint.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.crosspoint.directory.Directory;
import com.crosspoint.events.DeviceEvent;
import com.crosspoint.events.EventBus;
import com.crosspoint.events.ProvisioningEvent;
import com.crosspoint.events.ProvisioningEvent.Kind;
import com.crosspoint.events.TenantEvent;
import com.crosspoint.events.UserEvent;
import com.crosspoint.model.Device;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.registrar.BindingJournal;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.registrar.RegistrarPolicy;
import com.crosspoint.store.DuplicateKeyException;
import com.crosspoint.store.derby.DerbyStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every committed change becomes one event: applied to the directory before the call returns,
 * published after the store has it, in commit order; a refused change publishes nothing.
 */
class ProvisioningServiceTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;
    private DerbyStores stores;
    private BindingJournal journal;
    private EventBus events;
    private Directory directory;
    private ProvisioningService service;
    /** What the bus delivered, and the types of those whose change the store did not yet hold on arrival. */
    private final List<ProvisioningEvent> published = new CopyOnWriteArrayList<>();
    private final List<String> notYetCommitted = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        stores = DerbyStores.open(dir.resolve("db"));
        journal = new BindingJournal(stores.bindings());
        events = new EventBus(1000);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        directory = Directory.load(stores);
        Registrar registrar = new Registrar(journal, events, new RegistrarPolicy(60, 3600, 600), clock);
        service = new ProvisioningService(stores, directory, registrar, events, clock);
        events.subscribe("test", e -> e instanceof ProvisioningEvent, e -> {
            ProvisioningEvent p = (ProvisioningEvent) e;
            if (!inStore(p)) {
                notYetCommitted.add(p.type());
            }
            published.add(p);
        });
    }

    @AfterEach
    void stop() {
        events.close();
        journal.close();
        stores.close();
    }

    /** Whether the store holds what the event says (the value, or its absence for DELETED). */
    private boolean inStore(ProvisioningEvent e) {
        Object stored;
        Object value;
        if (e instanceof TenantEvent t) {
            stored = stores.tenants().find(t.tenant().id()).orElse(null);
            value = t.tenant();
        } else if (e instanceof UserEvent u) {
            stored = stores.users().find(u.user().id()).orElse(null);
            value = u.user();
        } else {
            Device d = ((DeviceEvent) e).device();
            stored = stores.devices().find(d.id()).orElse(null);
            value = d;
        }
        return e.deleted() ? stored == null : value.equals(stored);
    }

    private List<String> awaitPublished(int n) {
        await().atMost(Duration.ofSeconds(5)).until(() -> published.size() >= n);
        return published.stream().map(ProvisioningEvent::type).toList();
    }

    @Test
    void eachChangeIsInTheDirectoryWhenTheCallReturnsAndPublishedAfterItsCommit() {
        // Each change waits for its event before the next one: the store is then never ahead of what the
        // subscriber compares it with.
        Tenant t = service.createTenant("Acme", "acme.example.com");
        assertThat(directory.tenantByDomain("acme.example.com")).contains(t);
        awaitPublished(1);
        User ann = service.createUser(t.id(), "1001", "Ann", null, null);
        assertThat(directory.userByExtension(t.id(), "1001")).contains(ann);
        awaitPublished(2);
        Device desk = service.createDevice(t.id(), ann.id(), null, "desk-password-1").device();
        assertThat(directory.deviceBySipUsername(t.id(), "1001")).contains(desk);
        awaitPublished(3);
        Device rekeyed = service.setDevicePassword(t.id(), desk.id(), "desk-password-2");
        assertThat(directory.device(desk.id())).contains(rekeyed);
        awaitPublished(4);
        User renamed = service.updateUser(t.id(), ann.id(), "1001", "Ann Smith", null, null);
        awaitPublished(5);
        service.deleteDevice(t.id(), desk.id());
        assertThat(directory.device(desk.id())).isEmpty();

        assertThat(awaitPublished(6)).containsExactly("tenant.created", "user.created", "device.created",
                "device.changed", "user.changed", "device.deleted");
        assertThat(notYetCommitted).isEmpty();
        assertThat(published.get(3)).isEqualTo(new DeviceEvent(Kind.CHANGED, rekeyed, "1001", NOW));
        assertThat(rekeyed.ha1Md5()).isNotEqualTo(desk.ha1Md5());
        assertThat(published.get(4)).isEqualTo(new UserEvent(Kind.CHANGED, renamed, NOW));
        assertThat(published.get(5)).isEqualTo(new DeviceEvent(Kind.DELETED, rekeyed, "1001", NOW));
    }

    @Test
    void deletingAUserOrTenantIsOneEventCarryingTheValueAsItWas() {
        Tenant t = service.createTenant("Acme", "acme.example.com");
        User ann = service.createUser(t.id(), "1001", "Ann", null, null);
        service.createDevice(t.id(), ann.id(), null, null);
        User bob = service.createUser(t.id(), "1002", "Bob", null, null);
        awaitPublished(4); // before the deletions, so the store is not ahead of the subscriber's comparison

        service.deleteUser(t.id(), ann.id());
        assertThat(directory.userByExtension(t.id(), "1001")).isEmpty();
        assertThat(directory.deviceBySipUsername(t.id(), "1001")).as("went with its user").isEmpty();
        awaitPublished(5);
        service.deleteTenant(t.id());
        assertThat(directory.tenant(t.id())).isEmpty();
        assertThat(directory.user(bob.id())).isEmpty();

        assertThat(awaitPublished(6)).endsWith("user.deleted", "tenant.deleted");
        assertThat(published.get(4)).isEqualTo(new UserEvent(Kind.DELETED, ann, NOW));
        assertThat(published.get(5)).isEqualTo(new TenantEvent(Kind.DELETED, t, NOW));
        assertThat(notYetCommitted).isEmpty();
    }

    @Test
    void namesWithControlCharactersAreRefusedNamingTheField() {
        Tenant t = service.createTenant("Acme", "acme.example.com");
        for (String name : List.of("Ann\r\nCall-Info: <sip:x>", "Ann\u0000", "Ann\u2028Bob", "Ann\u0085")) {
            assertThatThrownBy(() -> service.createUser(t.id(), "1001", name, null, null))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
        }
        assertThatThrownBy(() -> service.updateTenant(t.id(), "Acme\nX: y", "acme.example.com"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThat(service.createUser(t.id(), "1001", "Ann \"Boss\" Émile \\ 李", null, null).displayName())
                .isEqualTo("Ann \"Boss\" Émile \\ 李");
    }

    @Test
    void aRefusedChangePublishesNothingAndLeavesTheDirectoryAlone() {
        Tenant t = service.createTenant("Acme", "acme.example.com");
        User ann = service.createUser(t.id(), "1001", "Ann", null, null);

        assertThatThrownBy(() -> service.createUser(t.id(), "1001", "Again", null, null))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> service.updateUser(t.id(), ann.id(), "x", "Ann", null, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.deleteTenant(t.id() + 1000)).isInstanceOf(NotFoundException.class);
        service.updateTenant(t.id(), "Acme Ltd", "acme.example.com");

        assertThat(awaitPublished(3)).containsExactly("tenant.created", "user.created", "tenant.changed");
        assertThat(directory.userByExtension(t.id(), "1001")).contains(ann);
    }

    @Test
    void concurrentChangesReachDirectoryAndBusInCommitOrder() throws Exception {
        Tenant t = service.createTenant("Acme", "acme.example.com");
        User ann = service.createUser(t.id(), "1001", "Ann", null, null);
        int writers = 8;
        int rounds = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String name = "writer " + w;
                done.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        service.updateUser(t.id(), ann.id(), "1001", name + " round " + r, null, null);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        awaitPublished(2 + writers * rounds);
        User stored = stores.users().find(ann.id()).orElseThrow();
        assertThat(directory.user(ann.id())).contains(stored);
        assertThat(((UserEvent) published.get(published.size() - 1)).user()).isEqualTo(stored);
    }
}
