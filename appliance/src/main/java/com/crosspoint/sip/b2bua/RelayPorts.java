package com.crosspoint.sip.b2bua;

import com.crosspoint.call.PartyMedia;
import com.crosspoint.media.engine.MediaUnavailableException;
import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.media.sdp.AudioTarget;
import com.crosspoint.model.CallQualitySummary;
import com.crosspoint.relay.rtp.RelaySide;
import com.crosspoint.relay.rtp.RelayedCall;
import com.crosspoint.relay.rtp.RtpRelay;
import com.crosspoint.relay.rtp.SideStats;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The appliance's {@link RtpRelay} as call control's {@link MediaRelay}: side 0 faces the caller. */
final class RelayPorts implements MediaRelay {
    private static final Logger LOG = LoggerFactory.getLogger(RelayPorts.class);

    private final RtpRelay relay;

    RelayPorts(RtpRelay relay) {
        this.relay = relay;
    }

    @Override
    public Optional<Pair> open(String callId, Runnable onMediaTimeout) {
        try {
            RelayedCall call = relay.open(callId, c -> onMediaTimeout.run());
            return Optional.of(new Pair() {
                private final Side caller = new PortSide(call.caller());
                private final Side callee = new PortSide(call.callee());

                @Override
                public Side side(int index) {
                    return index == 0 ? caller : callee;
                }

                @Override
                public void close() {
                    call.close();
                }
            });
        } catch (MediaUnavailableException e) {
            LOG.warn("call {} goes unrelayed: {}", callId, e.getMessage());
            return Optional.empty();
        }
    }

    private record PortSide(RelaySide side) implements Side {
        @Override
        public InetSocketAddress localRtp() {
            return side.localRtp();
        }

        @Override
        public int localRtcpPort() {
            return side.localRtcpPort();
        }

        @Override
        public void expect(AudioTarget target, SignalledPeer peer) {
            try {
                side.expect(target.rtp(), Optional.of(target.rtcp()), peer, target.payloadTypes(), target.rtcpMux(),
                        target.clockRate());
            } catch (IllegalArgumentException e) {
                LOG.info("relay side {}: cannot relay {}: {}", side.localRtp(), target.rtp(), e.getMessage());
            }
        }

        @Override
        public void paused(boolean paused) {
            side.paused(paused);
        }

        @Override
        public CallQualitySummary quality() {
            return QualitySummaries.of(side.stats().sent());
        }

        @Override
        public Report report() {
            SideStats stats = side.stats();
            List<PartyMedia.Latch> latches = stats.latchEvents().stream().map(e -> new PartyMedia.Latch(e.at(),
                    MediaAnchor.hostPort(e.from()), MediaAnchor.hostPort(e.to()), e.why().description())).toList();
            return new Report(stats.latchedRtp(), stats.latchCount(), latches);
        }
    }
}
