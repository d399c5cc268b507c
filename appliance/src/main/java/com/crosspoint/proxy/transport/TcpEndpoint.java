package com.crosspoint.proxy.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP over TCP, or over TLS ({@link #openTls}): one selector thread accepts, connects, reads, frames by
 * Content-Length and hands each message to the handler on that thread. Connections are kept by the peer's address,
 * so requests and responses to a peer reuse the connection it opened (RFC 3261 §18.2.2, §18.1.1). Limits:
 * {@link StreamLimits}, and for TLS {@link TlsSettings}. A TLS endpoint opens connections itself only with a
 * {@link TlsClient} (the trust to check servers' certificates against); without one it sends only over connections
 * its peers opened. With a client and no listener settings it listens nowhere and only connects (to carriers).
 */
public final class TcpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpEndpoint.class);

    /** Null for an endpoint that only connects. */
    private final ServerSocketChannel server;
    private final Selector selector;
    private final StreamLimits limits;
    private final MessageHandler handler;
    private final InputWatch watch = new InputWatch(System.nanoTime());
    /** Null for plain TCP and for an endpoint that only connects over TLS. */
    private final TlsSettings tls;
    /** Null unless this endpoint opens TLS connections. */
    private final TlsClient client;
    private final boolean secure;
    private final Map<InetAddress, Integer> perSource = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, TcpConnection> connections = new ConcurrentHashMap<>();
    private final Queue<TcpConnection> toRegister = new ConcurrentLinkedQueue<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Thread loop;
    private volatile boolean running = true;
    private volatile ConnectFailureListener connectFailures = (to, at) -> { };

    private TcpEndpoint(ServerSocketChannel server, Selector selector, StreamLimits limits, MessageHandler handler,
            String name, TlsSettings tls, TlsClient client) {
        this.tls = tls;
        this.client = client;
        this.secure = tls != null || client != null;
        this.server = server;
        this.selector = selector;
        this.limits = limits;
        this.handler = handler;
        this.loop = new Thread(this::run, name + (secure ? "-tls" : "-tcp"));
        this.loop.setDaemon(true);
    }

    public static TcpEndpoint open(InetSocketAddress bind, StreamLimits limits, MessageHandler handler, String name) {
        return open(bind, limits, handler, name, null, null);
    }

    /** A TLS listener: as {@link #open}, each accepted connection wrapped in a server-side TLS session. */
    public static TcpEndpoint openTls(InetSocketAddress bind, StreamLimits limits, TlsSettings tls,
            MessageHandler handler, String name) {
        return open(bind, limits, handler, name, tls, null);
    }

    /**
     * TLS both ways or outbound only: a listener as {@link #openTls} when {@code tls} is set (else none, {@code bind}
     * unused), and connections of its own to whatever it is asked to send to, checked by {@code client}.
     */
    public static TcpEndpoint openTls(InetSocketAddress bind, StreamLimits limits, TlsSettings tls, TlsClient client,
            MessageHandler handler, String name) {
        return open(tls == null ? null : bind, limits, handler, name, tls, client);
    }

    private static TcpEndpoint open(InetSocketAddress bind, StreamLimits limits, MessageHandler handler, String name,
            TlsSettings tls, TlsClient client) {
        try {
            Selector selector = Selector.open();
            ServerSocketChannel server = null;
            if (bind != null) {
                server = ServerSocketChannel.open();
                server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                server.bind(bind, 1024);
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT);
            }
            TcpEndpoint endpoint = new TcpEndpoint(server, selector, limits, handler, name, tls, client);
            endpoint.loop.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + (tls == null ? "TCP " : "TLS ") + bind, e);
        }
    }

    /** Whether the loop keeps up with its connections (it finds none with input now and then): for the overload control. */
    public InputWatch watch() {
        return watch;
    }

    /** The listening address; null for an endpoint that only connects. */
    public InetSocketAddress localAddress() {
        if (server == null) {
            return null;
        }
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who hears that a connection this endpoint opened failed before it could carry a message. */
    public void onConnectFailure(ConnectFailureListener listener) {
        this.connectFailures = listener;
    }

    public int openConnections() {
        return open.get();
    }

    /** Whether this endpoint opens connections when it has none to a peer (TCP, and TLS with a client). */
    public boolean connects() {
        return !secure || client != null;
    }

    /** Whether a connection with this peer is open (a TLS endpoint without a client sends over nothing else). */
    public boolean hasConnection(InetSocketAddress peer) {
        TcpConnection c = connections.get(peer);
        return c != null && c.isOpen();
    }

    /**
     * Sends to a peer over its existing connection, or opens one (non-blocking; the bytes wait until it
     * is up). Returns false when no connection could be had.
     */
    public boolean send(InetSocketAddress to, byte[] bytes, int offset, int length) {
        TcpConnection c = connections.get(to);
        if (c == null || !c.isOpen()) {
            c = connect(to);
            if (c == null) {
                return false;
            }
        }
        return c.send(bytes, offset, length);
    }

    private TcpConnection connect(InetSocketAddress to) {
        if (!connects()) {
            return null; // see the class comment: TLS only over the peers' own connections
        }
        if (open.incrementAndGet() > limits.maxConnections()) {
            open.decrementAndGet();
            return null;
        }
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean done = channel.connect(to);
            TcpConnection c = new TcpConnection(channel, to, this, limits, done,
                    client == null ? null : new TlsSession(client.engine(to)), true);
            TcpConnection raced = connections.putIfAbsent(to, c);
            if (raced != null && raced.isOpen()) {
                open.decrementAndGet();
                channel.close();
                return raced;
            }
            connections.put(to, c);
            toRegister.add(c);
            selector.wakeup();
            return c;
        } catch (IOException e) {
            open.decrementAndGet();
            LOG.debug("TCP connect to {} failed: {}", to, e.toString());
            connectFailed(to);
            return null;
        }
    }

    private void run() {
        long idleNanos = limits.idleTimeout().toNanos();
        long nextSweep = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (running) {
            try {
                if (selector.selectNow() == 0) { // every connection read to its end
                    registerNew(); // selectNow took any wakeup meant for what queued: do it before waiting
                    watch.waiting(true, System.nanoTime());
                    try {
                        selector.select(1000);
                    } finally {
                        watch.waiting(false, System.nanoTime());
                    }
                }
                registerNew();
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                if (System.nanoTime() - nextSweep > 0) {
                    closeIdle(idleNanos);
                    nextSweep = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                }
            } catch (IOException | RuntimeException e) {
                if (running) {
                    LOG.error("TCP loop error", e);
                }
            }
        }
    }

    private void registerNew() {
        TcpConnection c;
        while ((c = toRegister.poll()) != null) {
            try {
                c.attach(c.channel().register(selector, 0, c));
            } catch (IOException e) {
                close(c);
            }
        }
    }

    private void handle(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            accept();
            return;
        }
        TcpConnection c = (TcpConnection) key.attachment();
        try {
            if (key.isConnectable()) {
                c.connected();
            }
            if (key.isValid() && key.isWritable()) {
                c.flush();
            }
            if (key.isValid() && key.isReadable()) {
                c.read(handler);
            }
        } catch (IOException e) {
            if (c.outbound() && !c.reachedPeer()) { // refused, a carrier's certificate refused, or no TLS there
                LOG.warn("{} connection to {} failed: {}", secure ? "TLS" : "TCP", c.remote(), e.getMessage());
            }
            close(c);
        }
    }

    private void accept() {
        try {
            SocketChannel channel;
            while ((channel = server.accept()) != null) {
                if (open.incrementAndGet() > limits.maxConnections()) {
                    open.decrementAndGet();
                    channel.close();
                    continue;
                }
                InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
                if (tls != null && perSource.merge(remote.getAddress(), 1, Integer::sum)
                        > tls.maxConnectionsPerSource()) {
                    release(remote, false);
                    channel.close();
                    continue;
                }
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                TcpConnection c = new TcpConnection(channel, remote, this, limits, true, session(remote), false);
                connections.put(remote, c);
                c.attach(channel.register(selector, SelectionKey.OP_READ, c));
            }
        } catch (IOException e) {
            LOG.debug("TCP accept failed: {}", e.toString());
        }
    }

    private TlsSession session(InetSocketAddress remote) {
        if (tls == null) {
            return null;
        }
        SSLEngine engine = tls.context().createSSLEngine(remote.getHostString(), remote.getPort());
        engine.setUseClientMode(false);
        return new TlsSession(engine);
    }

    /** One connection fewer (TLS counts those its peers opened per source). */
    private void release(InetSocketAddress remote, boolean outbound) {
        open.decrementAndGet();
        if (tls != null && !outbound) {
            perSource.computeIfPresent(remote.getAddress(), (a, n) -> n > 1 ? n - 1 : null);
        }
    }

    private void closeIdle(long idleNanos) {
        long now = System.nanoTime();
        long inbound = tls == null ? Long.MAX_VALUE : tls.handshakeTimeout().toNanos();
        long outbound = client == null ? Long.MAX_VALUE : client.handshakeTimeout().toNanos();
        for (TcpConnection c : connections.values()) {
            if (now - c.lastActivityNanos() > idleNanos
                    || c.handshakeOverdue(now, c.outbound() ? outbound : inbound)) {
                close(c);
            }
        }
    }

    void close(TcpConnection c) {
        c.markClosed();
        if (connections.remove(c.remote(), c)) {
            release(c.remote(), c.outbound());
            if (c.outbound() && !c.reachedPeer()) {
                connectFailed(c.remote()); // refused, handshake failed or overdue: what waited on it never left
            }
        }
        try {
            c.channel().close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", c.remote(), e.toString());
        }
    }

    private void connectFailed(InetSocketAddress to) {
        if (running) {
            connectFailures.connectFailed(new Destination(secure ? Transport.TLS : Transport.TCP, to),
                    System.nanoTime());
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            loop.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.values().forEach(this::close);
        try {
            if (server != null) {
                server.close();
            }
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing TCP endpoint: {}", e.toString());
        }
    }
}
