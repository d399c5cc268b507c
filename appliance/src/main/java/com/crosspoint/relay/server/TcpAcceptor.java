package com.crosspoint.relay.server;

import com.crosspoint.relay.stun.BindingResponder;
import com.crosspoint.relay.turn.FiveTuple;
import com.crosspoint.relay.turn.TurnService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts TCP (or, with an {@link javax.net.ssl.SSLContext}, TLS) connections to the STUN/TURN port and spreads them
 * over the loops. At most {@code turn.tcpConnectionsPerSource} connections per source address and {@value #TOTAL} in
 * all; one over is closed as it is accepted. A connection idle for {@value #IDLE_SECONDS} s without an allocation is closed by {@link #closeIdle}.
 */
final class TcpAcceptor implements IoLoop.Ready {
    private static final Logger LOG = LoggerFactory.getLogger(TcpAcceptor.class);
    static final int TOTAL = 4096;
    static final int IDLE_SECONDS = 60;

    private final ServerSocketChannel server;
    private final InetSocketAddress local;
    private final List<IoLoop> loops;
    private final StunIngress ingress;
    private final TurnService turn;
    private final BindingResponder.Sockets sockets;
    private final RelayCounters counters;
    private final javax.net.ssl.SSLContext tls;
    private final int maxPerSource;
    private final Set<StreamConnection> open = ConcurrentHashMap.newKeySet();
    private final Map<InetAddress, AtomicInteger> perSource = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private int next;

    TcpAcceptor(ServerSocketChannel server, InetSocketAddress local, List<IoLoop> loops, StunIngress ingress,
                TurnService turn, BindingResponder.Sockets sockets, RelayCounters counters,
                javax.net.ssl.SSLContext tls, int perSource) {
        this.tls = tls;
        this.maxPerSource = perSource;
        this.server = server;
        this.local = local;
        this.loops = loops;
        this.ingress = ingress;
        this.turn = turn;
        this.sockets = sockets;
        this.counters = counters;
    }

    @Override
    public void onReady(SelectionKey key, ByteBuffer buffer) throws IOException {
        SocketChannel client;
        while ((client = server.accept()) != null) {
            InetSocketAddress remote = (InetSocketAddress) client.getRemoteAddress();
            AtomicInteger count = perSource.computeIfAbsent(remote.getAddress(), a -> new AtomicInteger());
            if (open.size() >= TOTAL || count.incrementAndGet() > maxPerSource) {
                count.decrementAndGet();
                counters.connectionsRefused.increment();
                client.close();
                continue;
            }
            client.socket().setTcpNoDelay(true);
            IoLoop loop = loops.get(next++ % loops.size());
            FiveTuple tuple = new FiveTuple(remote, local, tls == null ? FiveTuple.Transport.TCP
                    : FiveTuple.Transport.TLS, ids.incrementAndGet());
            StreamConnection connection = new StreamConnection(client, tuple, loop, ingress, sockets, counters,
                    this::closed, tls == null ? null : new TlsLayer(tls.createSSLEngine()));
            open.add(connection);
            connection.start();
        }
    }

    private void closed(StreamConnection connection) {
        if (open.remove(connection)) {
            perSource.computeIfPresent(connection.fiveTuple().client().getAddress(),
                    (a, n) -> n.decrementAndGet() <= 0 ? null : n);
            turn.onClientGone(connection.fiveTuple());
        }
    }

    /** Closes connections idle for too long that hold no allocation (called by the sweep). */
    void closeIdle(long now) {
        for (StreamConnection c : open) {
            if (now - c.lastActivity() > IDLE_SECONDS * 1000L && !c.spliced()
                    && turn.allocations().find(c.fiveTuple()).isEmpty()) {
                c.loop().execute(c::close);
            }
        }
    }


    int openConnections() {
        return open.size();
    }

    void closeAll() {
        for (StreamConnection c : open) {
            c.loop().execute(c::close);
        }
    }

    @Override
    public void onFailure(IOException e) {
        LOG.warn("STUN/TURN TCP listener {} failed: {}", local, e.getMessage());
    }
}
