package com.crosspoint.router;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may send calls to the router: the PBX nodes, by source address ({@code router.customers}, plus this node's own
 * addresses when it runs the PBX too); the gateway admits its carriers ({@code gateway.carriers}) the same way. A set
 * of addresses fixed at start, read on the I/O threads without locks.
 */
public final class Customers {
    private final Set<InetAddress> addresses;

    private Customers(Set<InetAddress> addresses) {
        this.addresses = Set.copyOf(addresses);
    }

    /** @param ipLiterals IP addresses (validated by the configuration; never looked up in DNS) */
    public static Customers of(List<String> ipLiterals) {
        Set<InetAddress> set = new HashSet<>();
        for (String ip : ipLiterals) {
            try {
                set.add(InetAddress.getByName(ip)); // an IP literal: parsed, not resolved
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + ip, e);
            }
        }
        return new Customers(set);
    }

    public boolean admits(InetAddress source) {
        return addresses.contains(source);
    }

    public Set<InetAddress> addresses() {
        return addresses;
    }
}
