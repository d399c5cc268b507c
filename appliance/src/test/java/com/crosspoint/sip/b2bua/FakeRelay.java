package com.crosspoint.sip.b2bua;

import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.media.sdp.AudioTarget;
import com.crosspoint.model.CallQualitySummary;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/** A relay that forwards nothing: it hands out two fixed sides and keeps what call control told them. */
final class FakeRelay implements MediaRelay {
    final FakeSide[] sides = {new FakeSide(40000), new FakeSide(40002)};
    int opened;
    boolean closed;
    boolean full;
    Runnable timeout;

    @Override
    public Optional<Pair> open(String callId, Runnable onMediaTimeout) {
        opened++;
        if (full) {
            return Optional.empty();
        }
        timeout = onMediaTimeout;
        return Optional.of(new Pair() {
            @Override
            public Side side(int index) {
                return sides[index];
            }

            @Override
            public void close() {
                closed = true;
            }
        });
    }

    static final class FakeSide implements Side {
        final InetSocketAddress local;
        AudioTarget expected;
        SignalledPeer peer;
        boolean paused;

        FakeSide(int port) {
            local = new InetSocketAddress("203.0.113.1", port);
        }

        @Override
        public InetSocketAddress localRtp() {
            return local;
        }

        @Override
        public int localRtcpPort() {
            return local.getPort() + 1;
        }

        @Override
        public void expect(AudioTarget target, SignalledPeer peer) {
            this.expected = target;
            this.peer = peer;
        }

        @Override
        public void paused(boolean paused) {
            this.paused = paused;
        }

        @Override
        public CallQualitySummary quality() {
            return new CallQualitySummary(4.2, 0, 1, null);
        }

        /** Heard from where it was expected, NAT or not: what a relay reports once packets came. */
        @Override
        public Report report() {
            return expected == null ? Report.NONE : new Report(expected.rtp(), 1, List.of());
        }
    }
}
