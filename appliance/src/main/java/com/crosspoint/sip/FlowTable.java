package com.crosspoint.sip;

import com.crosspoint.events.Event;
import com.crosspoint.events.RegistrationEvent;
import com.crosspoint.model.Binding;
import gov.nist.javax.sip.stack.HopImpl;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;

/**
 * The connections phones registered over TCP or TLS, by the address in their Contact. A request to
 * such a phone goes back over the connection it registered on (RFC 5923 connection reuse, as
 * Kamailio does with aliases): the phone may not accept connections to its Contact at all, and
 * behind NAT nothing could reach it there.
 */
public final class FlowTable {
    private final Map<String, Hop> flows = new ConcurrentHashMap<>();

    /** The events {@link #onEvent} acts on: registrations over TCP or TLS. */
    public static boolean concerns(Event e) {
        return e instanceof RegistrationEvent r && isStream(r.binding().transport());
    }

    /** Subscribe this to the event bus: registrations over a stream transport add or remove a flow. */
    public void onEvent(Event e) {
        if (!(e instanceof RegistrationEvent r) || !isStream(r.binding().transport())) {
            return;
        }
        Binding b = r.binding();
        String key = keyOf(b.contact());
        if (key == null) {
            return;
        }
        switch (r.kind()) {
            case ADDED, REFRESHED -> hopOf(b).ifPresent(hop -> flows.put(key, hop));
            case REMOVED, EXPIRED -> flows.remove(key);
        }
    }

    /** The registration connection to use for a request to {@code target}, if it is a stream-registered contact. */
    Optional<Hop> hopFor(URI target) {
        if (!(target instanceof SipURI sip) || sip.getTransportParam() == null || !isStream(sip.getTransportParam())) {
            return Optional.empty();
        }
        return Optional.ofNullable(flows.get(key(sip.getHost(), sip.getPort(), sip.getTransportParam())));
    }

    int size() {
        return flows.size();
    }

    /** {@code host:port} of every connection a phone registered over, as {@link Binding#source()} spells it. */
    Set<String> registeredSources() {
        Set<String> sources = new HashSet<>();
        flows.values().forEach(hop -> sources.add(hop.getHost() + ":" + hop.getPort()));
        return sources;
    }

    private static Optional<Hop> hopOf(Binding b) {
        int colon = b.source().lastIndexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(b.source().substring(colon + 1));
            return Optional.of(new HopImpl(b.source().substring(0, colon), port, b.transport().toLowerCase(Locale.ROOT)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** host:port/transport of a contact string, parsed without the stack (contacts are stored as text). */
    private static String keyOf(String contact) {
        String lower = contact.toLowerCase(Locale.ROOT);
        int scheme = lower.indexOf(':');
        if (scheme < 0) {
            return null;
        }
        String rest = lower.substring(scheme + 1);
        int at = rest.lastIndexOf('@');
        String hostPart = at >= 0 ? rest.substring(at + 1) : rest;
        int end = indexOfAny(hostPart, ";?>");
        String hostPort = end >= 0 ? hostPart.substring(0, end) : hostPart;
        String params = end >= 0 ? hostPart.substring(end) : "";
        int t = params.indexOf(";transport=");
        String transport = t < 0 ? "udp" : params.substring(t + 11).split("[;?>]", 2)[0];
        int colon = hostPort.lastIndexOf(':');
        boolean hasPort = colon > 0 && !hostPort.endsWith("]");
        String host = hasPort ? hostPort.substring(0, colon) : hostPort;
        int port = hasPort ? Integer.parseInt(hostPort.substring(colon + 1)) : -1;
        return key(host, port, transport);
    }

    private static String key(String host, int port, String transport) {
        String t = transport.toLowerCase(Locale.ROOT);
        int p = port > 0 ? port : t.equals("tls") ? 5061 : 5060;
        return host.toLowerCase(Locale.ROOT) + ":" + p + "/" + t;
    }

    private static boolean isStream(String transport) {
        String t = transport.toLowerCase(Locale.ROOT);
        return t.equals("tcp") || t.equals("tls");
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
