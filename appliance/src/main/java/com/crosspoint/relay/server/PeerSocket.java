package com.crosspoint.relay.server;

import com.crosspoint.relay.turn.PeerConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer's end of a TCP relay (RFC 6062): a connection to or from the relay port. Until a data connection binds it,
 * nothing is read from it (the kernel keeps what the peer sends); then it lives on the data connection's loop, and
 * the two carry each other's bytes. Each side stops reading while the other's output queue is over
 * {@link StreamConnection#PIPE_HIGH_WATER}, so a slow reader slows its writer instead of growing memory.
 */
final class PeerSocket implements PeerConnection, IoLoop.Ready {
    private static final Logger LOG = LoggerFactory.getLogger(PeerSocket.class);

    private final SocketChannel channel;
    private final InetSocketAddress peer;
    private final ArrayDeque<ByteBuffer> output = new ArrayDeque<>();
    private volatile SelectionKey key;
    private volatile StreamConnection client;
    private volatile boolean open = true;
    private int queued;
    private boolean paused;

    PeerSocket(SocketChannel channel, InetSocketAddress peer) {
        this.channel = channel;
        this.peer = peer;
    }

    @Override
    public InetSocketAddress peer() {
        return peer;
    }

    @Override
    public boolean isOpen() {
        return open && channel.isOpen();
    }

    /** The connect's key, so that splicing can take the channel away from the connecting loop. */
    void connectedWith(SelectionKey connectKey) {
        this.key = connectKey;
    }

    /** Joins the data connection's loop (called on it) and starts reading. */
    void splice(StreamConnection connection, IoLoop loop) throws IOException {
        this.client = connection;
        SelectionKey old = key;
        if (old != null && old.selector() == loop.selector() && old.isValid()) {
            old.attach(this); // connected on this very loop: the key just changes hands
            old.interestOps(SelectionKey.OP_READ);
            return;
        }
        if (old != null) {
            old.cancel(); // another loop's: a channel may be registered with several selectors
        }
        key = channel.register(loop.selector(), SelectionKey.OP_READ, this);
    }

    @Override
    public void onReady(SelectionKey k, ByteBuffer buffer) throws IOException {
        if (k.isWritable()) {
            flush();
        }
        if (!k.isValid() || !k.isReadable()) {
            return;
        }
        buffer.clear();
        int n = channel.read(buffer);
        if (n < 0) {
            close();
            return;
        }
        if (n > 0) {
            client.sendToClient(buffer.array(), 0, n);
            if (client.queuedBytes() > StreamConnection.PIPE_HIGH_WATER) {
                pauseReading(true);
            }
        }
    }

    /** Bytes from the client for the peer (on the shared loop): written now, or queued. */
    void write(byte[] data, int offset, int length) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(data, offset, length);
        if (output.isEmpty()) {
            channel.write(out);
        }
        if (out.hasRemaining()) {
            ByteBuffer copy = ByteBuffer.allocate(out.remaining()).put(out).flip();
            output.add(copy);
            queued += copy.remaining();
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
        }
    }

    int queuedBytes() {
        return queued;
    }

    private void flush() throws IOException {
        while (!output.isEmpty()) {
            ByteBuffer head = output.peek();
            int before = head.remaining();
            channel.write(head);
            queued -= before - head.remaining();
            if (head.hasRemaining()) {
                return;
            }
            output.poll();
        }
        key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        client.resumeReading();
    }

    /** Stops (or resumes) reading the peer while the client's queue is full. */
    void pauseReading(boolean pause) {
        SelectionKey k = key;
        if (k == null || !k.isValid() || pause == paused) {
            return;
        }
        paused = pause;
        k.interestOps(pause ? k.interestOps() & ~SelectionKey.OP_READ : k.interestOps() | SelectionKey.OP_READ);
    }

    @Override
    public void onFailure(IOException e) {
        LOG.debug("TCP relay to {}: {}", peer, e.getMessage());
        close();
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        SelectionKey k = key;
        if (k != null) {
            k.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing the TCP relay to {}: {}", peer, e.getMessage());
        }
        StreamConnection c = client;
        if (c != null) {
            c.loop().execute(c::close);
        }
    }
}
