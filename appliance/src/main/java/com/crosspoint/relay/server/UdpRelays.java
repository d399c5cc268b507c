package com.crosspoint.relay.server;

import com.crosspoint.relay.stun.ChannelData;
import com.crosspoint.relay.turn.Allocation;
import com.crosspoint.relay.turn.RelayEndpoint;
import com.crosspoint.relay.turn.RelayEndpoints;
import com.crosspoint.relay.turn.TurnService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens allocations' relay sockets: a UDP socket per allocation on the bind address, read by one of the loops
 * (round robin), so no thread is tied to an allocation. Datagrams from peers go to {@link TurnService#onPeerDatagram}.
 */
final class UdpRelays implements RelayEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(UdpRelays.class);
    private static final int BURST = 64;
    private static final int SOCKET_BUFFER = 256 * 1024;

    private final InetAddress bind;
    private final InetAddress relayedHost;
    private final List<IoLoop> loops;
    private final Supplier<TurnService> turn;
    private final AtomicInteger next = new AtomicInteger();

    UdpRelays(InetAddress bind, InetAddress relayedHost, List<IoLoop> loops, Supplier<TurnService> turn) {
        this.bind = bind;
        this.relayedHost = relayedHost;
        this.loops = loops;
        this.turn = turn;
    }

    @Override
    public Optional<RelayEndpoint> open(int port, Allocation allocation) {
        DatagramChannel channel = null;
        try {
            channel = UdpSockets.relay(bind, relayedHost);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
            channel.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            closeQuietly(channel);
            return Optional.empty();
        }
        IoLoop loop = loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
        Endpoint endpoint = new Endpoint(channel, port, loop, allocation, turn.get());
        loop.register(channel, SelectionKey.OP_READ, endpoint);
        return Optional.of(endpoint);
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing a relay socket: {}", e.getMessage());
            }
        }
    }

    /** One allocation's relay socket. */
    private static final class Endpoint implements RelayEndpoint, IoLoop.Ready {
        private final DatagramChannel channel;
        private final int port;
        private final IoLoop loop;
        private final Allocation allocation;
        private final TurnService turn;

        Endpoint(DatagramChannel channel, int port, IoLoop loop, Allocation allocation, TurnService turn) {
            this.channel = channel;
            this.port = port;
            this.loop = loop;
            this.allocation = allocation;
            this.turn = turn;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public void send(byte[] data, int offset, int length, InetSocketAddress peer) {
            try {
                channel.send(ByteBuffer.wrap(data, offset, length), peer);
            } catch (IOException e) {
                LOG.debug("relay {} cannot send to {}: {}", port, peer, e.getMessage());
            }
        }

        @Override
        public void onReady(SelectionKey key, ByteBuffer buffer) throws IOException {
            for (int i = 0; i < BURST; i++) {
                // Read behind a gap the size of a ChannelData header, so the frame to the client is built in place.
                buffer.clear().position(ChannelData.HEADER_BYTES);
                InetSocketAddress peer = (InetSocketAddress) channel.receive(buffer);
                if (peer == null) {
                    return;
                }
                turn.onPeerDatagram(allocation, peer, buffer.array(), ChannelData.HEADER_BYTES,
                        buffer.position() - ChannelData.HEADER_BYTES);
            }
        }

        @Override
        public void onFailure(IOException e) {
            LOG.debug("relay socket {} failed: {}", port, e.getMessage());
        }

        /** Closed on its loop, so the selector lets go of it before the port is drawn again. */
        @Override
        public void close() {
            loop.execute(() -> {
                var key = channel.keyFor(loopSelectorOf());
                if (key != null) {
                    key.cancel();
                }
                closeQuietly(channel);
            });
        }

        private java.nio.channels.Selector loopSelectorOf() {
            return loop.selector();
        }
    }
}
