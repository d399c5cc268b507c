package com.crosspoint.relay.rtp;

import com.crosspoint.media.engine.MediaUnavailableException;
import com.crosspoint.media.engine.PortAllocator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP relay that anchors calls (issue 11): each {@link RelayedCall} holds two port pairs of the media range
 * (drawn from the media engine's {@link PortAllocator}, so one firewall rule covers all media) and forwards RTP and
 * RTCP between them without decoding. A few NIO selector threads forward for every call (a call's four sockets on
 * one of them); a timer checks for calls gone silent. The executors come from the composition root and are not
 * shut down here: {@code loops} must run {@link RelaySettings#threads()} long-running tasks at once.
 */
public final class RtpRelay implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RtpRelay.class);
    private static final int BIND_ATTEMPTS = 16;
    private static final long MAX_SWEEP_MILLIS = 1000;

    private final RelaySettings settings;
    private final PortAllocator ports;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Executor loopThreads;
    private final List<RelayLoop> loops = new ArrayList<>();
    private final Set<RelayedCall> calls = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<RelayedCall, RelayLoop> assignments = new ConcurrentHashMap<>();
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final AtomicLong opened = new AtomicLong();
    private ScheduledFuture<?> sweeper;
    private volatile boolean running;
    private volatile boolean closed;

    public RtpRelay(RelaySettings settings, PortAllocator ports, Clock clock, ScheduledExecutorService timer,
                    Executor loopThreads) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ports = Objects.requireNonNull(ports, "ports");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.loopThreads = Objects.requireNonNull(loopThreads, "loopThreads");
    }

    /**
     * Opens the selectors, starts the forwarding threads and the silence check.
     *
     * @throws UncheckedIOException a selector could not be opened
     */
    public synchronized void start() {
        if (running || closed) {
            throw new IllegalStateException(closed ? "closed" : "already started");
        }
        try {
            for (int i = 0; i < settings.threads(); i++) {
                loops.add(new RelayLoop(i, ports::release));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the RTP relay's selectors", e);
        }
        running = true;
        loops.forEach(loopThreads::execute);
        long period = Math.max(10, Math.min(MAX_SWEEP_MILLIS, settings.timeout().toMillis() / 4));
        sweeper = timer.scheduleWithFixedDelay(this::checkTimeouts, period, period, TimeUnit.MILLISECONDS);
        LOG.info("RTP relay started: {} forwarding threads, media timeout {} s, bound to {}", loops.size(),
                settings.timeout().toSeconds(), settings.bindAddress().getHostAddress());
    }

    /**
     * Opens a relayed call: two port pairs of the media range, each facing one phone. Nothing is relayed until a
     * side is told what its phone signalled ({@link RelaySide#expect}).
     *
     * @throws MediaUnavailableException the range has fewer than two free pairs (→ 503), the relay is not running,
     *                                   or the sockets could not be bound
     */
    public RelayedCall open(String callId, RelayListener listener) throws MediaUnavailableException {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(listener, "listener");
        if (!running || closed) {
            throw new MediaUnavailableException(MediaUnavailableException.Reason.CLOSED, "RTP relay not running");
        }
        RelaySide.Sockets callerSockets = bindPair();
        RelaySide.Sockets calleeSockets;
        try {
            calleeSockets = bindPair();
        } catch (MediaUnavailableException e) {
            free(callerSockets);
            throw e;
        }
        RelayLoop loop = loops.get(Math.floorMod(nextLoop.getAndIncrement(), loops.size()));
        RelaySide caller = new RelaySide(callId + "/caller", callerSockets, loop.scratch(), settings.relatchPackets(),
                clock);
        RelaySide callee = new RelaySide(callId + "/callee", calleeSockets, loop.scratch(), settings.relatchPackets(),
                clock);
        RelayedCall call = new RelayedCall(callId, this, listener, caller, callee);
        assignments.put(call, loop);
        calls.add(call);
        loop.register(call);
        opened.incrementAndGet();
        return call;
    }

    private RelaySide.Sockets bindPair() throws MediaUnavailableException {
        IOException lastFailure = null;
        for (int attempt = 0; attempt < Math.min(ports.capacity(), BIND_ATTEMPTS); attempt++) {
            OptionalInt port = ports.allocate();
            if (port.isEmpty()) {
                throw new MediaUnavailableException(MediaUnavailableException.Reason.PORTS_EXHAUSTED,
                        "all " + ports.capacity() + " RTP port pairs are in use");
            }
            DatagramChannel rtp = null;
            try {
                rtp = bind(port.getAsInt());
                DatagramChannel rtcp = bind(port.getAsInt() + 1);
                return new RelaySide.Sockets(rtp, rtcp,
                        new InetSocketAddress(settings.advertisedAddress(), port.getAsInt()));
            } catch (IOException e) {
                // taken by another process: try another pair
                if (rtp != null) {
                    RelayLoop.closeQuietly(rtp);
                }
                ports.release(port.getAsInt());
                lastFailure = e;
            }
        }
        throw new MediaUnavailableException(MediaUnavailableException.Reason.SOCKET_FAILED,
                "could not bind an RTP/RTCP pair for the relay", lastFailure);
    }

    private DatagramChannel bind(int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open(settings.bindAddress().getAddress().length == 4
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, settings.socketBufferBytes());
            channel.setOption(StandardSocketOptions.SO_SNDBUF, settings.socketBufferBytes());
            channel.bind(new InetSocketAddress(settings.bindAddress(), port));
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void free(RelaySide.Sockets sockets) {
        RelayLoop.closeQuietly(sockets.rtp());
        RelayLoop.closeQuietly(sockets.rtcp());
        ports.release(sockets.advertised().getPort()); // never registered with a selector: closed at once
    }

    /**
     * Closes a call's sockets on its loop and frees its ports once the kernel has let go of them; waits for that (a
     * second at most) unless called on the loop itself.
     */
    void retire(RelayedCall call) {
        calls.remove(call);
        RelayLoop loop = assignments.remove(call);
        if (loop == null) {
            return;
        }
        var done = loop.retire(call);
        if (loop.onLoopThread()) {
            return;
        }
        try {
            done.get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("{}: relay sockets not confirmed closed", call, e);
        }
    }

    private void checkTimeouts() {
        long now = System.nanoTime();
        long timeout = settings.timeout().toNanos();
        for (RelayedCall call : calls) {
            try {
                call.checkTimeout(now, timeout);
            } catch (RuntimeException e) {
                LOG.warn("{}: media timeout listener failed", call, e);
            }
        }
    }

    /** Calls open now. */
    public int callCount() {
        return calls.size();
    }

    /** Calls opened since start. */
    public long callsOpened() {
        return opened.get();
    }

    public RelaySettings settings() {
        return settings;
    }

    /** Closes every call, stops the silence check and the forwarding threads. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        for (RelayedCall call : List.copyOf(calls)) {
            call.close();
        }
        running = false;
        loops.forEach(RelayLoop::stop);
        for (RelayLoop loop : loops) {
            try {
                loop.awaitStopped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.info("RTP relay stopped after {} calls", opened.get());
    }
}
