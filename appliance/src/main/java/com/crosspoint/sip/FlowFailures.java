package com.crosspoint.sip;

import com.crosspoint.events.Event;
import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.model.Binding;
import com.crosspoint.nat.Endpoint;
import com.crosspoint.nat.NatEvidence;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import javax.sip.address.Hop;

/**
 * Which TCP and TLS flows have failed (RFC 5626 §5.3, §7): the connection a device registered over is its only way in
 * (behind NAT nothing else reaches it, and a phone need not accept connections at all), so once that connection
 * closed, requests to its bindings are not sent (no new connection to a private Contact, no 32 s timeout) and calls
 * skip them, until the device registers again over a new connection. Whether a connection is open is asked of the
 * connections the SIP ports accepted, at the moment a request would be sent; {@link #check} (every second) notes each
 * failure once on its bindings' NAT findings, so that the NAT doctor shows it.
 */
public final class FlowFailures {
    /** The connections the SIP TCP and TLS ports accepted. */
    public interface Connections {
        /** Whether the connection accepted from {@code host}:{@code port} is still open. */
        boolean open(String host, int port);
    }

    private final Connections connections;
    private final Clock clock;
    /** Stream bindings by AOR and contact. */
    private final Map<String, Binding> byKey = new ConcurrentHashMap<>();
    /** Their keys by the source of their connection ({@code host:port}): several AORs may share one. */
    private final Map<String, Set<String>> bySource = new ConcurrentHashMap<>();
    private final Set<String> noted = ConcurrentHashMap.newKeySet();
    private volatile BiConsumer<Binding, NatEvidence> notes = (b, note) -> { };

    public FlowFailures(Connections connections, Clock clock) {
        this.connections = connections;
        this.clock = clock;
    }

    /** Where failures are noted (the registrar's findings); nowhere until set. */
    public void noteTo(BiConsumer<Binding, NatEvidence> notes) {
        this.notes = notes;
    }

    /** The events {@link #onEvent} acts on: changes of bindings registered over TCP or TLS. */
    public static boolean concerns(Event e) {
        return e instanceof RegistrationEvent r && stream(r.binding().transport());
    }

    /** Subscribe this to the event bus; also fed the restored bindings at start. */
    public void onEvent(Event e) {
        if (!(e instanceof RegistrationEvent r) || !stream(r.binding().transport())) {
            return;
        }
        Binding b = r.binding();
        String key = b.aor() + " " + b.contact();
        // A refresh may come over a new connection: the binding leaves its old source whatever the kind.
        Binding before = byKey.remove(key);
        if (before != null) {
            forget(before.source(), key);
        }
        if (r.kind() == RegistrationEvent.Kind.ADDED || r.kind() == RegistrationEvent.Kind.REFRESHED) {
            byKey.put(key, b);
            bySource.computeIfAbsent(b.source(), s -> ConcurrentHashMap.newKeySet()).add(key);
        }
    }

    /** Whether {@code b} was registered over a TCP or TLS connection that has closed since. */
    public boolean failed(Binding b) {
        return stream(b.transport()) && Endpoint.parse(b.source()).map(e -> !connections.open(e.host(), e.port()))
                .orElse(false);
    }

    /** Whether {@code hop} is a TCP or TLS flow whose connection has closed: a request there must not be sent. */
    boolean failed(Hop hop) {
        return stream(hop.getTransport()) && !connections.open(hostOf(hop), hop.getPort());
    }

    /** Notes every flow that failed since the last check on its bindings' findings, once; run every second. */
    public int check() {
        int failures = 0;
        for (Map.Entry<String, Set<String>> entry : bySource.entrySet()) {
            Optional<Endpoint> source = Endpoint.parse(entry.getKey());
            if (source.isEmpty() || connections.open(source.get().host(), source.get().port())
                    || !noted.add(entry.getKey())) {
                continue;
            }
            failures++;
            for (String key : entry.getValue()) {
                Binding b = byKey.get(key);
                if (b == null) {
                    continue;
                }
                notes.accept(b, new NatEvidence(NatEvidence.Sign.FLOW_FAILED, "The "
                        + b.transport().toUpperCase(Locale.ROOT) + " connection from " + b.source()
                        + " the device registered over closed (seen " + clock.instant() + "): requests to it are not "
                        + "sent and calls skip it until it registers again over a new connection."));
            }
        }
        return failures;
    }

    /** Sources of registered TCP/TLS bindings being watched. */
    public int size() {
        return bySource.size();
    }

    private void forget(String source, String key) {
        bySource.computeIfPresent(source, (s, keys) -> {
            keys.remove(key);
            if (keys.isEmpty()) {
                noted.remove(s);
                return null;
            }
            return keys;
        });
    }

    private static String hostOf(Hop hop) {
        String h = hop.getHost();
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static boolean stream(String transport) {
        String t = transport == null ? "" : transport.toLowerCase(Locale.ROOT);
        return t.equals("tcp") || t.equals("tls");
    }
}
