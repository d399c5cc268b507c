package com.crosspoint.media.engine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the {@link MediaEngine}'s selector threads: receives for its share of the sessions into one reused direct
 * buffer, registers new sessions and retires closed ones (closing their sockets, letting the selector deregister
 * them, and only then freeing their ports for reuse).
 */
final class ReceiveLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReceiveLoop.class);
    private static final int RECEIVE_BUFFER = 2048;
    private static final int READS_PER_KEY = 32;

    private final Selector selector;
    private final int index;
    private final ConcurrentLinkedQueue<MediaSession> pending = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ConcurrentLinkedQueue<Retirement> retiring = new ConcurrentLinkedQueue<>();
    private final PortAllocator ports;
    private final BooleanSupplier running;
    private volatile boolean alive = true;
    private volatile Thread thread;

    /** @param running whether the engine still runs: the loop ends once it does not */
    ReceiveLoop(Selector selector, int index, PortAllocator ports, BooleanSupplier running) {
        this.selector = selector;
        this.index = index;
        this.ports = ports;
        this.running = running;
    }

    void register(MediaSession session) {
        pending.add(session);
        selector.wakeup();
    }

    CompletableFuture<Void> retire(MediaSession session) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        retiring.add(new Retirement(session, done));
        selector.wakeup();
        if (!alive) {
            drainRetirements(false); // the loop ended meanwhile: nobody else will
        }
        return done;
    }

    /** Closes the retiring sessions' channels, lets the selector deregister them, then frees their ports. */
    private void drainRetirements(boolean selectorOpen) {
        if (retiring.isEmpty()) {
            return;
        }
        List<Retirement> batch = new ArrayList<>();
        Retirement r;
        while ((r = retiring.poll()) != null) {
            batch.add(r);
            MediaEngine.closeQuietly(r.session().rtpChannel());
            MediaEngine.closeQuietly(r.session().rtcpChannel());
        }
        if (selectorOpen) {
            try {
                selector.selectNow(); // deregisters the cancelled keys: only now are the sockets closed
                selector.selectedKeys().clear(); // what was ready is read at the next select
            } catch (IOException | ClosedSelectorException e) {
                LOG.debug("selectNow during retirement", e);
            }
        }
        for (Retirement done : batch) {
            ports.release(done.session().localPort());
            done.done().complete(null);
        }
    }

    /** Whether the loop still runs (once it ended, a retirement is done by whoever asks for it). */
    boolean alive() {
        return alive;
    }

    /** Whether the caller is this loop's own thread (a callback from a datagram it read). */
    boolean runsOnThisThread() {
        return Thread.currentThread() == thread;
    }

    void stop() {
        selector.wakeup();
    }

    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        String name = thread.getName();
        thread.setName("media-rx-" + index);
        try {
            while (running.getAsBoolean()) {
                selector.select();
                registerPending();
                drainRetirements(true);
                Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                while (keys.hasNext()) {
                    SelectionKey key = keys.next();
                    keys.remove();
                    read(key);
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.error("media receive loop {} failed", index, e);
        } finally {
            alive = false;
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing
            }
            drainRetirements(false);
            Thread.currentThread().setName(name);
            stopped.countDown();
        }
    }

    private void registerPending() {
        MediaSession session;
        while ((session = pending.poll()) != null) {
            if (session.isClosed()) {
                continue;
            }
            try {
                session.rtpChannel().register(selector, SelectionKey.OP_READ, new Endpoint(session, false));
                session.rtcpChannel().register(selector, SelectionKey.OP_READ, new Endpoint(session, true));
            } catch (IOException | RuntimeException e) {
                LOG.debug("{} closed before its registration", session);
            }
        }
    }

    private void read(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        Endpoint endpoint = (Endpoint) key.attachment();
        DatagramChannel channel = (DatagramChannel) key.channel();
        for (int i = 0; i < READS_PER_KEY; i++) {
            buffer.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                return; // closed under us, or an ICMP error reported on the socket
            }
            if (from == null) {
                return;
            }
            buffer.flip();
            try {
                endpoint.session.onDatagram(buffer, from, endpoint.rtcp, System.nanoTime());
            } catch (RuntimeException e) {
                LOG.warn("{}: datagram from {} dropped after an error", endpoint.session, from, e);
            }
        }
    }

    private record Endpoint(MediaSession session, boolean rtcp) {
    }

    private record Retirement(MediaSession session, CompletableFuture<Void> done) {
    }
}
