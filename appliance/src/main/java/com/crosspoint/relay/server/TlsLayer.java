package com.crosspoint.relay.server;

import java.nio.ByteBuffer;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * TLS between a connection's socket and its STUN framing (TURN over TLS, RFC 8656 s3.1): records read from the socket
 * are unwrapped into plaintext, plaintext to send is wrapped into records, and the handshake's own records go out
 * through the same path. Not thread-safe: {@link #unwrap} runs on the connection's loop, {@link #wrap} under the
 * connection's output lock (the engine allows one wrap and one unwrap at a time, concurrently).
 */
final class TlsLayer {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private final SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private boolean closed;

    TlsLayer(SSLEngine engine) throws SSLException {
        this.engine = engine;
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"}); // 1.0 and 1.1 are broken: refused
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        engine.beginHandshake();
    }

    boolean closed() {
        return closed;
    }

    /**
     * Takes {@code n} bytes read from the socket; returns the plaintext they completed (maybe none). Handshake
     * records to send go to {@code toSocket}, which must serialise with {@link #wrap}.
     */
    byte[] unwrap(byte[] data, int n, Consumer<Runnable> underOutputLock, Consumer<ByteBuffer> toSocket)
            throws SSLException {
        if (netIn.remaining() < n) {
            ByteBuffer bigger = ByteBuffer.allocate(netIn.position() + n + engine.getSession().getPacketBufferSize());
            netIn.flip();
            netIn = bigger.put(netIn);
        }
        netIn.put(data, 0, n).flip();
        try {
            while (!closed) {
                SSLEngineResult.HandshakeStatus hs = engine.getHandshakeStatus();
                if (hs == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                    Runnable task;
                    while ((task = engine.getDelegatedTask()) != null) {
                        task.run();
                    }
                } else if (hs == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                    SSLException[] failed = new SSLException[1];
                    underOutputLock.accept(() -> {
                        try {
                            toSocket.accept(wrap(EMPTY));
                        } catch (SSLException e) {
                            failed[0] = e;
                        }
                    });
                    if (failed[0] != null) {
                        throw failed[0];
                    }
                } else if (!unwrapOnce()) {
                    break;
                }
            }
        } finally {
            netIn.compact();
        }
        appIn.flip();
        byte[] plain = new byte[appIn.remaining()];
        appIn.get(plain).clear();
        return plain;
    }

    /** One unwrap step; false when more bytes from the socket are needed. */
    private boolean unwrapOnce() throws SSLException {
        if (!netIn.hasRemaining()) {
            return false;
        }
        SSLEngineResult r = engine.unwrap(netIn, appIn);
        switch (r.getStatus()) {
            case BUFFER_UNDERFLOW:
                return false;
            case BUFFER_OVERFLOW:
                ByteBuffer bigger = ByteBuffer.allocate(appIn.capacity() + engine.getSession().getApplicationBufferSize());
                appIn.flip();
                appIn = bigger.put(appIn);
                return true;
            case CLOSED:
                closed = true;
                return false;
            default:
                SSLEngineResult.HandshakeStatus next = r.getHandshakeStatus();
                return r.bytesConsumed() > 0 || r.bytesProduced() > 0
                        || next == SSLEngineResult.HandshakeStatus.NEED_TASK
                        || next == SSLEngineResult.HandshakeStatus.NEED_WRAP;
        }
    }

    /** Wraps plaintext into records, ready to write. */
    ByteBuffer wrap(ByteBuffer plain) throws SSLException {
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize()
                * (1 + plain.remaining() / engine.getSession().getApplicationBufferSize() + 1));
        do {
            SSLEngineResult r = engine.wrap(plain, out);
            if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                ByteBuffer bigger = ByteBuffer.allocate(out.capacity() * 2);
                out.flip();
                out = bigger.put(out);
            } else if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                closed = true;
                break;
            } else if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                break;
            }
        } while (plain.hasRemaining());
        return out.flip();
    }
}
