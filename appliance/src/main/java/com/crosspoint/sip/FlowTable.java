package com.crosspoint.sip;

import com.crosspoint.events.Event;
import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.model.Binding;
import com.crosspoint.nat.ContactAddress;
import com.crosspoint.nat.Endpoint;
import com.crosspoint.nat.NatAction;
import gov.nist.javax.sip.stack.HopImpl;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * Where requests to a registered contact really go, when that is not the contact itself:
 * <ul>
 * <li>a phone registered over TCP or TLS is reached over the connection it registered on (RFC 5923 connection
 *     reuse, RFC 5626 flows): it may accept no connections at all, and behind NAT nothing could reach it;</li>
 * <li>a phone behind NAT on UDP is reached at the address and port its REGISTER came from (the NAT's mapping),
 *     never at its private Contact;</li>
 * <li>a registration that came through proxies (RFC 3327 Path) is reached through them.</li>
 * </ul>
 * Requests keep the registered Contact as their Request-URI; only the next hop changes. Contacts are matched with
 * their user part ({@code user@host:port/transport}), so two phones behind different NATs that both call themselves
 * {@code 192.168.1.10:5060} keep apart as long as their user parts differ; stream contacts are also found by
 * address alone, as before.
 */
public final class FlowTable {
    /** Where a request to one contact goes: the hop, and the Path to put in front as Route headers. */
    public record Flow(Hop hop, List<String> path, boolean stream) {
        public Flow {
            path = List.copyOf(path);
        }
    }

    private final Map<String, Flow> byContact = new ConcurrentHashMap<>();
    private final Map<String, Flow> byAddress = new ConcurrentHashMap<>();

    /** The events {@link #onEvent} acts on: every registration change (a UDP binding may stop being NATed). */
    public static boolean concerns(Event e) {
        return e instanceof RegistrationEvent;
    }

    /** Subscribe this to the event bus; also fed the restored bindings at start. */
    public void onEvent(Event e) {
        if (!(e instanceof RegistrationEvent r)) {
            return;
        }
        Binding b = r.binding();
        Optional<ContactAddress> contact = ContactAddress.parse(b.contact());
        if (contact.isEmpty()) {
            return;
        }
        String key = contact.get().key();
        String address = addressKey(contact.get());
        boolean stream = isStream(b.transport());
        Optional<Flow> flow = switch (r.kind()) {
            case ADDED, REFRESHED -> needsFlow(r) ? flowOf(b, stream) : Optional.empty();
            case REMOVED, EXPIRED -> Optional.empty();
        };
        if (flow.isPresent()) {
            byContact.put(key, flow.get());
            if (stream) {
                byAddress.put(address, flow.get());
            }
        } else {
            Flow old = byContact.remove(key);
            if (old != null) {
                byAddress.remove(address, old);
            }
        }
    }

    /** The flow for a request to {@code target}, if it is a contact that is not reached directly. */
    public Optional<Flow> flowFor(URI target) {
        if (!(target instanceof SipURI sip) || sip.getHost() == null) {
            return Optional.empty();
        }
        String transport = sip.getTransportParam() != null ? sip.getTransportParam().toLowerCase(Locale.ROOT)
                : sip.isSecure() ? "tls" : "udp";
        Endpoint endpoint = new Endpoint(sip.getHost(), sip.getPort() > 0 ? sip.getPort() : -1);
        ContactAddress contact = new ContactAddress(sip.getUser() == null ? "" : sip.getUser(), endpoint, transport);
        Flow flow = byContact.get(contact.key());
        if (flow == null && isStream(transport)) {
            flow = byAddress.get(addressKey(contact));
        }
        return Optional.ofNullable(flow);
    }

    int size() {
        return byContact.size();
    }

    /** {@code host:port} of every connection a phone registered over, as {@link Binding#source()} spells it. */
    Set<String> registeredSources() {
        Set<String> sources = new HashSet<>();
        byContact.values().stream().filter(Flow::stream)
                .forEach(flow -> sources.add(flow.hop().getHost() + ":" + flow.hop().getPort()));
        return sources;
    }

    private static boolean needsFlow(RegistrationEvent r) {
        return isStream(r.binding().transport()) || !r.binding().path().isEmpty()
                || r.nat().actions().contains(NatAction.FLOW_ROUTING);
    }

    private static Optional<Flow> flowOf(Binding b, boolean stream) {
        return Endpoint.parse(b.source()).filter(e -> e.port() > 0).map(e -> new Flow(
                new HopImpl(e.host(), e.port(), b.transport().toLowerCase(Locale.ROOT)), b.path(), stream));
    }

    private static String addressKey(ContactAddress c) {
        return c.endpoint().text(c.transport()) + "/" + c.transport();
    }

    private static boolean isStream(String transport) {
        String t = transport.toLowerCase(Locale.ROOT);
        return t.equals("tcp") || t.equals("tls");
    }
}
