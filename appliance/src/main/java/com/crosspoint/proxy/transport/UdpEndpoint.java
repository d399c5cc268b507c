package com.crosspoint.proxy.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIP over UDP: one datagram channel read by a small fixed number of threads, each with one reused
 * receive buffer; each thread handles what it read to completion, so no message is copied or queued
 * between threads. Receives on one channel take turns (the channel serialises them) while the
 * other threads process, which is what keeps two cores busy.
 * <p>
 * The channel is non-blocking so that a reader knows when it found the socket empty, which its
 * {@link InputWatch} keeps (the overload control's signal). A reader that found it
 * empty waits for input: one at a time in the selector (the leader), any other behind it on a lock,
 * so a datagram wakes one thread, not all.
 */
public final class UdpEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpEndpoint.class);
    private static final int MAX_DATAGRAM = 65_535;
    /** The longest a reader waits in the selector before looking again (closing wakes it anyway). */
    private static final long WAIT_MILLIS = 1_000;

    /**
     * Per sending thread: a heap buffer handed to the channel is copied into a temporary direct one by
     * the JDK anyway; copying into our own direct buffer instead leaves no wrapper garbage per datagram.
     */
    private static final ThreadLocal<ByteBuffer> SEND_BUFFER = ThreadLocal.withInitial(
            () -> ByteBuffer.allocateDirect(MAX_DATAGRAM));

    private final DatagramChannel channel;
    private final Selector selector;
    private final ReentrantLock leader = new ReentrantLock();
    private final InputWatch watch = new InputWatch(System.nanoTime());
    private final List<Thread> readers = new ArrayList<>();
    private final AtomicLong sendFailures = new AtomicLong();
    private volatile boolean running = true;

    private UdpEndpoint(DatagramChannel channel, Selector selector) {
        this.channel = channel;
        this.selector = selector;
    }

    /** Binds and starts {@code threads} readers named {@code <name>-udp-<n>}. */
    public static UdpEndpoint open(InetSocketAddress bind, int threads, int receiveBufferBytes, MessageHandler handler,
            String name) {
        try {
            DatagramChannel channel = DatagramChannel.open(bind.getAddress() instanceof java.net.Inet6Address
                    ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBufferBytes);
            channel.setOption(StandardSocketOptions.SO_SNDBUF, receiveBufferBytes);
            channel.bind(bind);
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_READ);
            UdpEndpoint endpoint = new UdpEndpoint(channel, selector);
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(() -> endpoint.readLoop(handler), name + "-udp-" + i);
                t.setDaemon(true);
                endpoint.readers.add(t);
                t.start();
            }
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind UDP " + bind, e);
        }
    }

    private void readLoop(MessageHandler handler) {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_DATAGRAM);
        byte[] array = buffer.array();
        while (running) {
            buffer.clear();
            InetSocketAddress from;
            try {
                from = (InetSocketAddress) channel.receive(buffer);
                if (from == null) {
                    watch.drained(System.nanoTime());
                    awaitInput();
                    continue;
                }
            } catch (ClosedChannelException | ClosedSelectorException e) {
                return;
            } catch (IOException e) {
                LOG.warn("UDP receive failed: {}", e.toString());
                continue;
            }
            try {
                handler.onMessage(array, 0, buffer.position(), Flow.udp(from));
            } catch (RuntimeException e) {
                LOG.error("UDP message from {} not handled", from, e); // a bug: keep reading
            }
        }
    }

    /** Waits until the socket may have input: the leader in the selector, the others for the leader. */
    private void awaitInput() throws IOException {
        if (leader.tryLock()) {
            watch.waiting(true, System.nanoTime());
            try {
                selector.select(WAIT_MILLIS);
                selector.selectedKeys().clear();
            } finally {
                watch.waiting(false, System.nanoTime());
                leader.unlock();
            }
        } else {
            leader.lock(); // the leader saw input or its wait ended: try the socket again
            leader.unlock();
        }
    }

    /** Sends one datagram; a failure is counted, not thrown (UDP is lossy anyway and timers retransmit). */
    public void send(InetSocketAddress to, byte[] bytes, int offset, int length) {
        ByteBuffer out = SEND_BUFFER.get();
        out.clear();
        out.put(bytes, offset, length).flip();
        try {
            channel.send(out, to);
        } catch (IOException e) {
            sendFailures.incrementAndGet();
            LOG.debug("UDP send to {} failed: {}", to, e.toString());
        }
    }

    /** Whether the socket's queue drains: for the overload control. */
    public InputWatch watch() {
        return watch;
    }

    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long sendFailures() {
        return sendFailures.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            channel.close();
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing UDP channel: {}", e.toString());
        }
        for (Thread t : readers) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
