package com.crosspoint.relay.turn;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The peer connections of TCP allocations by CONNECTION-ID (RFC 6062 s5): each waits up to
 * {@value #BIND_SECONDS} s for the client's ConnectionBind, then belongs to its data connection until either side
 * closes or the allocation ends.
 */
final class TcpConnections {
    static final int BIND_SECONDS = 30;

    /** One peer connection; {@code bound} once a data connection carries it. */
    record Entry(long id, Allocation allocation, PeerConnection connection, long bindBy, boolean bound) {
    }

    private final Map<Long, Entry> byId = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    long add(Allocation allocation, PeerConnection connection, long now) {
        while (true) {
            long id = random.nextInt() & 0xFFFFFFFFL;
            if (id != 0 && byId.putIfAbsent(id, new Entry(id, allocation, connection, now + BIND_SECONDS * 1000L,
                    false)) == null) {
                return id;
            }
        }
    }

    /** Marks a waiting connection bound and returns it; empty when unknown, bound already or too late. */
    Optional<Entry> bind(long id, long now) {
        Entry[] taken = new Entry[1];
        byId.computeIfPresent(id, (k, e) -> {
            if (e.bound() || e.bindBy() <= now || !e.connection().isOpen()) {
                return e;
            }
            taken[0] = new Entry(e.id(), e.allocation(), e.connection(), e.bindBy(), true);
            return taken[0];
        });
        return Optional.ofNullable(taken[0]);
    }

    /** Whether the allocation has an open connection to {@code peer} (RFC 6062 s5.2: else 446). */
    boolean connectedTo(Allocation allocation, InetSocketAddress peer) {
        return byId.values().stream().anyMatch(e -> e.allocation() == allocation && e.connection().isOpen()
                && e.connection().peer().equals(peer));
    }

    /** Closes connections never bound in time and forgets closed ones. */
    void expire(long now) {
        byId.values().removeIf(e -> {
            boolean late = !e.bound() && e.bindBy() <= now;
            if (late) {
                e.connection().close();
            }
            return late || !e.connection().isOpen();
        });
    }

    /** Closes every connection of an allocation that ends (RFC 6062 s5: they end with it). */
    void closeOf(Allocation allocation) {
        byId.values().removeIf(e -> {
            if (e.allocation() != allocation) {
                return false;
            }
            e.connection().close();
            return true;
        });
    }

    int size() {
        return byId.size();
    }
}
