package com.crosspoint.gateway;

import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Transport;
import com.crosspoint.trunk.TrunkTarget;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each PBX node is on the wire. Host names are looked up only by {@link #refresh} (start-up and the prober's
 * thread), never on an I/O thread: a node whose name was never found is not offered calls.
 */
public final class PbxHops {
    private final ConcurrentHashMap<TrunkTarget, Destination> known = new ConcurrentHashMap<>();

    /** The node's address as last looked up, or null. */
    Destination of(TrunkTarget node) {
        return known.get(node);
    }

    /** Looks the node's host up (blocking: DNS); null when it cannot be found. */
    public Destination refresh(TrunkTarget node) {
        try {
            String host = node.host();
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            Destination hop = new Destination(transport(node.transport()),
                    new InetSocketAddress(InetAddress.getByName(bare), node.port()));
            known.put(node, hop);
            return hop;
        } catch (UnknownHostException e) {
            known.remove(node);
            return null;
        }
    }

    private static Transport transport(String name) {
        return switch (name) {
            case "tcp" -> Transport.TCP;
            case "tls" -> Transport.TLS;
            default -> Transport.UDP;
        };
    }
}
