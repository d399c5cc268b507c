package com.crosspoint.relay.server;

import com.crosspoint.relay.stun.BindingResponder;
import com.crosspoint.relay.stun.ChannelData;
import com.crosspoint.relay.stun.StunDecoder;
import com.crosspoint.relay.turn.ClientLink;
import com.crosspoint.relay.turn.FiveTuple;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's TCP or TLS connection to the STUN/TURN port (TLS through a {@link TlsLayer}): frames STUN messages (20-byte header and its length) and
 * ChannelData (RFC 8656 s12.5: padded to 4 bytes on streams) out of the byte stream; anything else ends the
 * connection, since the framing is lost. Output from any thread (relayed data comes from relay sockets' loops) goes
 * out at once when the socket takes it, else into a queue of at most {@value #MAX_QUEUED_BYTES} bytes; past that,
 * messages are dropped as a congested datagram path would.
 */
final class StreamConnection implements IoLoop.Ready, ClientLink {
    private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);
    private static final int MAX_QUEUED_BYTES = 256 * 1024;
    /** A spliced TCP relay (RFC 6062) stops reading one side while the other has this much queued. */
    static final int PIPE_HIGH_WATER = 256 * 1024;
    private static final int MAX_FRAME = 4 + 65_535 + 20;

    private final SocketChannel channel;
    private final FiveTuple fiveTuple;
    private final IoLoop loop;
    private final StunIngress ingress;
    private final BindingResponder.Sockets sockets;
    private final RelayCounters counters;
    private final Consumer<StreamConnection> onClose;
    private final TlsLayer tls;
    private byte[] input = new byte[2048];
    private int filled;
    private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
    private int queuedBytes;
    private volatile SelectionKey key;
    private volatile long lastActivity;
    private boolean closed;
    /** Once a ConnectionBind succeeded: the peer this connection's bytes go to, unframed. */
    private volatile PeerSocket pipe;

    StreamConnection(SocketChannel channel, FiveTuple fiveTuple, IoLoop loop, StunIngress ingress,
                     BindingResponder.Sockets sockets, RelayCounters counters, Consumer<StreamConnection> onClose,
                     TlsLayer tls) {
        this.tls = tls;
        this.channel = channel;
        this.fiveTuple = fiveTuple;
        this.loop = loop;
        this.ingress = ingress;
        this.sockets = sockets;
        this.counters = counters;
        this.onClose = onClose;
        this.lastActivity = System.currentTimeMillis();
    }

    @Override
    public FiveTuple fiveTuple() {
        return fiveTuple;
    }

    @Override
    public boolean stream() {
        return true;
    }

    /** Starts reading, on the loop's thread. */
    void start() {
        loop.register(channel, SelectionKey.OP_READ, this, registered -> this.key = registered);
    }

    IoLoop loop() {
        return loop;
    }

    /** Whether this is the data connection of a TCP relay (idle by the client's side is fine then). */
    boolean spliced() {
        return pipe != null;
    }

    long lastActivity() {
        return lastActivity;
    }

    @Override
    public void onReady(SelectionKey key, ByteBuffer buffer) throws IOException {
        if (key.isWritable()) {
            flush();
        }
        if (key.isValid() && key.isReadable()) {
            read(buffer);
        }
    }

    private void read(ByteBuffer buffer) throws IOException {
        buffer.clear();
        int n = channel.read(buffer);
        if (n < 0) {
            close();
            return;
        }
        lastActivity = System.currentTimeMillis();
        byte[] data = buffer.array();
        int length = n;
        if (tls != null) {
            data = tls.unwrap(buffer.array(), n, this::underOutputLock, out -> enqueueLocked(out, true));
            length = data.length;
            if (tls.closed()) {
                close();
                return;
            }
        }
        if (pipe != null) {
            forward(data, 0, length);
            return;
        }
        append(data, length);
        int at = 0;
        while (!closed) {
            int frame = frameLength(at);
            if (frame < 0 || filled - at < frame) {
                break;
            }
            ingress.onClientBytes(input, at, frame, this, sockets, (answer, origin, link) -> link.send(answer));
            at += frame;
            if (pipe != null) { // a ConnectionBind just made this a data connection: the rest is the peer's
                forward(input, at, filled - at);
                filled = 0;
                return;
            }
        }
        if (at > 0) {
            System.arraycopy(input, at, input, 0, filled - at);
            filled -= at;
        }
    }

    /** The length of the frame at {@code at}, -1 when its header is not all there yet; closes on garbage. */
    private int frameLength(int at) {
        int available = filled - at;
        if (available < 4) {
            return -1;
        }
        if (ChannelData.isChannelDataFirstByte(input[at])) {
            return ChannelData.streamFrameLength(input, at, available);
        }
        if (StunDecoder.isStunFirstByte(input[at])) {
            return StunDecoder.frameLength(input, at, available);
        }
        counters.notStun.increment();
        close();
        return -1;
    }

    private void append(byte[] data, int n) {
        if (filled + n > input.length) {
            input = Arrays.copyOf(input, Math.min(Math.max(input.length * 2, filled + n), MAX_FRAME * 2));
        }
        System.arraycopy(data, 0, input, filled, n);
        filled += n;
    }

    @Override
    public void send(byte[] data, int offset, int length) {
        synchronized (output) {
            if (closed) {
                return;
            }
            try {
                ByteBuffer plain = ByteBuffer.wrap(data, offset, length);
                enqueueLocked(tls == null ? plain : tls.wrap(plain), true);
            } catch (IOException e) {
                LOG.debug("TURN {} {} write failed: {}", fiveTuple.transport(), fiveTuple.client(), e.getMessage());
                loop.execute(this::close);
            }
        }
    }

    /** Makes this a data connection of a TCP relay (RFC 6062 ConnectionBind), on this connection's loop. */
    void spliceTo(PeerSocket peer) {
        try {
            peer.splice(this, loop);
            pipe = peer;
        } catch (IOException e) {
            LOG.debug("TURN {}: cannot splice to {}: {}", fiveTuple.client(), peer.peer(), e.getMessage());
            peer.close();
            close();
        }
    }

    /** Client bytes for the spliced peer; reading pauses while the peer's queue is full. */
    private void forward(byte[] data, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        pipe.write(data, offset, length);
        if (pipe.queuedBytes() > PIPE_HIGH_WATER && key != null && key.isValid()) {
            key.interestOps(key.interestOps() & ~SelectionKey.OP_READ);
        }
    }

    /** The spliced peer drained its queue: read the client again (on the shared loop). */
    void resumeReading() {
        if (key != null && key.isValid()) {
            key.interestOps(key.interestOps() | SelectionKey.OP_READ);
        }
    }

    /** Peer bytes for the client of a spliced relay: never dropped (the peer is paused instead). */
    void sendToClient(byte[] data, int offset, int length) {
        synchronized (output) {
            if (closed) {
                return;
            }
            try {
                ByteBuffer plain = ByteBuffer.wrap(data, offset, length);
                enqueueLocked(tls == null ? plain : tls.wrap(plain), false);
            } catch (IOException e) {
                loop.execute(this::close);
            }
        }
    }

    int queuedBytes() {
        synchronized (output) {
            return queuedBytes;
        }
    }

    private void underOutputLock(Runnable action) {
        synchronized (output) {
            action.run();
        }
    }

    /**
     * Writes what the socket takes now and queues the rest; past the bound a message is dropped when
     * {@code mayDrop} (STUN and ChannelData, like datagrams), else queued anyway (a spliced relay's byte stream, whose
     * writer is paused instead). The caller holds the output lock.
     */
    private void enqueueLocked(ByteBuffer out, boolean mayDrop) {
        try {
            if (output.isEmpty()) {
                channel.write(out);
                if (!out.hasRemaining()) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("TURN {} {} write failed: {}", fiveTuple.transport(), fiveTuple.client(), e.getMessage());
            loop.execute(this::close);
            return;
        }
        if (mayDrop && queuedBytes + out.remaining() > MAX_QUEUED_BYTES) {
            counters.outputDropped.increment();
            return;
        }
        ByteBuffer copy = ByteBuffer.allocate(out.remaining()).put(out).flip();
        output.add(copy);
        queuedBytes += copy.remaining();
        loop.execute(() -> {
            if (key != null && key.isValid()) {
                key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        });
    }

    private void flush() throws IOException {
        synchronized (output) {
            while (!output.isEmpty()) {
                ByteBuffer head = output.peek();
                int before = head.remaining();
                channel.write(head);
                queuedBytes -= before - head.remaining();
                if (head.hasRemaining()) {
                    return;
                }
                output.poll();
            }
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
        PeerSocket peer = pipe;
        if (peer != null) {
            peer.pauseReading(false);
        }
    }

    @Override
    public void onFailure(IOException e) {
        LOG.debug("TURN TCP {}: {}", fiveTuple.client(), e.getMessage());
        close();
    }

    /** Closes the connection (on its loop's thread); its allocation goes with it. */
    void close() {
        synchronized (output) {
            if (closed) {
                return;
            }
            closed = true;
            output.clear();
        }
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", fiveTuple.client(), e.getMessage());
        }
        onClose.accept(this);
        PeerSocket peer = pipe;
        if (peer != null) {
            peer.close();
        }
    }
}
