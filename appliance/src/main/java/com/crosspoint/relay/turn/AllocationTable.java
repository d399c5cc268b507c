package com.crosspoint.relay.turn;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live allocations by 5-tuple, and the quotas: per user, per tenant and for the node (RFC 8656 s7.2: "486
 * (Allocation Quota Reached)"). A slot is reserved before the relay port is opened and released when an allocation
 * ends or its creation fails, so counts never drift from the table.
 */
public final class AllocationTable {
    private final int perUser;
    private final int perTenant;
    private final int total;
    private final Map<FiveTuple, Allocation> byTuple = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, UdpAllocations> udpByServer = new ConcurrentHashMap<>();
    private final Map<Long, Integer> byUser = new HashMap<>();
    private final Map<Long, Integer> byTenant = new HashMap<>();
    private int reserved;

    public AllocationTable(int perUser, int perTenant, int total) {
        this.perUser = perUser;
        this.perTenant = perTenant;
        this.total = total;
    }

    /** Takes a slot for {@code user} if every quota has room. */
    synchronized boolean reserve(TurnUser user) {
        if (reserved >= total || byUser.getOrDefault(user.userId(), 0) >= perUser
                || byTenant.getOrDefault(user.tenantId(), 0) >= perTenant) {
            return false;
        }
        reserved++;
        byUser.merge(user.userId(), 1, Integer::sum);
        byTenant.merge(user.tenantId(), 1, Integer::sum);
        return true;
    }

    synchronized void release(TurnUser user) {
        reserved--;
        byUser.computeIfPresent(user.userId(), (k, n) -> n > 1 ? n - 1 : null);
        byTenant.computeIfPresent(user.tenantId(), (k, n) -> n > 1 ? n - 1 : null);
    }

    void add(Allocation allocation) {
        byTuple.put(allocation.fiveTuple(), allocation);
        if (allocation.fiveTuple().transport() == FiveTuple.Transport.UDP) {
            udpAt(allocation.fiveTuple().server()).add(allocation);
        }
    }

    /** Removes the allocation if it is still the one for its 5-tuple; true when it was. */
    boolean remove(Allocation allocation) {
        if (byTuple.remove(allocation.fiveTuple(), allocation)) {
            if (allocation.fiveTuple().transport() == FiveTuple.Transport.UDP) {
                udpAt(allocation.fiveTuple().server()).remove(allocation);
            }
            release(allocation.owner());
            return true;
        }
        return false;
    }

    public Optional<Allocation> find(FiveTuple fiveTuple) {
        return Optional.ofNullable(byTuple.get(fiveTuple));
    }

    /** As {@link #find}, but null when there is none: for the per-datagram path (the Optional was not optimised away). */
    Allocation get(FiveTuple fiveTuple) {
        return byTuple.get(fiveTuple);
    }

    /**
     * The UDP allocations whose 5-tuple has {@code server} as the server address: a listening socket takes its own
     * once, then finds each datagram's allocation there by source address alone.
     */
    public UdpAllocations udpAt(InetSocketAddress server) {
        return udpByServer.computeIfAbsent(server, s -> new UdpAllocations());
    }

    public int size() {
        return byTuple.size();
    }

    /** Live allocations per tenant id (the status API). */
    public synchronized Map<Long, Integer> countsByTenant() {
        return Map.copyOf(byTenant);
    }

    /** Allocations of one user (for tests and the status API). */
    public synchronized int countOf(long userId) {
        return byUser.getOrDefault(userId, 0);
    }

    /** The live allocations, as of now (for the status API and tests). */
    public List<Allocation> snapshot() {
        return new ArrayList<>(byTuple.values());
    }

    List<Allocation> all() {
        return snapshot();
    }
}
