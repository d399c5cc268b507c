package com.crosspoint.relay.rtp;

import com.crosspoint.media.engine.ReceivedRtp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One forwarding thread: an NIO selector over the four sockets of each of its calls, one reused direct buffer, no
 * allocation per packet. Calls are registered and retired through queues the loop drains between selections, so
 * the selector is only ever touched by its own thread; a retired call's ports are freed only after the selector has
 * deregistered its closed channels (before that the kernel still holds the ports).
 */
final class RelayLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(RelayLoop.class);
    /** Largest datagram relayed: far above any audio packet; larger ones are dropped, never truncated and sent. */
    static final int MAX_DATAGRAM = 2048;

    private final Selector selector;
    private final int index;
    private final IntConsumer releasePort;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(MAX_DATAGRAM + 1);
    private final ReceivedRtp scratch = new ReceivedRtp();
    private final ConcurrentLinkedQueue<RelayedCall> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Retirement> retiring = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean alive = true;
    private volatile Thread thread;

    RelayLoop(int index, IntConsumer releasePort) throws IOException {
        this.selector = Selector.open();
        this.index = index;
        this.releasePort = releasePort;
    }

    /** The packet reader of this loop, for the sides it forwards for (used on this thread only). */
    ReceivedRtp scratch() {
        return scratch;
    }

    void register(RelayedCall call) {
        pending.add(call);
        selector.wakeup();
    }

    /** Closes the call's sockets on the loop and completes once its ports are free. */
    CompletableFuture<Void> retire(RelayedCall call) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        retiring.add(new Retirement(call, done));
        selector.wakeup();
        if (!alive) {
            drainRetirements(false); // the loop has ended: nobody else will
        }
        return done;
    }

    boolean onLoopThread() {
        return Thread.currentThread() == thread;
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        String name = thread.getName();
        thread.setName("relay-" + index);
        try {
            while (running) {
                // the action form: no selected-key set, so nothing is allocated per ready socket
                selector.select(this::read);
                registerPending();
                drainRetirements(true);
            }
        } catch (IOException | ClosedSelectorException e) {
            LOG.error("relay loop {} failed", index, e);
        } finally {
            alive = false;
            try {
                selector.close();
            } catch (IOException ignored) {
                // stopping
            }
            drainRetirements(false);
            thread.setName(name);
            stopped.countDown();
        }
    }

    private void registerPending() {
        RelayedCall call;
        while ((call = pending.poll()) != null) {
            if (call.isClosed()) {
                continue; // its retirement closes the channels
            }
            try {
                for (RelaySide side : List.of(call.caller(), call.callee())) {
                    side.rtpChannel().register(selector, SelectionKey.OP_READ, new Port(side, false));
                    side.rtcpChannel().register(selector, SelectionKey.OP_READ, new Port(side, true));
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("{} closed before its registration", call);
            }
        }
    }

    private void drainRetirements(boolean selectorOpen) {
        if (retiring.isEmpty()) {
            return;
        }
        List<Retirement> batch = new ArrayList<>();
        Retirement r;
        while ((r = retiring.poll()) != null) {
            batch.add(r);
            for (RelaySide side : List.of(r.call().caller(), r.call().callee())) {
                closeQuietly(side.rtpChannel());
                closeQuietly(side.rtcpChannel());
            }
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
            releasePort.accept(done.call().caller().localRtp().getPort());
            releasePort.accept(done.call().callee().localRtp().getPort());
            done.done().complete(null);
        }
    }

    /**
     * One datagram per ready socket and selection: at 50 packets a second a socket rarely holds more, so reading
     * until the socket is empty would cost a failed read per packet; a socket with more stays ready (the selector
     * is level-triggered) and is read again next round, after every other ready socket, so a flooded port cannot
     * starve the others.
     */
    private void read(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        Port port = (Port) key.attachment();
        DatagramChannel channel = (DatagramChannel) key.channel();
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
            if (buffer.remaining() > MAX_DATAGRAM) {
                port.side().oversize();
            } else {
                port.side().onDatagram(buffer, from, port.rtcp(), System.nanoTime());
            }
        } catch (RuntimeException e) {
            LOG.warn("{}: datagram from {} dropped after an error", port.side(), from, e);
        }
    }

    static void closeQuietly(DatagramChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private record Port(RelaySide side, boolean rtcp) {
    }

    private record Retirement(RelayedCall call, CompletableFuture<Void> done) {
    }
}
