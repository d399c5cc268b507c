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
 * {@link StreamLimits}, and for TLS {@link TlsSettings}. A TLS endpoint opens no connections itself: it has no
 * trust store to check a server's certificate against, so it sends only over connections its peers opened.
 */
public final class TcpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TcpEndpoint.class);

    private final ServerSocketChannel server;
    private final Selector selector;
    private final StreamLimits limits;
    private final MessageHandler handler;
    /** Null for plain TCP. */
    private final TlsSettings tls;
    private final Map<InetAddress, Integer> perSource = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, TcpConnection> connections = new ConcurrentHashMap<>();
    private final Queue<TcpConnection> toRegister = new ConcurrentLinkedQueue<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Thread loop;
    private volatile boolean running = true;

    private TcpEndpoint(ServerSocketChannel server, Selector selector, StreamLimits limits, MessageHandler handler,
            String name, TlsSettings tls) {
        this.tls = tls;
        this.server = server;
        this.selector = selector;
        this.limits = limits;
        this.handler = handler;
        this.loop = new Thread(this::run, name + (tls == null ? "-tcp" : "-tls"));
        this.loop.setDaemon(true);
    }

    public static TcpEndpoint open(InetSocketAddress bind, StreamLimits limits, MessageHandler handler, String name) {
        return open(bind, limits, handler, name, null);
    }

    /** A TLS listener: as {@link #open}, each accepted connection wrapped in a server-side TLS session. */
    public static TcpEndpoint openTls(InetSocketAddress bind, StreamLimits limits, TlsSettings tls,
            MessageHandler handler, String name) {
        return open(bind, limits, handler, name, tls);
    }

    private static TcpEndpoint open(InetSocketAddress bind, StreamLimits limits, MessageHandler handler, String name,
            TlsSettings tls) {
        try {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(bind, 1024);
            server.configureBlocking(false);
            Selector selector = Selector.open();
            server.register(selector, SelectionKey.OP_ACCEPT);
            TcpEndpoint endpoint = new TcpEndpoint(server, selector, limits, handler, name, tls);
            endpoint.loop.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + (tls == null ? "TCP " : "TLS ") + bind, e);
        }
    }

    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) server.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int openConnections() {
        return open.get();
    }

    /** Whether a connection with this peer is open (a TLS endpoint sends over nothing else). */
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
        if (tls != null) {
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
            TcpConnection c = new TcpConnection(channel, to, this, limits, done, null);
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
            return null;
        }
    }

    private void run() {
        long idleNanos = limits.idleTimeout().toNanos();
        long nextSweep = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (running) {
            try {
                selector.select(1000);
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
                    release(remote);
                    channel.close();
                    continue;
                }
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                TcpConnection c = new TcpConnection(channel, remote, this, limits, true, session(remote));
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

    /** One connection fewer from this source (TLS counts them per source). */
    private void release(InetSocketAddress remote) {
        open.decrementAndGet();
        if (tls != null) {
            perSource.computeIfPresent(remote.getAddress(), (a, n) -> n > 1 ? n - 1 : null);
        }
    }

    private void closeIdle(long idleNanos) {
        long now = System.nanoTime();
        long handshakeNanos = tls == null ? Long.MAX_VALUE : tls.handshakeTimeout().toNanos();
        for (TcpConnection c : connections.values()) {
            if (now - c.lastActivityNanos() > idleNanos || c.handshakeOverdue(now, handshakeNanos)) {
                close(c);
            }
        }
    }

    void close(TcpConnection c) {
        c.markClosed();
        if (connections.remove(c.remote(), c)) {
            release(c.remote());
        }
        try {
            c.channel().close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", c.remote(), e.toString());
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
            server.close();
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing TCP endpoint: {}", e.toString());
        }
    }
}
