package com.crosspoint.proxy.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * The TLS layer of one stream connection (JDK {@link SSLEngine}, server side): ciphertext read from the socket goes
 * in through {@link #netIn()}, plaintext comes out through {@link #unwrapInto}; {@link #wrap} turns plaintext (or,
 * during the handshake, nothing) into the records to write. Unwrapping runs on the selector thread only; the caller
 * serialises wraps (the connection's lock), as the handshake's own records and messages may be wrapped on any thread.
 */
final class TlsSession {
    private final SSLEngine engine;
    private final ByteBuffer netIn;
    /** Plaintext unwrapped but not yet taken (it did not fit the connection's buffer); kept in read mode. */
    private final ByteBuffer plain;
    private final long startedNanos = System.nanoTime();
    private volatile boolean established;

    TlsSession(SSLEngine engine) {
        this.engine = engine;
        this.netIn = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        this.plain = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
    }

    /** Where the selector reads ciphertext to (write mode). */
    ByteBuffer netIn() {
        return netIn;
    }

    boolean established() {
        return established;
    }

    long startedNanos() {
        return startedNanos;
    }

    /** Whether the engine wants to send handshake records before it can go on. */
    boolean needsWrap() {
        return engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP;
    }

    /**
     * Moves plaintext into {@code into} (write mode) as far as it fits, unwrapping records as needed.
     *
     * @return true when anything moved or the handshake stepped on, false when more ciphertext is needed
     * @throws IOException when the peer sent something that is not TLS, or closed the session
     */
    boolean unwrapInto(ByteBuffer into) throws IOException {
        if (plain.hasRemaining()) {
            return moveTo(into);
        }
        runTasks();
        if (needsWrap()) {
            return false; // the caller wraps the handshake records first
        }
        netIn.flip();
        SSLEngineResult result;
        try {
            plain.compact();
            result = engine.unwrap(netIn, plain);
        } catch (SSLException e) {
            throw new IOException("TLS: " + e.getMessage(), e);
        } finally {
            plain.flip();
            netIn.compact();
        }
        switch (result.getStatus()) {
            case CLOSED -> throw new IOException("TLS session closed by the peer");
            case BUFFER_OVERFLOW -> throw new IOException("TLS record larger than the session allows");
            case BUFFER_UNDERFLOW -> {
                if (!netIn.hasRemaining()) {
                    throw new IOException("TLS record larger than the packet buffer");
                }
                return false;
            }
            default -> {
                noteFinished(result);
                established |= result.bytesProduced() > 0; // plaintext flows only once the handshake is done
                runTasks();
                return moveTo(into) || result.bytesConsumed() > 0;
            }
        }
    }

    /**
     * Wraps {@code plaintext} (may be empty: handshake records only) into the TLS records to write.
     *
     * @throws IOException when the session cannot send (closed, or still handshaking while data waits)
     */
    ByteBuffer wrap(ByteBuffer plaintext) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        do {
            if (out.remaining() < engine.getSession().getPacketBufferSize()) {
                out = ByteBuffer.allocate(out.capacity() * 2).put(out.flip());
            }
            SSLEngineResult result;
            try {
                result = engine.wrap(plaintext, out);
            } catch (SSLException e) {
                throw new IOException("TLS: " + e.getMessage(), e);
            }
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new IOException("TLS session closed");
            }
            noteFinished(result);
            runTasks();
            if (result.bytesProduced() == 0 && result.bytesConsumed() == 0 && !needsWrap()) {
                if (plaintext.hasRemaining()) {
                    throw new IOException("TLS handshake not finished: nothing can be sent yet");
                }
                break;
            }
        } while (plaintext.hasRemaining() || needsWrap());
        return out.flip();
    }

    private boolean moveTo(ByteBuffer into) {
        int n = Math.min(plain.remaining(), into.remaining());
        if (n == 0) {
            return false;
        }
        int limit = plain.limit();
        plain.limit(plain.position() + n);
        into.put(plain);
        plain.limit(limit);
        return true;
    }

    private void noteFinished(SSLEngineResult result) {
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            established = true;
        }
    }

    /** Runs the handshake's delegated work here: a bounded bit of CPU, and it keeps the loop single-threaded. */
    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }
}
