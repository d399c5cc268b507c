package com.crosspoint.relay.server;

import com.crosspoint.relay.turn.Allocation;
import com.crosspoint.relay.turn.ClientLink;
import com.crosspoint.relay.turn.PeerConnection;
import com.crosspoint.relay.turn.RelayEndpoint;
import com.crosspoint.relay.turn.TcpRelays;
import com.crosspoint.relay.turn.TurnService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP relays (RFC 6062) on the loops: a listening socket on the relay port of each TCP allocation, connections out
 * from that same port (SO_REUSEPORT, so the peer sees the relayed address), and the splice of a peer connection
 * with the client's data connection. A connect that has not succeeded in {@value #CONNECT_SECONDS} s fails (447).
 */
final class TcpRelaySockets implements TcpRelays {
    private static final Logger LOG = LoggerFactory.getLogger(TcpRelaySockets.class);
    static final int CONNECT_SECONDS = 30;

    private final InetAddress bind;
    private final List<IoLoop> loops;
    private final Supplier<TurnService> turn;
    private final ScheduledExecutorService timers;
    private final AtomicInteger next = new AtomicInteger();

    TcpRelaySockets(InetAddress bind, List<IoLoop> loops, Supplier<TurnService> turn, ScheduledExecutorService timers) {
        this.bind = bind;
        this.loops = loops;
        this.turn = turn;
        this.timers = timers;
    }

    @Override
    public Optional<RelayEndpoint> listen(int port, Allocation allocation) {
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open();
            reusePort(server);
            server.bind(new InetSocketAddress(bind, port), 64);
        } catch (IOException e) {
            closeQuietly(server);
            return Optional.empty();
        }
        IoLoop loop = nextLoop();
        Listener listener = new Listener(server, port, loop, allocation);
        loop.register(server, SelectionKey.OP_ACCEPT, listener);
        return Optional.of(listener);
    }

    @Override
    public void connect(Allocation allocation, InetSocketAddress peer, Consumer<Optional<PeerConnection>> done) {
        AtomicBoolean settled = new AtomicBoolean();
        SocketChannel channel;
        try {
            channel = SocketChannel.open();
            reusePort(channel);
            channel.bind(new InetSocketAddress(bind, allocation.relayedAddress().getPort()));
            channel.configureBlocking(false);
            channel.connect(peer);
        } catch (IOException | RuntimeException e) {
            LOG.debug("TCP relay: cannot connect to {}: {}", peer, e.getMessage());
            done.accept(Optional.empty());
            return;
        }
        PeerSocket socket = new PeerSocket(channel, peer);
        IoLoop loop = nextLoop();
        loop.register(channel, SelectionKey.OP_CONNECT, new IoLoop.Ready() {
            @Override
            public void onReady(SelectionKey key, ByteBuffer buffer) throws IOException {
                if (key.isConnectable() && channel.finishConnect() && settled.compareAndSet(false, true)) {
                    key.interestOps(0);
                    socket.connectedWith(key);
                    done.accept(Optional.of(socket));
                }
            }

            @Override
            public void onFailure(IOException e) {
                socket.close();
                if (settled.compareAndSet(false, true)) {
                    done.accept(Optional.empty());
                }
            }
        });
        timers.schedule(() -> loop.execute(() -> {
            if (settled.compareAndSet(false, true)) {
                socket.close();
                done.accept(Optional.empty());
            }
        }), CONNECT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void splice(ClientLink dataConnection, PeerConnection peer) {
        if (dataConnection instanceof StreamConnection connection && peer instanceof PeerSocket socket) {
            connection.spliceTo(socket);
        } else {
            peer.close();
        }
    }

    private IoLoop nextLoop() {
        return loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
    }

    private static void reusePort(NetworkChannel channel) throws IOException {
        channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        if (channel.supportedOptions().contains(StandardSocketOptions.SO_REUSEPORT)) {
            channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing a TCP relay socket: {}", e.getMessage());
            }
        }
    }

    /** A TCP allocation's relay port: peers connect in here. */
    private final class Listener implements RelayEndpoint, IoLoop.Ready {
        private final ServerSocketChannel server;
        private final int port;
        private final IoLoop loop;
        private final Allocation allocation;

        Listener(ServerSocketChannel server, int port, IoLoop loop, Allocation allocation) {
            this.server = server;
            this.port = port;
            this.loop = loop;
            this.allocation = allocation;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public void send(byte[] data, int offset, int length, InetSocketAddress peer) {
            // A TCP relay carries data only on spliced connections (RFC 6062); Send and ChannelData do not apply.
        }

        @Override
        public void onReady(SelectionKey key, ByteBuffer buffer) throws IOException {
            SocketChannel peer;
            while ((peer = server.accept()) != null) {
                peer.configureBlocking(false);
                turn.get().onPeerConnected(allocation, new PeerSocket(peer, (InetSocketAddress) peer.getRemoteAddress()));
            }
        }

        @Override
        public void onFailure(IOException e) {
            LOG.debug("TCP relay port {} failed: {}", port, e.getMessage());
        }

        @Override
        public void close() {
            loop.execute(() -> {
                var key = server.keyFor(loop.selector());
                if (key != null) {
                    key.cancel();
                }
                closeQuietly(server);
            });
        }
    }
}
