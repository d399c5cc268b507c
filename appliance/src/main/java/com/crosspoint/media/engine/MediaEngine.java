package com.crosspoint.media.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Selector;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP engine: a few NIO selector threads receive for all sessions, one {@link PacingClock} sends for all of
 * them every 20 ms, each session in its own tenth of the period ({@link PacingPhases}). No thread per call. The executors come from the composition root: {@code pacer} must be a
 * single-thread scheduled executor used by this engine alone, {@code receivers} must be able to run
 * {@link MediaConfig#receiveThreads()} long-running loops at once. Neither is shut down here.
 */
public final class MediaEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaEngine.class);

    private final MediaConfig config;
    private final InetAddress bindAddress;
    private final Clock clock;
    private final Executor receivers;
    private final PortAllocator ports;
    private final PacingClock pacing;
    private final PacingPhases phases = new PacingPhases();
    private final List<ReceiveLoop> loops = new ArrayList<>();
    private final CopyOnWriteArrayList<MediaSession> sessions = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ConcurrentHashMap<MediaSession, ReceiveLoop> assignments =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final AtomicLong tickErrors = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong closedFramesDue = new AtomicLong();
    private final AtomicLong closedRtpSent = new AtomicLong();
    private final AtomicLong closedSendFailures = new AtomicLong();
    private final AtomicLong closedRtpReceived = new AtomicLong();
    private final AtomicLong closedPacketsLost = new AtomicLong();
    private volatile boolean running;
    private volatile boolean closed;

    public MediaEngine(MediaConfig config, InetAddress bindAddress, Clock clock, ScheduledExecutorService pacer,
                       Executor receivers) {
        this.config = Objects.requireNonNull(config, "config");
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.receivers = Objects.requireNonNull(receivers, "receivers");
        this.ports = new PortAllocator(config.portMin(), config.portMax());
        this.pacing = new PacingClock(pacer, this::tick, PacingPhases.COUNT);
    }

    /** Opens the selectors, starts the receive loops and the pacing clock. */
    public synchronized void start() throws IOException {
        if (running || closed) {
            throw new IllegalStateException(closed ? "closed" : "already started");
        }
        for (int i = 0; i < config.receiveThreads(); i++) {
            ReceiveLoop loop = new ReceiveLoop(Selector.open(), i, ports, () -> running);
            loops.add(loop);
        }
        running = true;
        loops.forEach(receivers::execute);
        pacing.start();
        LOG.info("Media engine started: ports {}-{} ({} pairs), {} receive threads, bound to {}", config.portMin(),
                config.portMax(), ports.capacity(), loops.size(), bindAddress.getHostAddress());
    }

    /**
     * Opens a session on a free port pair.
     *
     * @throws MediaUnavailableException every pair is in use (→ 503), the engine is not running, or the sockets
     *                                   could not be opened
     */
    public MediaSession open(SessionRequest request) throws MediaUnavailableException {
        Objects.requireNonNull(request, "request");
        if (!running || closed) {
            throw new MediaUnavailableException(MediaUnavailableException.Reason.CLOSED, "media engine not running");
        }
        IOException lastFailure = null;
        for (int attempt = 0; attempt < Math.min(ports.capacity(), 16); attempt++) {
            OptionalInt port = ports.allocate();
            if (port.isEmpty()) {
                throw new MediaUnavailableException(MediaUnavailableException.Reason.PORTS_EXHAUSTED,
                        "all " + ports.capacity() + " RTP port pairs of " + config.portMin() + "-" + config.portMax()
                                + " are in use");
            }
            DatagramChannel rtp = null;
            DatagramChannel rtcp = null;
            try {
                rtp = bind(port.getAsInt());
                rtcp = bind(port.getAsInt() + 1);
            } catch (IOException e) {
                // taken by another process: keep that pair reserved (we cannot use it) only for this attempt
                closeQuietly(rtp);
                closeQuietly(rtcp);
                ports.release(port.getAsInt());
                lastFailure = e;
                continue;
            }
            MediaSession session = new MediaSession(this, request, rtp, rtcp, port.getAsInt(), config,
                    phases.assign());
            ReceiveLoop loop = loops.get(Math.floorMod(nextLoop.getAndIncrement(), loops.size()));
            assignments.put(session, loop);
            loop.register(session);
            sessions.add(session);
            opened.incrementAndGet();
            return session;
        }
        throw new MediaUnavailableException(MediaUnavailableException.Reason.SOCKET_FAILED,
                "could not bind an RTP/RTCP pair", lastFailure);
    }

    private DatagramChannel bind(int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open(bindAddress.getAddress().length == 4
                ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, config.socketBufferBytes());
            channel.setOption(StandardSocketOptions.SO_SNDBUF, config.socketBufferBytes());
            channel.bind(new InetSocketAddress(bindAddress, port));
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private void tick(int phase) {
        long now = System.nanoTime();
        for (MediaSession session : sessions) {
            if (session.phase() != phase) {
                continue;
            }
            try {
                session.tick(now);
            } catch (RuntimeException e) {
                if (tickErrors.incrementAndGet() % 1000 == 1) {
                    LOG.error("{}: tick failed (further failures are counted, one in 1000 logged)", session, e);
                }
            }
        }
    }

    void detach(MediaSession session) {
        if (sessions.remove(session)) {
            phases.release(session.phase());
            SessionStats s = session.stats();
            closedFramesDue.addAndGet(s.framesDue());
            closedRtpSent.addAndGet(s.rtpSent());
            closedSendFailures.addAndGet(s.sendFailures());
            closedRtpReceived.addAndGet(s.rtpReceived());
            closedPacketsLost.addAndGet(session.quality().packetsLost());
        }
    }

    /**
     * Counters over every session since the engine started, closed ones included (read-only, for monitoring and
     * benchmarks). A session closing while this runs may be missed or counted twice for that one call.
     */
    public Totals totals() {
        long due = 0;
        long sent = 0;
        long failures = 0;
        long received = 0;
        long lost = 0;
        int open = 0;
        for (MediaSession session : sessions) {
            SessionStats s = session.stats();
            due += s.framesDue();
            sent += s.rtpSent();
            failures += s.sendFailures();
            received += s.rtpReceived();
            lost += session.quality().packetsLost();
            open++;
        }
        return new Totals(opened.get(), open, due + closedFramesDue.get(), sent + closedRtpSent.get(),
                failures + closedSendFailures.get(), received + closedRtpReceived.get(), lost + closedPacketsLost.get());
    }

    /**
     * @param sessionsOpened sessions opened since start
     * @param sessionsOpen   sessions open now
     * @param framesDue      pacing ticks on which a session was due to send ({@link SessionStats#framesDue()})
     * @param rtpSent        RTP packets sent
     * @param sendFailures   packets the sockets refused
     * @param rtpReceived    valid RTP received from the latched sources
     * @param packetsLost    RTP lost on the way in (RFC 3550 expected - received, per session)
     */
    public record Totals(long sessionsOpened, int sessionsOpen, long framesDue, long rtpSent, long sendFailures,
                         long rtpReceived, long packetsLost) {
    }

    /**
     * Closes a session's sockets and returns its ports once the kernel has really let go of them: a channel
     * registered with a selector is only closed at that selector's next selection, so the session's receive loop
     * does it. Waits for that (a second at most) unless called on the loop itself (e.g. from a digit callback).
     */
    void retire(MediaSession session) {
        ReceiveLoop loop = assignments.remove(session);
        if (loop == null || !loop.alive()) {
            closeQuietly(session.rtpChannel());
            closeQuietly(session.rtcpChannel());
            ports.release(session.localPort());
            return;
        }
        java.util.concurrent.CompletableFuture<Void> done = loop.retire(session);
        if (loop.runsOnThisThread()) {
            return;
        }
        try {
            done.get(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("{}: sockets not confirmed closed", session, e);
        }
    }

    InetAddress bindAddress() {
        return bindAddress;
    }

    Clock clock() {
        return clock;
    }

    public MediaConfig config() {
        return config;
    }

    public PacingClock pacing() {
        return pacing;
    }

    public PortAllocator ports() {
        return ports;
    }

    /** Sessions open now. */
    public int sessionCount() {
        return sessions.size();
    }

    /** Sessions whose tick threw (a bug; the session and the clock go on). */
    public long tickErrors() {
        return tickErrors.get();
    }

    /** Closes every session, stops the clock and the receive loops. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        pacing.close();
        for (MediaSession session : List.copyOf(sessions)) {
            session.close();
        }
        running = false;
        loops.forEach(ReceiveLoop::stop);
        for (ReceiveLoop loop : loops) {
            try {
                loop.awaitStopped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.info("Media engine stopped; pacing slip {}", pacing.slip());
    }

    static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
