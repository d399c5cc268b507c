package com.crosspoint.relay.turn;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * An allocation's channel bindings (RFC 8656 s12), found by channel number (ChannelData from the client) and by peer
 * (datagrams from peers). Every relayed datagram looks one up, while ChannelBind changes them a few times per call:
 * so they are copy-on-write open-addressing tables. A look-up reads one volatile field and a few slots, and neither
 * boxes the channel number nor allocates; a change, under the lock, builds new tables. A channel number and a peer
 * are each in one binding at most.
 */
final class ChannelBindings {
    private static final Tables EMPTY = Tables.of(new ChannelBinding[0]);

    private volatile Tables tables = EMPTY;

    /** The binding of {@code channel}, expired or not, or null (no Optional: this runs for every datagram). */
    ChannelBinding byChannel(int channel) {
        ChannelBinding[] slots = tables.byChannel;
        int mask = slots.length - 1;
        for (int i = slot(channel, mask); ; i = (i + 1) & mask) { // at most half full: a null ends every probe
            ChannelBinding b = slots[i];
            if (b == null || b.channel() == channel) {
                return b;
            }
        }
    }

    /** The binding of {@code peer}, expired or not, or null. */
    ChannelBinding byPeer(InetSocketAddress peer) {
        ChannelBinding[] slots = tables.byPeer;
        int mask = slots.length - 1;
        for (int i = slot(peer.hashCode(), mask); ; i = (i + 1) & mask) {
            ChannelBinding b = slots[i];
            if (b == null || b.peer().equals(peer)) {
                return b;
            }
        }
    }

    /** Adds {@code binding}, replacing the binding of its channel number and the one of its peer, if any. */
    synchronized void bind(ChannelBinding binding) {
        List<ChannelBinding> kept = new ArrayList<>();
        for (ChannelBinding b : tables.all) {
            if (b.channel() != binding.channel() && !b.peer().equals(binding.peer())) {
                kept.add(b);
            }
        }
        kept.add(binding);
        tables = Tables.of(kept.toArray(new ChannelBinding[0]));
    }

    /** Drops the bindings that expired by {@code now}. */
    synchronized void expire(long now) {
        List<ChannelBinding> kept = new ArrayList<>();
        for (ChannelBinding b : tables.all) {
            if (b.expiresAt() > now) {
                kept.add(b);
            }
        }
        if (kept.size() < tables.all.length) { // most sweeps change nothing: keep the tables then
            tables = Tables.of(kept.toArray(new ChannelBinding[0]));
        }
    }

    int size() {
        return tables.all.length;
    }

    /** Spreads a hash over the slots (a Fibonacci multiplier: sequential channel numbers and ports stay apart). */
    private static int slot(int hash, int mask) {
        int h = hash * 0x9E3779B9;
        return (h ^ (h >>> 16)) & mask;
    }

    /** One immutable state: the bindings, and the same in two tables of at least twice as many slots. */
    private record Tables(ChannelBinding[] all, ChannelBinding[] byChannel, ChannelBinding[] byPeer) {
        static Tables of(ChannelBinding[] all) {
            int capacity = 2;
            while (capacity < 2 * all.length) {
                capacity <<= 1;
            }
            int mask = capacity - 1;
            ChannelBinding[] byChannel = new ChannelBinding[capacity];
            ChannelBinding[] byPeer = new ChannelBinding[capacity];
            for (ChannelBinding b : all) {
                int i = slot(b.channel(), mask);
                while (byChannel[i] != null) {
                    i = (i + 1) & mask;
                }
                byChannel[i] = b;
                int j = slot(b.peer().hashCode(), mask);
                while (byPeer[j] != null) {
                    j = (j + 1) & mask;
                }
                byPeer[j] = b;
            }
            return new Tables(all, byChannel, byPeer);
        }
    }
}
