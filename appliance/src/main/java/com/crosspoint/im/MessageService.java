package com.crosspoint.im;

import com.crosspoint.directory.Directory;
import com.crosspoint.events.Event;
import com.crosspoint.events.EventBus;
import com.crosspoint.events.MessageEvent;
import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.model.Binding;
import com.crosspoint.model.Conversation;
import com.crosspoint.model.InstantMessage;
import com.crosspoint.model.Tenant;
import com.crosspoint.registrar.Registrar;
import com.crosspoint.store.MessageStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Page-mode instant messages with store-and-forward: every message is committed first (history,
 * and nothing lost), then delivered to every registered device of the recipient; a message no
 * device took waits until one of the recipient's devices registers.
 */
public final class MessageService {
    private static final Logger LOG = LoggerFactory.getLogger(MessageService.class);

    private final MessageStore store;
    private final Registrar registrar;
    private final Directory directory;
    private final MessageTransport transport;
    private final EventBus events;
    private final Clock clock;
    /**
     * Deliveries under way, by message id: a registration burst does not send a message twice, and whoever asks
     * for a message already on its way (the sender's request racing a registration that drains it) gets that
     * delivery's outcome, not "not delivered".
     */
    private final ConcurrentMap<Long, CompletableFuture<InstantMessage>> inFlight = new ConcurrentHashMap<>();
    private final DrainedRecipients drained = new DrainedRecipients();

    public MessageService(MessageStore store, Registrar registrar, Directory directory, MessageTransport transport,
                          EventBus events, Clock clock) {
        this.store = store;
        this.registrar = registrar;
        this.directory = directory;
        this.transport = transport;
        this.events = events;
        this.clock = clock;
    }

    /** Outcome of a send: delivered to a device now, or stored for later. */
    public enum Outcome { DELIVERED, STORED }

    /**
     * A committed message and its delivery: the future completes with the message as delivered
     * (deliveredAt set) once a device accepted it, or with null when none did (it will go out on
     * the next registration).
     */
    public record Submitted(InstantMessage message, CompletableFuture<InstantMessage> delivery) {
    }

    /**
     * Commits the message, then tries to deliver it. The future completes with DELIVERED once a
     * device accepted it, or STORED when none did (it will go out on the next registration).
     */
    public CompletableFuture<Outcome> send(Tenant tenant, String fromExtension, String toExtension,
                                           String contentType, String body) {
        return submit(tenant, fromExtension, toExtension, contentType, body).delivery()
                .thenApply(delivered -> delivered != null ? Outcome.DELIVERED : Outcome.STORED);
    }

    /** Like {@link #send}, but gives the stored message and the delivered one (for the web API's answer). */
    public Submitted submit(Tenant tenant, String fromExtension, String toExtension, String contentType,
                            String body) {
        InstantMessage saved = store.save(new InstantMessage(0, tenant.id(), fromExtension, toExtension,
                contentType, body, clock.instant(), null));
        drained.messageStored(recipient(tenant.id(), toExtension));
        events.publish(new MessageEvent(MessageEvent.Kind.STORED, saved, clock.instant()));
        return new Submitted(saved, deliver(tenant, saved));
    }

    /** Completes with the delivered copy, or null when no device took the message. */
    private CompletableFuture<InstantMessage> deliver(Tenant tenant, InstantMessage m) {
        List<Binding> devices = registrar.lookup("sip:" + m.toExtension() + "@" + tenant.domain());
        if (devices.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<InstantMessage> attempt = new CompletableFuture<>();
        CompletableFuture<InstantMessage> underWay = inFlight.putIfAbsent(m.id(), attempt);
        if (underWay != null) {
            return underWay;
        }
        transport.deliver(m, tenant.domain(), devices).handle((ok, err) -> outcome(m, ok, err))
                .whenComplete((delivered, err) -> {
                    inFlight.remove(m.id(), attempt);
                    if (err != null) {
                        attempt.completeExceptionally(err);
                    } else {
                        attempt.complete(delivered);
                    }
                });
        return attempt;
    }

    /** The delivered copy of {@code m} (recorded and announced), or null when no device took it. */
    private InstantMessage outcome(InstantMessage m, Boolean ok, Throwable err) {
        if (err != null) {
            LOG.info("message {} not delivered: {}", m.id(), err.getMessage());
            return null;
        }
        if (!ok) {
            return null;
        }
        var at = clock.instant();
        store.markDelivered(m.id(), at);
        InstantMessage delivered = new InstantMessage(m.id(), m.tenantId(), m.fromExtension(), m.toExtension(),
                m.contentType(), m.body(), m.createdAt(), at, m.readAt());
        events.publish(new MessageEvent(MessageEvent.Kind.DELIVERED, delivered, at));
        return delivered;
    }

    /** The events {@link #onEvent} acts on: a binding added or refreshed. */
    public static boolean concerns(Event e) {
        return e instanceof RegistrationEvent r && (r.kind() == RegistrationEvent.Kind.ADDED
                || r.kind() == RegistrationEvent.Kind.REFRESHED);
    }

    /** Subscribe this to the event bus: a new registration releases the messages waiting for it. */
    public void onEvent(Event e) {
        if (e instanceof RegistrationEvent r && (r.kind() == RegistrationEvent.Kind.ADDED
                || r.kind() == RegistrationEvent.Kind.REFRESHED)) {
            deliverPending(r.binding());
        }
    }

    private void deliverPending(Binding b) {
        Tenant tenant = directory.tenant(b.tenantId()).orElse(null);
        var user = directory.user(b.userId()).orElse(null);
        if (tenant == null || user == null) {
            return;
        }
        String recipient = recipient(tenant.id(), user.extension());
        if (drained.isDrained(recipient)) {
            return;
        }
        long generation = drained.generation(recipient);
        List<InstantMessage> pending = store.pendingFor(tenant.id(), user.extension());
        if (pending.isEmpty()) {
            drained.drained(recipient, generation);
        }
        for (InstantMessage m : pending) {
            deliver(tenant, m);
        }
    }

    private static String recipient(long tenantId, String extension) {
        return tenantId + "/" + extension;
    }

    /**
     * Marks the messages from {@code peer} to {@code extension} read (and delivered, so none of
     * them goes to a phone later); returns how many changed.
     */
    public int markRead(long tenantId, String extension, String peer) {
        return store.markRead(tenantId, extension, peer, clock.instant());
    }

    public List<Conversation> conversations(long tenantId, String extension) {
        return store.conversations(tenantId, extension);
    }

    public List<InstantMessage> history(long tenantId, String extension, String peer, int offset, int limit) {
        return store.history(tenantId, extension, peer, offset, limit);
    }
}
