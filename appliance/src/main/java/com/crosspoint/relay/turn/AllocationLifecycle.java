package com.crosspoint.relay.turn;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends allocations: deleted by a Refresh, expired, or their TCP connection gone. Frees the slot and the port. */
final class AllocationLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(AllocationLifecycle.class);
    private final TurnContext context;
    private final Reservations reservations;
    private final TcpConnections connections;

    AllocationLifecycle(TurnContext context, Reservations reservations, TcpConnections connections) {
        this.context = context;
        this.reservations = reservations;
        this.connections = connections;
    }

    void end(Allocation allocation) {
        if (!context.table().remove(allocation)) {
            return; // ended already
        }
        connections.closeOf(allocation);
        RelayEndpoint relay = allocation.relay();
        if (relay != null) {
            relay.close();
            context.ports().release(relay.port());
        }
        LOG.debug("TURN: ended {} ({} packets to peers, {} from peers)", allocation, allocation.packetsToPeers(),
                allocation.packetsFromPeers());
    }

    /** Ends expired allocations, drops expired permissions and channels of the others, frees unused reservations. */
    void sweep() {
        long now = context.now();
        reservations.expire(now).forEach(context.ports()::release);
        connections.expire(now);
        for (Allocation a : context.table().all()) {
            if (a.expiresAt() <= now) {
                end(a);
            } else {
                a.expireEntries(now);
            }
        }
    }
}
