package com.crosspoint.router;

import com.crosspoint.model.Carrier;
import com.crosspoint.model.CarrierTransport;
import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Transport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Where each carrier is on the wire. An IP literal is turned into an address on first use (no look-up); a host name
 * is looked up only by {@link #refresh} on the prober's thread, never on an I/O thread, so a carrier named by a host
 * name is skipped until its first look-up succeeded.
 */
final class CarrierHops {
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");

    private record Known(String host, int port, CarrierTransport transport, Destination hop) {
        boolean describes(Carrier c) {
            return host.equals(c.host()) && port == c.port() && transport == c.transport();
        }
    }

    private final ConcurrentHashMap<Long, Known> known = new ConcurrentHashMap<>();

    /** The carrier's address, or null when its host name was not looked up yet (or could not be). */
    Destination of(Carrier carrier) {
        Known k = known.get(carrier.id());
        if (k != null && k.describes(carrier)) {
            return k.hop();
        }
        if (!LITERAL.matcher(carrier.host()).matches()) {
            return null;
        }
        return remember(carrier, carrier.host());
    }

    /** Looks up the carrier's host (blocking: DNS); null when it cannot be found. */
    Destination refresh(Carrier carrier) {
        return remember(carrier, carrier.host());
    }

    private Destination remember(Carrier carrier, String host) {
        try {
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            InetAddress address = InetAddress.getByName(bare);
            Destination hop = new Destination(transport(carrier.transport()), new InetSocketAddress(address,
                    carrier.port()));
            known.put(carrier.id(), new Known(carrier.host(), carrier.port(), carrier.transport(), hop));
            return hop;
        } catch (UnknownHostException e) {
            known.remove(carrier.id());
            return null;
        }
    }

    private static Transport transport(CarrierTransport t) {
        return switch (t) {
            case UDP -> Transport.UDP;
            case TCP -> Transport.TCP;
            case TLS -> Transport.TLS;
        };
    }
}
