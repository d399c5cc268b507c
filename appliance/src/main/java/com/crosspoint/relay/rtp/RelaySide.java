package com.crosspoint.relay.rtp;

import com.crosspoint.media.engine.ReceivedRtp;
import com.crosspoint.media.engine.SignalledLatch;
import com.crosspoint.media.engine.SignalledPeer;
import com.crosspoint.media.engine.SourceLatch;
import com.crosspoint.media.rtp.PacketClassifier;
import com.crosspoint.media.rtp.PacketKind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One side of a relayed call: the port pair its phone is told to use, and symmetric latching towards that phone
 * with the media engine's rule ({@link SignalledLatch}: the SDP address alone when not behind NAT; behind NAT the
 * first source of a negotiated payload type, its SSRC pinned, re-latching only for that SSRC or the phone's SIP
 * host once the latched source was quiet). What this side's phone sends goes out of the other side's sockets to
 * the other phone, unchanged; what the other phone sends comes out of this side's sockets, so each phone hears
 * the relay from exactly the ports advertised to it.
 *
 * <p>Threads: {@link #onDatagram} and the sends run on the call's forwarding thread (both sides of a call share
 * one), without allocating or locking beyond the reception statistics' short lock. {@link #expect} and
 * {@link #paused} may be called from any thread; they swap an immutable {@link Expectation}.
 */
public final class RelaySide {
    private final String label;
    private final Clock clock;
    private final DatagramChannel rtp;
    private final DatagramChannel rtcp;
    private final InetSocketAddress localRtp;
    private final SignalledLatch policy;
    private final SourceLatch latch;
    private final ReceivedRtp packet; // the forwarding thread's, shared by its calls: read and let go per packet
    private final Reception reception = new Reception();
    private final SideCounters counters = new SideCounters();
    private final RtcpWatch watch = new RtcpWatch();
    private final LatchLog log = new LatchLog();
    private RelaySide other;
    private volatile Expectation expectation;
    private volatile InetSocketAddress rtcpSource;
    private volatile boolean paused;
    private volatile long lastHeardNanos;
    private volatile long lastSsrc = -1;

    /** @param scratch where the forwarding thread reads packets; shared by every side of that thread */
    RelaySide(String label, Sockets sockets, ReceivedRtp scratch, int relatchPackets, Clock clock) {
        this.label = label;
        this.packet = scratch;
        this.clock = clock;
        this.rtp = sockets.rtp();
        this.rtcp = sockets.rtcp();
        this.localRtp = sockets.advertised();
        this.policy = new SignalledLatch(SignalledPeer.DIRECT, relatchPackets);
        this.latch = new SourceLatch(policy);
        this.lastHeardNanos = System.nanoTime(); // a call nobody speaks on times out counted from its opening
    }

    /** The channels of one side and the address its phone is told about. */
    record Sockets(DatagramChannel rtp, DatagramChannel rtcp, InetSocketAddress advertised) {
    }

    void pair(RelaySide otherSide) {
        this.other = Objects.requireNonNull(otherSide, "otherSide");
    }

    /** Our RTP address towards this side's phone: what the SDP sent to it names. */
    public InetSocketAddress localRtp() {
        return localRtp;
    }

    /** Our RTCP port towards this side's phone ({@code a=rtcp}); unused when the phone multiplexes. */
    public int localRtcpPort() {
        return localRtp.getPort() + 1;
    }

    /**
     * What this side's phone signalled in its latest SDP (a re-INVITE calls it again). Until it is called, nothing
     * this phone sends is relayed and nothing is sent to it. A changed address or NAT verdict clears the latch.
     *
     * @param signalledRtp  the SDP's RTP address ({@code c=} and {@code m=} port); a wildcard address means hold
     * @param signalledRtcp the SDP's {@code a=rtcp} address, if it named one (else RTP port + 1)
     * @param peer          what the SIP side found: {@link SignalledPeer#DIRECT} latches to the SDP address alone,
     *                      {@link SignalledPeer#behindNat} lets the phone's real source latch (and its SIP host
     *                      re-latch)
     * @param payloadTypes  the payload types negotiated for what this phone sends (0..63, 96..127); others are
     *                      dropped and never move the latch
     * @param rtcpMux       the phone sends and takes RTCP on its RTP port (RFC 5761)
     * @param clockRate     RTP clock rate of its audio (8000 for G.711), for jitter
     * @throws IllegalArgumentException no payload type, one out of range, or a clock rate out of range
     */
    public void expect(InetSocketAddress signalledRtp, Optional<InetSocketAddress> signalledRtcp, SignalledPeer peer,
                       Set<Integer> payloadTypes, boolean rtcpMux, int clockRate) {
        Expectation next = Expectation.of(signalledRtp, signalledRtcp.orElse(null), peer, payloadTypes, rtcpMux,
                clockRate);
        Expectation before = expectation;
        boolean peerChanged = policy.peer(peer);
        expectation = next;
        if (before != null && (peerChanged || !Objects.equals(before.signalledRtp(), next.signalledRtp()))) {
            InetSocketAddress was = latch.source();
            latch.reset();
            rtcpSource = null;
            if (was != null) {
                log.add(new LatchEvent(clock.instant(), was, null, LatchEvent.Reason.NEW_SDP));
            }
        }
    }

    /** Hold or inactive: no media timeout while paused; whatever packets come are still relayed. */
    public void paused(boolean pause) {
        if (paused && !pause) {
            lastHeardNanos = System.nanoTime(); // the timeout counts from the resume
        }
        paused = pause;
    }

    public boolean isPaused() {
        return paused;
    }

    /** Where this phone is heard from and sent to now; null before its first packet. */
    public InetSocketAddress latchedSource() {
        return latch.source();
    }

    public SideStats stats() {
        Expectation e = expectation;
        int clockRate = e == null ? 8000 : e.clockRate();
        return new SideStats(localRtp, e == null ? null : e.signalledRtp(), e != null && e.behindNat(),
                latch.source(), rtcpSource, counters.traffic(), reception.quality(clockRate, watch.rttMillis()),
                watch.heard(counters.rtpOut, clockRate), log.events(), log.count(),
                counters.drops(latch.foreignPackets()));
    }

    /** Forwarding thread: one datagram that arrived on this side's RTP or RTCP socket. */
    void onDatagram(ByteBuffer datagram, InetSocketAddress from, boolean onRtcpPort, long nowNanos) {
        Expectation e = expectation;
        PacketKind kind = PacketClassifier.classify(datagram);
        if (kind == PacketKind.RTCP && (onRtcpPort || e != null && e.rtcpMux())) {
            onRtcp(datagram, from, onRtcpPort, e, nowNanos);
        } else if (kind == PacketKind.RTP && !onRtcpPort) {
            onRtp(datagram, from, e, nowNanos);
        } else {
            counters.garbage++;
        }
    }

    /** Forwarding thread: a datagram too large for any RTP we relay (it was truncated on receipt). */
    void oversize() {
        counters.oversize++;
    }

    private void onRtp(ByteBuffer datagram, InetSocketAddress from, Expectation e, long nowNanos) {
        ReceivedRtp.Read read = packet.read(datagram, from, nowNanos);
        if (read != ReceivedRtp.Read.OK) {
            if (read == ReceivedRtp.Read.MALFORMED) {
                counters.malformed++;
            } else {
                counters.oversize++;
            }
            return;
        }
        if (e == null || !e.negotiated(packet.payloadType())) {
            counters.unknownPayload++;
            return;
        }
        InetSocketAddress before = latch.source();
        SourceLatch.Verdict verdict = latch.check(packet, e.signalledRtp());
        if (verdict == SourceLatch.Verdict.FOREIGN) {
            return; // counted by the latch
        }
        if (verdict == SourceLatch.Verdict.LATCHED_NOW) {
            latched(before, from, e);
        }
        int bytes = datagram.remaining();
        reception.count(packet, e.clockRate());
        counters.rtpIn(bytes);
        lastHeardNanos = nowNanos;
        lastSsrc = packet.ssrc();
        other.sendRtp(datagram, bytes);
    }

    private void latched(InetSocketAddress before, InetSocketAddress now, Expectation e) {
        LatchEvent.Reason why;
        if (!e.behindNat()) {
            why = LatchEvent.Reason.SIGNALLED_ADDRESS;
        } else if (before == null) {
            why = LatchEvent.Reason.FIRST_SOURCE_BEHIND_NAT;
        } else if (packet.ssrc() == lastSsrc) {
            why = LatchEvent.Reason.SAME_STREAM_NEW_ADDRESS;
        } else {
            why = LatchEvent.Reason.SIGNALLING_HOST_TOOK_OVER;
        }
        log.add(new LatchEvent(clock.instant(), before, now, why)); // rare: allocation is fine here
    }

    private void onRtcp(ByteBuffer datagram, InetSocketAddress from, boolean onRtcpPort, Expectation e,
                        long nowNanos) {
        if (e == null || !rtcpFromPhone(from, onRtcpPort, e)) {
            counters.foreignRtcp++;
            return;
        }
        if (onRtcpPort) {
            rtcpSource = from;
        }
        counters.rtcpIn++;
        lastHeardNanos = nowNanos;
        watch.fromPhone(datagram, nowNanos, other.watch, other.lastSsrc);
        other.sendRtcp(datagram);
    }

    /**
     * RTCP is taken from the phone only: multiplexed, from its RTP source; on the RTCP port, from the SDP's RTCP
     * address or, behind NAT, from the host its RTP is latched to (the NAT maps the RTCP port its own way).
     */
    private boolean rtcpFromPhone(InetSocketAddress from, boolean onRtcpPort, Expectation e) {
        InetSocketAddress latched = latch.source();
        if (!onRtcpPort) {
            return from.equals(latched) || from.equals(e.signalledRtp());
        }
        if (from.equals(e.signalledRtcp())) {
            return true;
        }
        return e.behindNat() && latched != null && from.getAddress().equals(latched.getAddress());
    }

    /** Forwarding thread: the other phone's RTP, out of our RTP socket to this phone. */
    private void sendRtp(ByteBuffer datagram, int bytes) {
        InetSocketAddress target = rtpTarget();
        if (target == null) {
            counters.noTarget++;
            return;
        }
        if (send(rtp, datagram, target)) {
            counters.rtpOut(bytes);
        }
    }

    /** Forwarding thread: the other phone's RTCP, out of our RTCP socket (or the RTP one, multiplexed). */
    private void sendRtcp(ByteBuffer datagram) {
        Expectation e = expectation;
        if (e == null) {
            counters.noTarget++;
            return;
        }
        InetSocketAddress learned = rtcpSource;
        InetSocketAddress target = e.rtcpMux() ? rtpTarget() : learned != null ? learned : e.signalledRtcp();
        if (target == null) {
            counters.noTarget++;
            return;
        }
        if (send(e.rtcpMux() ? rtp : rtcp, datagram, target)) {
            counters.rtcpOut++;
        }
    }

    private boolean send(DatagramChannel channel, ByteBuffer datagram, InetSocketAddress target) {
        try {
            if (channel.send(datagram, target) > 0) {
                return true;
            }
        } catch (IOException e) {
            // closed under us, or ICMP unreachable reported on the socket: counted
        }
        counters.sendFailures++;
        return false;
    }

    /** The latched source, else the SDP address; null when neither. */
    private InetSocketAddress rtpTarget() {
        InetSocketAddress latched = latch.source();
        if (latched != null) {
            return latched;
        }
        Expectation e = expectation;
        return e == null ? null : e.signalledRtp();
    }

    /** When this phone's last RTP or RTCP was relayed ({@link System#nanoTime}); the opening before any. */
    long lastHeardNanos() {
        return lastHeardNanos;
    }

    DatagramChannel rtpChannel() {
        return rtp;
    }

    DatagramChannel rtcpChannel() {
        return rtcp;
    }

    @Override
    public String toString() {
        return "RelaySide[" + label + " " + localRtp + "]";
    }
}
