package com.crosspoint.im;

import static org.assertj.core.api.Assertions.assertThat;

import com.crosspoint.directory.Directory;
import com.crosspoint.events.EventBus;
import com.crosspoint.events.ProvisioningEvent;
import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.events.TenantEvent;
import com.crosspoint.events.UserEvent;
import com.crosspoint.model.Binding;
import com.crosspoint.model.CallSettings;
import com.crosspoint.model.Conversation;
import com.crosspoint.model.InstantMessage;
import com.crosspoint.model.Tenant;
import com.crosspoint.model.User;
import com.crosspoint.nat.NatFinding;
import com.crosspoint.registrar.BindingJournal;
import com.crosspoint.registrar.RegisterOutcome;
import com.crosspoint.registrar.RegisterRequest;
import com.crosspoint.registrar.RegisterRequest.ContactSpec;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.registrar.RegistrarPolicy;
import com.crosspoint.store.BindingStore;
import com.crosspoint.store.MessageStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delivery of instant messages: stored first, sent to the recipient's devices, each message sent once. */
class MessageServiceTest {
    private static final Tenant TENANT = new Tenant(1, "acme", "acme.test");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final EventBus events = new EventBus(100);
    private final BindingJournal journal = new BindingJournal(new NoBindings());
    private final Registrar registrar = new Registrar(journal, events, new RegistrarPolicy(60, 3600, 600, 3), clock);
    private final Directory directory = new Directory();
    private final Messages store = new Messages();
    private final List<CompletableFuture<Boolean>> sends = new ArrayList<>();
    private final MessageService service = new MessageService(store, registrar, directory,
            (message, domain, devices) -> {
                CompletableFuture<Boolean> sent = new CompletableFuture<>();
                sends.add(sent);
                return sent;
            }, events, clock);

    @AfterEach
    void close() {
        journal.close();
        events.close();
    }

    @Test
    void aMessageToARegisteredPhoneIsDeliveredWhenThePhoneTakesIt() {
        registered();

        MessageService.Submitted sent = service.submit(TENANT, "1001", "1002", "text/plain", "hello");
        assertThat(sent.delivery()).isNotDone();
        sends.get(0).complete(true);

        assertThat(sent.delivery().join().deliveredAt()).isEqualTo(T0);
        assertThat(store.delivered).containsExactly(sent.message().id());
    }

    @Test
    void aSenderRacingTheRegistrationThatDrainsItsMessageGetsThatDeliverysOutcome() {
        Binding bob = registered();
        // The registration's event is handled while the message is being stored: it sends the message first.
        store.onSave = () -> service.onEvent(new RegistrationEvent(RegistrationEvent.Kind.REFRESHED, bob, T0,
                NatFinding.NONE));

        MessageService.Submitted sent = service.submit(TENANT, "1001", "1002", "text/plain", "hello");

        assertThat(sends).as("the message is sent once").hasSize(1);
        assertThat(sent.delivery()).isNotDone();
        sends.get(0).complete(true);
        assertThat(sent.delivery().join()).isNotNull();
    }

    @Test
    void aMessageNobodyTookIsStoredForTheNextRegistration() {
        registered();

        MessageService.Submitted sent = service.submit(TENANT, "1001", "1002", "text/plain", "hello");
        sends.get(0).complete(false);

        assertThat(sent.delivery().join()).isNull();
        assertThat(store.pendingFor(TENANT.id(), "1002")).hasSize(1);
    }

    private Binding registered() {
        directory.apply(new TenantEvent(ProvisioningEvent.Kind.CREATED, TENANT, T0));
        directory.apply(new UserEvent(ProvisioningEvent.Kind.CREATED,
                new User(2, TENANT.id(), "1002", "Bob", null, CallSettings.defaults()), T0));
        RegisterOutcome o = registrar.register(new RegisterRequest(TENANT.id(), 2, 2, "sip:1002@acme.test",
                List.of(new ContactSpec("sip:1002@192.0.2.20:5060", null)), false, null, "reg-1", 1, "UDP",
                "192.0.2.20:5060", "test"));
        ((RegisterOutcome.Accepted) o).committed().join();
        return registrar.lookup("sip:1002@acme.test").get(0);
    }

    /** The message store's in-memory stand-in: what the service reads and writes. */
    private static final class Messages implements MessageStore {
        private final List<InstantMessage> rows = new ArrayList<>();
        private final List<Long> delivered = new ArrayList<>();
        private Runnable onSave = () -> { };

        @Override
        public InstantMessage save(InstantMessage m) {
            InstantMessage saved = new InstantMessage(rows.size() + 1L, m.tenantId(), m.fromExtension(),
                    m.toExtension(), m.contentType(), m.body(), m.createdAt(), null);
            rows.add(saved);
            onSave.run();
            return saved;
        }

        @Override
        public void markDelivered(long id, Instant deliveredAt) {
            delivered.add(id);
        }

        @Override
        public List<InstantMessage> pendingFor(long tenantId, String toExtension) {
            return rows.stream().filter(m -> m.toExtension().equals(toExtension) && !delivered.contains(m.id()))
                    .toList();
        }

        @Override
        public List<InstantMessage> history(long tenantId, String extension, String peer, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int markRead(long tenantId, String toExtension, String fromExtension, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Conversation> conversations(long tenantId, String extension) {
            throw new UnsupportedOperationException();
        }
    }

    /** Bindings kept in memory only. */
    private static final class NoBindings implements BindingStore {
        @Override
        public void apply(Collection<Binding> upserts, Collection<BindingKey> removals) {
        }

        @Override
        public List<Binding> listAll() {
            return List.of();
        }
    }
}
