package com.crosspoint.relay.server;

import com.crosspoint.relay.stun.BindingResponder;
import com.crosspoint.relay.turn.AllocationTable;
import com.crosspoint.relay.turn.RelayPorts;
import com.crosspoint.relay.turn.TurnContext;
import com.crosspoint.relay.turn.TurnService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The STUN/TURN server: its listening sockets (UDP and TCP on {@code turn.port}, TLS on {@code turn.tls.port} with a
 * keystore; with {@code nat.secondaryAddress}
 * RFC 5780's four UDP sockets), {@code turn.ioThreads} NIO loops that read every socket, relay sockets included, and
 * a once-a-second sweep of expired allocations, permissions, channels and idle connections.
 */
public final class RelayServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayServer.class);
    private static final int LISTEN_BUFFER = 4 * 1024 * 1024;
    private static final int MAX_TRACKED_SOURCES = 100_000;

    private final List<IoLoop> loops = new ArrayList<>();
    private static final int FREE_PORT_ATTEMPTS = 10;
    private final List<AutoCloseable> sockets = new ArrayList<>();
    private final RelayCounters counters = new RelayCounters();
    private final RelaySettings settings;
    private TurnService turn;
    private TcpAcceptor tcp;
    private SourceRateLimit limit;
    private TcpAcceptor tls;
    private int tlsPort = -1;
    private ScheduledFuture<?> sweep;
    private int port;

    private RelayServer(RelaySettings settings) {
        this.settings = settings;
    }

    /**
     * Binds the ports and starts the loops on {@code io} (which must have {@code turn.ioThreads} threads) and the
     * sweep on {@code timers}.
     *
     * @throws UncheckedIOException when a port cannot be bound
     */
    public static RelayServer start(RelaySettings settings, ExecutorService io, ScheduledExecutorService timers) {
        // Port 0 takes the UDP port the kernel gives and then needs TCP on the same number, which another process
        // may hold: try again with another port a few times (tests on one machine start many servers at once).
        int attempts = settings.turn().port() == 0 ? FREE_PORT_ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            RelayServer server = new RelayServer(settings);
            try {
                server.open(io, timers);
                return server;
            } catch (BindException e) {
                server.close();
                if (attempt >= attempts) {
                    throw new UncheckedIOException("cannot open the STUN/TURN port " + settings.turn().port(), e);
                }
            } catch (IOException e) {
                server.close();
                throw new UncheckedIOException("cannot open the STUN/TURN port " + settings.turn().port(), e);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }
    }

    private void open(ExecutorService io, ScheduledExecutorService timers) throws IOException {
        var t = settings.turn();
        for (int i = 0; i < t.ioThreads(); i++) {
            IoLoop loop = new IoLoop();
            loops.add(loop);
            io.execute(loop);
        }
        TurnService[] self = new TurnService[1];
        UdpRelays relays = new UdpRelays(settings.bind(), settings.relayedHost(), loops, () -> self[0]);
        TcpRelaySockets tcpRelays = new TcpRelaySockets(settings.bind(), loops, () -> self[0], timers);
        TurnContext context = new TurnContext(t, new AllocationTable(t.quotas().perUser(), t.quotas().perTenant(),
                t.quotas().total()), new RelayPorts(t.relayPortMin(), t.relayPortMax()), relays, tcpRelays,
                settings.policy(), settings.auth(), settings.clock(), settings.relayedHost());
        turn = new TurnService(context);
        self[0] = turn;
        limit = new SourceRateLimit(t.requestsPerSecondPerSource(), MAX_TRACKED_SOURCES, settings.clock()::millis);
        StunIngress ingress = new StunIngress(new BindingResponder(t.software()), turn, limit, counters);

        DatagramChannel primary = udp(settings.bind(), t.port());
        port = ((InetSocketAddress) primary.getLocalAddress()).getPort();
        InetSocketAddress reached = new InetSocketAddress(settings.advertised(), port);
        Optional<InetSocketAddress> other = settings.nat().secondaryAddress()
                .map(ip -> new InetSocketAddress(literal(ip), port + 1));
        BindingResponder.Sockets primarySockets = new BindingResponder.Sockets(reached, other);
        Map<InetSocketAddress, DatagramChannel> all = new java.util.HashMap<>();
        all.put(reached, primary);
        if (other.isPresent()) {
            InetAddress otherIp = other.get().getAddress();
            all.put(new InetSocketAddress(reached.getAddress(), port + 1), udp(settings.bind(), port + 1));
            all.put(new InetSocketAddress(otherIp, port), udp(otherIp, port));
            all.put(other.get(), udp(otherIp, port + 1));
        }
        for (var e : all.entrySet()) {
            InetSocketAddress local = e.getKey();
            // RFC 5780: each socket's "other address" differs from it in both IP and port.
            Optional<InetSocketAddress> itsOther = other.map(o -> new InetSocketAddress(
                    local.getAddress().equals(reached.getAddress()) ? o.getAddress() : reached.getAddress(),
                    local.getPort() == port ? port + 1 : port));
            loops.get(0).register(e.getValue(), SelectionKey.OP_READ, new UdpListener(e.getValue(), local,
                    new BindingResponder.Sockets(local, itsOther), ingress, originsOf(local, itsOther, all),
                    turn.allocations().udpAt(local)));
        }

        ServerSocketChannel server = ServerSocketChannel.open();
        sockets.add(server);
        server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        server.bind(new InetSocketAddress(settings.bind(), port), 256);
        tcp = new TcpAcceptor(server, reached, loops, ingress, turn, primarySockets, counters, null,
                t.tcpConnectionsPerSource());
        loops.get(0).register(server, SelectionKey.OP_ACCEPT, tcp);
        if (t.tls().enabled()) {
            ServerSocketChannel secure = ServerSocketChannel.open();
            sockets.add(secure);
            secure.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            secure.bind(new InetSocketAddress(settings.bind(), t.tls().port()), 256);
            tlsPort = ((InetSocketAddress) secure.getLocalAddress()).getPort();
            InetSocketAddress secureLocal = new InetSocketAddress(settings.advertised(), tlsPort);
            tls = new TcpAcceptor(secure, secureLocal, loops, ingress, turn,
                    new BindingResponder.Sockets(secureLocal, Optional.empty()), counters, TlsContexts.of(t.tls()),
                    t.tcpConnectionsPerSource());
            loops.get(0).register(secure, SelectionKey.OP_ACCEPT, tls);
        }

        sweep = timers.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        LOG.info("STUN/TURN listening on {}:{} (UDP, TCP{}), relay ports {}..{}{}", settings.bind().getHostAddress(),
                port, tlsPort < 0 ? "" : "; TLS " + tlsPort, t.relayPortMin(), t.relayPortMax(),
                other.map(o -> ", RFC 5780 other address " + o).orElse(""));
    }

    /** The sockets a CHANGE-REQUEST answer leaves from, seen from the socket at {@code local}. */
    private static Map<BindingResponder.Origin, DatagramChannel> originsOf(InetSocketAddress local,
            Optional<InetSocketAddress> other, Map<InetSocketAddress, DatagramChannel> all) {
        Map<BindingResponder.Origin, DatagramChannel> origins = new EnumMap<>(BindingResponder.Origin.class);
        other.ifPresent(o -> {
            origins.put(BindingResponder.Origin.CHANGE_PORT, all.get(new InetSocketAddress(local.getAddress(), o.getPort())));
            origins.put(BindingResponder.Origin.CHANGE_IP, all.get(new InetSocketAddress(o.getAddress(), local.getPort())));
            origins.put(BindingResponder.Origin.CHANGE_BOTH, all.get(o));
        });
        return origins;
    }

    private DatagramChannel udp(InetAddress address, int port) throws IOException {
        DatagramChannel channel = UdpSockets.listening(address);
        sockets.add(channel);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, LISTEN_BUFFER);
        channel.setOption(StandardSocketOptions.SO_SNDBUF, LISTEN_BUFFER);
        channel.bind(new InetSocketAddress(address, port));
        return channel;
    }

    private static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip); // validated IP literal: no look-up
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + ip, e);
        }
    }

    private void sweep() {
        try {
            turn.sweep();
            tcp.closeIdle(System.currentTimeMillis());
            if (tls != null) {
                tls.closeIdle(System.currentTimeMillis());
            }
        } catch (RuntimeException e) {
            LOG.warn("STUN/TURN sweep failed", e);
        }
    }

    /** The UDP/TCP port bound (differs from the setting when that was 0). */
    public int port() {
        return port;
    }

    public TurnService turn() {
        return turn;
    }

    public RelayCounters counters() {
        return counters;
    }

    /** STUN requests on the TURN ports left unanswered by the per-source limit. */
    public long requestsRefused() {
        return limit == null ? 0 : limit.refused();
    }

    /** The TLS port bound, or -1 without {@code turn.tls.keystore}. */
    public int tlsPort() {
        return tlsPort;
    }

    /** Open TCP and TLS connections. */
    public int openConnections() {
        return (tcp == null ? 0 : tcp.openConnections()) + (tls == null ? 0 : tls.openConnections());
    }

    @Override
    public void close() {
        if (sweep != null) {
            sweep.cancel(false);
        }
        if (turn != null) {
            turn.endAll();
        }
        if (tcp != null) {
            tcp.closeAll();
        }
        if (tls != null) {
            tls.closeAll();
        }
        for (AutoCloseable s : sockets) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("closing a STUN/TURN socket: {}", e.getMessage());
            }
        }
        loops.forEach(IoLoop::close);
    }
}
