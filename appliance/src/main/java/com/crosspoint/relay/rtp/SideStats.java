package com.crosspoint.relay.rtp;

import com.crosspoint.media.quality.CallQuality;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One side of a relayed call: where its phone was said to be and where it really is, what went each way, the
 * quality of its audio and why the relay sends where it does.
 *
 * @param localRtp     our RTP address towards this phone (RTCP is the next port unless multiplexed)
 * @param signalledRtp the RTP address the phone's SDP names; null before its SDP or when it names none
 * @param behindNat    what the signalling said when the SDP came
 * @param latchedRtp   where the phone's RTP really comes from and ours goes; null before its first packet
 * @param latchedRtcp  where the phone's RTCP comes from and relayed RTCP goes; null before its first report
 * @param traffic      packets and bytes from and to the phone
 * @param sent         quality of the audio the phone sends, as it reached the relay (loss, jitter, RTT when the
 *                     phone's RTCP gave one, MOS)
 * @param heard        quality of the audio the phone receives, from its own RTCP receiver reports; empty while it
 *                     sent none
 * @param latchEvents  the latest latch changes (at most {@link LatchLog#CAPACITY}), oldest first
 * @param latchCount   latch changes since the call began, first latch included
 * @param drops        what was refused and why
 */
public record SideStats(InetSocketAddress localRtp, InetSocketAddress signalledRtp, boolean behindNat,
                        InetSocketAddress latchedRtp, InetSocketAddress latchedRtcp, Traffic traffic,
                        CallQuality sent, Optional<CallQuality> heard, List<LatchEvent> latchEvents, long latchCount,
                        Drops drops) {

    public SideStats {
        Objects.requireNonNull(localRtp, "localRtp");
        Objects.requireNonNull(traffic, "traffic");
        Objects.requireNonNull(sent, "sent");
        Objects.requireNonNull(heard, "heard");
        latchEvents = List.copyOf(latchEvents);
        Objects.requireNonNull(drops, "drops");
    }

    /** RTP packets from the phone that were relayed. */
    public long packets() {
        return traffic.rtpIn();
    }

    /** RTP bytes (whole datagrams) from the phone that were relayed. */
    public long bytes() {
        return traffic.rtpBytesIn();
    }

    /** RTP packets of the phone lost on the way to the relay (RFC 3550 A.3). */
    public long lost() {
        return sent.packetsLost();
    }

    /** Interarrival jitter of the phone's RTP at the relay (RFC 3550 A.8). */
    public double jitterMillis() {
        return sent.jitterMillis();
    }

    /** The E-model MOS of what the phone hears when it reported it, else of what it sends. */
    public double mos() {
        return heard.map(CallQuality::mos).orElse(sent.mos());
    }

    /** Times the relay moved to another source of this phone (first latch not counted). */
    public long relatches() {
        return latchEvents.stream().filter(e -> e.from() != null && e.to() != null).count();
    }

    /**
     * @param rtpIn       RTP packets from the phone, relayed to the other side
     * @param rtpBytesIn  their bytes (whole datagrams)
     * @param rtpOut      RTP packets sent to the phone (the other side's, relayed)
     * @param rtpBytesOut their bytes
     * @param rtcpIn      RTCP compound packets from the phone, relayed
     * @param rtcpOut     RTCP compound packets sent to the phone
     */
    public record Traffic(long rtpIn, long rtpBytesIn, long rtpOut, long rtpBytesOut, long rtcpIn, long rtcpOut) {
    }

    /**
     * @param foreignSource  RTP from a source the latch refused (a stranger, or the phone before its SDP allowed it)
     * @param foreignRtcp    RTCP from a source that is not the phone's
     * @param garbage        datagrams neither RTP nor RTCP, RTP on the RTCP port, or RTCP on an RTP port without
     *                       rtcp-mux
     * @param malformed      datagrams that looked like RTP but did not parse
     * @param unknownPayload RTP of a payload type the phone did not negotiate, or before its SDP
     * @param oversize       datagrams larger than any RTP we relay
     * @param noTarget       packets for this phone dropped because it has no address yet (no SDP, hold address)
     * @param sendFailures   packets for this phone the socket refused
     */
    public record Drops(long foreignSource, long foreignRtcp, long garbage, long malformed, long unknownPayload,
                        long oversize, long noTarget, long sendFailures) {

        public long total() {
            return foreignSource + foreignRtcp + garbage + malformed + unknownPayload + oversize + noTarget
                    + sendFailures;
        }
    }
}
