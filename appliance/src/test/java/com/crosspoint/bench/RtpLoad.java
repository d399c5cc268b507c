package com.crosspoint.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * The far ends of N G.711 calls: per call two UDP endpoints (the calling and the called phone) that each send a
 * 172-byte RTP packet (12-byte header, 160-byte payload) every 20 ms to wherever the relay under test says, with
 * the send time in the payload, and time what arrives. One thread sends for all endpoints (a 1 ms tick, each
 * endpoint in its own slot of the 20 ms period, so the load is even); one thread receives for all through a
 * selector. Nothing is allocated per packet.
 */
final class RtpLoad implements AutoCloseable {
    static final int PACKET_BYTES = 172;
    private static final int HEADER = 12;
    private static final int SLOTS = 20; // 1 ms ticks in a 20 ms packet period
    private static final long TICK_NANOS = 1_000_000L;
    private static final int SOCKET_BUFFER = 262_144;

    private final DatagramChannel[] endpoints; // 2i: the caller of call i, 2i + 1: its callee
    private final InetSocketAddress[] targets;
    private final int[] sequence;
    private volatile long sent;
    private volatile long received;
    private volatile double senderCpuSeconds;
    private volatile double receiverCpuSeconds;
    private LatencyHistogram latency = new LatencyHistogram();

    private RtpLoad(DatagramChannel[] endpoints) {
        this.endpoints = endpoints;
        this.targets = new InetSocketAddress[endpoints.length];
        this.sequence = new int[endpoints.length];
    }

    /** Binds 2 × {@code calls} endpoints on {@code host}, on ports from {@code firstPort} up, skipping taken ones. */
    static RtpLoad open(int calls, InetAddress host, int firstPort, int lastPort) {
        DatagramChannel[] channels = new DatagramChannel[2 * calls];
        int port = firstPort;
        try {
            for (int i = 0; i < channels.length; i++) {
                while (channels[i] == null) {
                    if (port > lastPort) {
                        throw new IllegalStateException("no free port left in " + firstPort + "-" + lastPort);
                    }
                    // IPv4 channels: a dual-stack one converts every IPv4 target, allocating per packet
                    DatagramChannel c = DatagramChannel.open(java.net.StandardProtocolFamily.INET);
                    try {
                        c.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_BUFFER);
                        c.bind(new InetSocketAddress(host, port++));
                        c.configureBlocking(false);
                        channels[i] = c;
                    } catch (BindException taken) {
                        c.close();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RtpLoad(channels);
    }

    int calls() {
        return endpoints.length / 2;
    }

    InetSocketAddress caller(int call) {
        return address(2 * call);
    }

    InetSocketAddress callee(int call) {
        return address(2 * call + 1);
    }

    private InetSocketAddress address(int endpoint) {
        try {
            return (InetSocketAddress) endpoints[endpoint].getLocalAddress();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where call {@code call}'s caller sends, and its callee. */
    void route(int call, InetSocketAddress callerSendsTo, InetSocketAddress calleeSendsTo) {
        targets[2 * call] = callerSendsTo;
        targets[2 * call + 1] = calleeSendsTo;
    }

    /** Sends for {@code length}, then waits {@code drain} for packets still on their way; returns the figures. */
    Result run(Duration length, Duration drain) throws InterruptedException {
        sent = 0;
        received = 0;
        latency = new LatencyHistogram();
        CountDownLatch started = new CountDownLatch(1);
        Thread receiver = new Thread(() -> receive(started), "rtp-load-rx");
        receiver.start();
        started.await();
        Thread sender = new Thread(() -> send(length), "rtp-load-tx");
        sender.start();
        sender.join();
        Thread.sleep(drain.toMillis());
        receiver.interrupt();
        receiver.join();
        return new Result(sent, received, latency.percentileMillis(50), latency.percentileMillis(99),
                latency.percentileMillis(99.9), senderCpuSeconds + receiverCpuSeconds);
    }

    private void send(Duration length) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        ByteBuffer packet = ByteBuffer.allocateDirect(PACKET_BYTES);
        long start = System.nanoTime();
        long ticks = length.toNanos() / TICK_NANOS;
        long count = 0;
        for (long tick = 0; tick < ticks; tick++) {
            long due = start + tick * TICK_NANOS;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int slot = (int) (tick % SLOTS);
            for (int e = slot; e < endpoints.length; e += SLOTS) {
                int seq = sequence[e]++;
                packet.clear();
                packet.put((byte) 0x80).put((byte) 0).putShort((short) seq).putInt(seq * 160).putInt(e);
                packet.putLong(System.nanoTime());
                packet.position(0).limit(PACKET_BYTES);
                try {
                    if (endpoints[e].send(packet, targets[e]) > 0) {
                        count++;
                    }
                } catch (IOException ignored) {
                    // counted as lost: never received
                }
            }
            sent = count;
        }
        sent = count;
        senderCpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    }

    private void receive(CountDownLatch started) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
        long count = 0;
        try (Selector selector = Selector.open()) {
            for (DatagramChannel c : endpoints) {
                c.register(selector, SelectionKey.OP_READ);
            }
            started.countDown();
            long[] counted = new long[1];
            // the action form of select allocates nothing per ready socket (the selected-key set would)
            java.util.function.Consumer<SelectionKey> onReady = key -> {
                DatagramChannel c = (DatagramChannel) key.channel();
                try {
                    buffer.clear();
                    if (c.receive(buffer) != null && buffer.position() >= HEADER + 8) {
                        latency.record((System.nanoTime() - buffer.getLong(HEADER)) / 1000);
                        counted[0]++;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            while (!Thread.currentThread().isInterrupted()) {
                selector.select(onReady, 100);
                received = counted[0];
            }
            count = counted[0];
            for (SelectionKey key : selector.keys()) {
                key.cancel();
            }
            selector.selectNow(); // deregister, so the channels can be used blocking-free by the next run
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            received = count;
            receiverCpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        }
    }

    /**
     * @param sent       packets sent by all endpoints
     * @param received   packets received by all endpoints
     * @param p50Millis  median one-way delay
     * @param p99Millis  99th percentile
     * @param p999Millis 99.9th percentile
     * @param cpuSeconds CPU time of the generator's two threads
     */
    record Result(long sent, long received, double p50Millis, double p99Millis, double p999Millis,
                  double cpuSeconds) {
        double lossPercent() {
            return sent == 0 ? 0 : Math.max(0, 100.0 * (sent - received) / sent);
        }
    }

    @Override
    public void close() {
        for (DatagramChannel c : endpoints) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
