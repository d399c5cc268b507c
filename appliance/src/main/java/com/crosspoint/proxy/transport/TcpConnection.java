package com.crosspoint.proxy.transport;

import com.crosspoint.proxy.wire.StreamFramer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One TCP connection (or TLS over it, when it has a {@link TlsSession}): its read buffer and framing, and the bytes
 * waiting to be written while the peer's window is full. Reads and framing run on the endpoint's selector thread only; {@link #send}
 * may be called from any thread (it writes at once when nothing is queued, without waiting).
 */
public final class TcpConnection {
    private final SocketChannel channel;
    private final InetSocketAddress remote;
    private final TcpEndpoint endpoint;
    private final StreamLimits limits;
    private final StreamFramer framer;
    private final Transport transport;
    /** Null for plain TCP. */
    private final TlsSession tls;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private final boolean outbound;
    /** Plaintext sent before the TLS handshake finished (an outbound connection's first request), in write mode. */
    private ByteBuffer early;
    private ByteBuffer in = ByteBuffer.allocate(4096);
    private int pendingBytes;
    private SelectionKey key;
    private boolean connected;
    private volatile boolean closed;
    private volatile long lastActivityNanos = System.nanoTime();

    TcpConnection(SocketChannel channel, InetSocketAddress remote, TcpEndpoint endpoint, StreamLimits limits,
            boolean connected, TlsSession tls, boolean outbound) {
        this.channel = channel;
        this.outbound = outbound;
        this.tls = tls;
        this.transport = tls == null ? Transport.TCP : Transport.TLS;
        this.remote = remote;
        this.endpoint = endpoint;
        this.limits = limits;
        this.framer = new StreamFramer(limits.maxMessageBytes());
        this.connected = connected;
    }

    public InetSocketAddress remote() {
        return remote;
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Whether this is plain TCP, or TLS with its handshake done. */
    boolean established() {
        return tls == null || tls.established();
    }

    /** Whether the connect finished and, for TLS, the handshake too: the connection can carry messages. */
    synchronized boolean reachedPeer() {
        return connected && established();
    }

    /** Whether this proxy opened the connection (else a peer did). */
    boolean outbound() {
        return outbound;
    }

    SocketChannel channel() {
        return channel;
    }

    synchronized void attach(SelectionKey selectionKey) {
        key = selectionKey;
        updateInterest();
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** Whether this is a TLS connection whose handshake has not finished since {@code sinceNanos} ago or longer. */
    boolean handshakeOverdue(long now, long limitNanos) {
        return tls != null && !tls.established() && now - tls.startedNanos() > limitNanos;
    }

    /** Selector thread: the connect finished. */
    synchronized void connected() throws IOException {
        channel.finishConnect();
        connected = true;
        flush();
    }

    /** Selector thread: reads what is there and hands each complete message to the handler. */
    void read(MessageHandler handler) throws IOException {
        int n = channel.read(tls == null ? in : tls.netIn());
        if (n < 0) {
            endpoint.close(this);
            return;
        }
        lastActivityNanos = System.nanoTime();
        if (tls == null) {
            frameAll(handler);
            return;
        }
        boolean progress = true;
        while (progress && !closed) {
            progress = tls.unwrapInto(in);
            if (tls.needsWrap() || (tls.established() && holdsEarly())) { // handshake records, or what waited for it
                sendHandshake();
                progress = true;
            }
            frameAll(handler);
        }
    }

    /** Hands each complete message in the read buffer to the handler and keeps the rest. */
    private void frameAll(MessageHandler handler) {
        byte[] b = in.array();
        int start = 0;
        while (true) {
            start += StreamFramer.leadingCrlf(b, start, in.position() - start);
            int length = framer.frame(b, start, in.position() - start);
            if (length == StreamFramer.BROKEN) {
                endpoint.close(this); // §18.3: the stream cannot be re-synchronised
                return;
            }
            if (length == StreamFramer.NEED_MORE) {
                break;
            }
            handler.onMessage(b, start, length, new Flow(transport, remote, this));
            start += length;
        }
        compact(start);
    }

    private void compact(int consumed) {
        in.limit(in.position()).position(consumed);
        in.compact();
        if (!in.hasRemaining()) {
            int grown = Math.min(in.capacity() * 2, limits.maxMessageBytes() + 4);
            if (grown <= in.capacity()) {
                endpoint.close(this);
                return;
            }
            ByteBuffer bigger = ByteBuffer.allocate(grown);
            in.flip();
            bigger.put(in);
            in = bigger;
        }
    }

    /**
     * Writes a message, queueing what the socket does not take now.
     *
     * @return false when the connection is closed or its queue overflowed (it is closed then)
     */
    public boolean send(byte[] bytes, int offset, int length) {
        return write(ByteBuffer.wrap(bytes, offset, length));
    }

    /** Selector thread: the TLS handshake's own records. */
    private void sendHandshake() throws IOException {
        if (!write(ByteBuffer.allocate(0))) {
            throw new IOException("TLS handshake could not be sent");
        }
    }

    private boolean write(ByteBuffer plaintext) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            lastActivityNanos = System.nanoTime();
            ByteBuffer out = plaintext;
            try {
                if (tls != null) {
                    out = wrap(plaintext);
                }
                if (connected && pending.isEmpty()) {
                    channel.write(out);
                }
            } catch (IOException e) {
                closed = true;
            }
            if (!closed && out.hasRemaining()) {
                if (pendingBytes + out.remaining() > limits.maxPendingBytes()) {
                    closed = true;
                } else {
                    ByteBuffer copy = ByteBuffer.allocate(out.remaining()).put(out).flip();
                    pending.add(copy);
                    pendingBytes += copy.remaining();
                    updateInterest();
                }
            }
        }
        if (closed) {
            endpoint.close(this);
            return false;
        }
        return true;
    }

    /**
     * Plaintext into TLS records. Before the handshake has finished nothing can be wrapped, so a message waits as
     * plaintext (bounded like the write queue) and the handshake's own records go out instead; the first wrap once
     * it has finished takes the waiting messages along.
     */
    private ByteBuffer wrap(ByteBuffer plaintext) throws IOException {
        ByteBuffer now = plaintext;
        if (!tls.established() && plaintext.hasRemaining()) {
            hold(plaintext);
            now = ByteBuffer.allocate(0);
        }
        ByteBuffer out = tls.wrap(now);
        if (early == null || !tls.established()) {
            return out;
        }
        ByteBuffer held = early.flip();
        early = null;
        ByteBuffer rest = tls.wrap(held);
        return ByteBuffer.allocate(out.remaining() + rest.remaining()).put(out).put(rest).flip();
    }

    private synchronized boolean holdsEarly() {
        return early != null;
    }

    private void hold(ByteBuffer plaintext) throws IOException {
        int waiting = early == null ? 0 : early.position();
        if (waiting + plaintext.remaining() > limits.maxPendingBytes()) {
            throw new IOException("too much waiting for the TLS handshake");
        }
        if (early == null || early.remaining() < plaintext.remaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(4096, 2 * (waiting + plaintext.remaining())));
            if (early != null) {
                bigger.put(early.flip());
            }
            early = bigger;
        }
        early.put(plaintext);
    }

    /** Selector thread: the socket can take more. */
    synchronized void flush() throws IOException {
        while (connected && !pending.isEmpty()) {
            ByteBuffer head = pending.peek();
            int before = head.remaining();
            channel.write(head);
            pendingBytes -= before - head.remaining();
            if (head.hasRemaining()) {
                break;
            }
            pending.poll();
        }
        updateInterest();
    }

    private void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = !connected ? SelectionKey.OP_CONNECT
                : SelectionKey.OP_READ | (pending.isEmpty() ? 0 : SelectionKey.OP_WRITE);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
            key.selector().wakeup();
        }
    }

    void markClosed() {
        closed = true;
    }
}
