package com.crosspoint.relay.turn;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UDP allocations of one server address (one listening socket), by client address. With the socket and UDP
 * that is the whole 5-tuple, so a datagram's allocation is found from the source address the socket reported,
 * without a {@link FiveTuple} built per datagram; IPv4 and IPv6 clients alike. Kept by the {@link AllocationTable}.
 */
public final class UdpAllocations {
    private final Map<InetSocketAddress, Allocation> byClient = new ConcurrentHashMap<>();

    /** The allocation of {@code client}'s datagrams, or null (no Optional: this runs for every datagram). */
    public Allocation find(InetSocketAddress client) {
        return byClient.get(client);
    }

    void add(Allocation allocation) {
        byClient.put(allocation.fiveTuple().client(), allocation);
    }

    /** Removes the allocation if it is still the one of its client address (a newer one stays). */
    void remove(Allocation allocation) {
        byClient.remove(allocation.fiveTuple().client(), allocation);
    }

    int size() {
        return byClient.size();
    }
}
