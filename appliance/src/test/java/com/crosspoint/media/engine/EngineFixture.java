package com.crosspoint.media.engine;

import com.crosspoint.media.codec.G711Ulaw;
import com.crosspoint.media.sdp.Direction;
import com.crosspoint.media.sdp.MediaParameters;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A started engine on 127.0.0.1 with its own executors, as boot would build it; close() tears it all down. */
final class EngineFixture implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "media-pacer"));
    final ExecutorService receivers = Executors.newCachedThreadPool(r -> daemon(r, "media-rx"));
    final MediaEngine engine;

    EngineFixture(MediaConfig config) throws Exception {
        engine = new MediaEngine(config, LOOPBACK, Clock.systemUTC(), pacer, receivers);
        engine.start();
    }

    /** Ports from a per-test-class base so parallel forks never collide. */
    static MediaConfig config(int portMin, int portMax) {
        return MediaConfig.DEFAULTS.withPorts(portMin, portMax);
    }

    static MediaParameters pcmu(int remotePort, Direction direction) {
        return new MediaParameters(G711Ulaw.INSTANCE, 0, 101, new InetSocketAddress(LOOPBACK, remotePort),
                new InetSocketAddress(LOOPBACK, remotePort + 1), direction, 20);
    }

    /** Two sessions pointed at each other. */
    MediaSession[] pair(SessionListener a, SessionListener b) throws MediaUnavailableException {
        MediaSession sa = engine.open(new SessionRequest("A", null, a));
        MediaSession sb = engine.open(new SessionRequest("B", null, b));
        sa.update(pcmu(sb.localPort(), Direction.SENDRECV));
        sb.update(pcmu(sa.localPort(), Direction.SENDRECV));
        return new MediaSession[] {sa, sb};
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        engine.close();
        pacer.shutdownNow();
        receivers.shutdownNow();
    }
}
