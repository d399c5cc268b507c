package com.crosspoint.relay.turn;

import com.crosspoint.relay.stun.AddressCodec;
import com.crosspoint.relay.stun.AttributeType;
import com.crosspoint.relay.stun.ChannelData;
import com.crosspoint.relay.stun.StunAttribute;
import com.crosspoint.relay.stun.StunClass;
import com.crosspoint.relay.stun.StunMessage;
import com.crosspoint.relay.stun.StunMessageBuilder;
import com.crosspoint.relay.stun.StunMethod;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Relayed data both ways (RFC 8656 s11, s12.5): Send indications and ChannelData from the client go to the peer if a
 * permission for its IP is installed; datagrams from peers go to the client as ChannelData when a channel is bound to
 * the peer, else as a Data indication, and only from peers with a permission. Everything else is dropped silently
 * and counted, as the RFC says.
 */
final class PeerTraffic {
    private final TurnContext context;
    private final LongAdder dropped = new LongAdder();

    PeerTraffic(TurnContext context) {
        this.context = context;
    }

    /** A Send indication (s11.2). */
    void onSend(StunMessage indication, FiveTuple from) {
        Optional<Allocation> allocation = context.table().find(from);
        Optional<InetSocketAddress> peer = AddressCodec.read(indication, AttributeType.XOR_PEER_ADDRESS);
        Optional<StunAttribute> data = indication.attribute(AttributeType.DATA);
        if (allocation.isEmpty() || peer.isEmpty() || data.isEmpty()
                || !allocation.get().permits(peer.get().getAddress(), context.now())) {
            dropped.increment();
            return;
        }
        Allocation a = allocation.get();
        a.relay().send(indication.value(data.get()), 0, data.get().length(), peer.get());
        a.countToPeer();
    }

    /** A ChannelData message from the client (s12.5), {@code length} bytes at {@code offset}. */
    void onChannelData(byte[] frame, int offset, int length, FiveTuple from) {
        Allocation a = context.table().get(from);
        if (a == null || !ChannelData.wellFormed(frame, offset, length)) {
            dropped.increment();
            return;
        }
        long now = context.now();
        ChannelBinding binding = a.channel(ChannelData.channel(frame, offset), now);
        if (binding == null || !a.permits(binding.peer().getAddress(), now)) {
            dropped.increment();
            return;
        }
        a.relay().send(frame, offset + ChannelData.HEADER_BYTES, ChannelData.dataLength(frame, offset),
                binding.peer());
        a.countToPeer();
    }

    /** A datagram from a peer to the allocation's relay port. */
    void onPeerDatagram(Allocation a, InetSocketAddress peer, byte[] data, int offset, int length) {
        long now = context.now();
        if (!a.permits(peer.getAddress(), now) || a.expiresAt() <= now) {
            dropped.increment();
            return;
        }
        ChannelBinding binding = a.channelOf(peer, now);
        if (binding != null && offset >= ChannelData.HEADER_BYTES && !a.client().stream()) {
            // The transport left room before the data: the header goes there, nothing is copied (the hot path).
            ChannelData.writeHeader(data, offset - ChannelData.HEADER_BYTES, binding.channel(), length);
            a.client().send(data, offset - ChannelData.HEADER_BYTES, ChannelData.HEADER_BYTES + length);
        } else if (binding != null) {
            int padded = a.client().stream() ? (length + 3) & ~3 : length;
            byte[] frame = new byte[ChannelData.HEADER_BYTES + padded];
            ChannelData.writeHeader(frame, 0, binding.channel(), length);
            System.arraycopy(data, offset, frame, ChannelData.HEADER_BYTES, length);
            a.client().send(frame);
        } else {
            byte[] transaction = new byte[12];
            ThreadLocalRandom.current().nextBytes(transaction);
            byte[] payload = new byte[length];
            System.arraycopy(data, offset, payload, 0, length);
            a.client().send(new StunMessageBuilder(StunMethod.DATA, StunClass.INDICATION, transaction)
                    .addXorAddress(AttributeType.XOR_PEER_ADDRESS, peer)
                    .add(AttributeType.DATA, payload).build(false));
        }
        a.countFromPeer();
    }

    long dropped() {
        return dropped.sum();
    }
}
