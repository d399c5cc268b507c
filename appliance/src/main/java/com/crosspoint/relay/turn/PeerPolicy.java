package com.crosspoint.relay.turn;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * Which peers a TURN client may reach through the relay. RFC 8656 s21.5 warns that a TURN server can be used to reach
 * hosts behind the firewall it sits in; so loopback, link-local, private (RFC 1918, ULA), shared (CGNAT 100.64/10),
 * multicast, reserved and documentation ranges, and the node's own addresses, are refused (403) unless an
 * allow-list range names the peer. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry (the
 * decoder already turns them into IPv4 addresses).
 */
public final class PeerPolicy {
    private static final List<Cidr> REFUSED = List.of(
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "::/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001:db8::/32",
            "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8").stream().map(Cidr::parse).toList();

    private final List<Cidr> allowed;
    private final Set<InetAddress> ownAddresses;

    /**
     * @param allowed      ranges allowed although the rules above refuse them ({@code turn.allowedPeers})
     * @param ownAddresses every address of this node (interfaces, advertised, external)
     */
    public PeerPolicy(List<Cidr> allowed, Set<InetAddress> ownAddresses) {
        this.allowed = List.copyOf(allowed);
        this.ownAddresses = Set.copyOf(ownAddresses);
    }

    public boolean permits(InetAddress peer) {
        for (Cidr c : allowed) {
            if (c.contains(peer)) {
                return true;
            }
        }
        if (ownAddresses.contains(peer) || peer.isAnyLocalAddress()) {
            return false;
        }
        for (Cidr c : REFUSED) {
            if (c.contains(peer)) {
                return false;
            }
        }
        return true;
    }
}
