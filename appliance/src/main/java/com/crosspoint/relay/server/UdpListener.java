package com.crosspoint.relay.server;

import com.crosspoint.relay.stun.BindingResponder;
import com.crosspoint.relay.turn.Allocation;
import com.crosspoint.relay.turn.ClientLink;
import com.crosspoint.relay.turn.FiveTuple;
import com.crosspoint.relay.turn.UdpAllocations;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening UDP socket of the STUN/TURN port (or, with a secondary address, one of RFC 5780's four). Reads up to
 * {@value #BURST} datagrams per wake-up, so one busy socket cannot starve the others of its loop.
 */
final class UdpListener implements IoLoop.Ready {
    private static final Logger LOG = LoggerFactory.getLogger(UdpListener.class);
    private static final int BURST = 64;

    private final DatagramChannel channel;
    private final InetSocketAddress local;
    private final BindingResponder.Sockets sockets;
    private final StunIngress ingress;
    private final Map<BindingResponder.Origin, DatagramChannel> origins;
    private final UdpAllocations allocations;
    /** One sender for every Binding answer, rather than a method reference made per datagram. */
    private final StunIngress.OriginSender answers = this::sendFrom;

    /**
     * @param local       the address clients reach this socket at (advertised address when bound to a wildcard)
     * @param origins     the sockets a CHANGE-REQUEST answer leaves from, by origin (empty without a second address)
     * @param allocations the UDP allocations whose server address is {@code local}
     */
    UdpListener(DatagramChannel channel, InetSocketAddress local, BindingResponder.Sockets sockets, StunIngress ingress,
                Map<BindingResponder.Origin, DatagramChannel> origins, UdpAllocations allocations) {
        this.channel = channel;
        this.local = local;
        this.sockets = sockets;
        this.ingress = ingress;
        this.origins = origins;
        this.allocations = allocations;
    }

    @Override
    public void onReady(SelectionKey key, ByteBuffer buffer) throws IOException {
        for (int i = 0; i < BURST; i++) {
            buffer.clear();
            InetSocketAddress source = (InetSocketAddress) channel.receive(buffer);
            if (source == null) {
                return;
            }
            // A client with an allocation already has its link (the one its Allocate came in on, this socket's): the
            // relayed data path builds no 5-tuple and no link. Other sources (Binding, a first Allocate) get new ones.
            Allocation allocation = allocations.find(source);
            ClientLink link = allocation != null ? allocation.client()
                    : new UdpClientLink(FiveTuple.udp(source, local), channel);
            ingress.onClientBytes(buffer.array(), 0, buffer.position(), link, sockets, answers);
        }
    }

    private void sendFrom(byte[] answer, BindingResponder.Origin origin, ClientLink link) {
        DatagramChannel from = origins.getOrDefault(origin, channel);
        try {
            from.send(ByteBuffer.wrap(answer), link.fiveTuple().client());
        } catch (IOException e) {
            LOG.debug("cannot answer {}: {}", link.fiveTuple().client(), e.getMessage());
        }
    }

    @Override
    public void onFailure(IOException e) {
        LOG.warn("STUN/TURN UDP socket {} failed: {}", local, e.getMessage());
    }
}
