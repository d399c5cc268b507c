package com.crosspoint.media.engine;

import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The latching rule for calls: RTP is taken from where the signalling points, so a third party spraying our ports
 * gets nothing back (issue 10).
 *
 * <ul>
 *   <li>Not behind NAT ({@link SignalledPeer#DIRECT}): only the address the SDP names latches, at once; nothing
 *       else ever does.</li>
 *   <li>Behind NAT: the first source of a negotiated payload type latches (the SDP address is not where the packets
 *       come from) and its SSRC is pinned; the latched address may restart its stream (its new SSRC is pinned).
 *       Another source may take over only with the pinned SSRC (the NAT rebound the same stream to a new port) or
 *       from the host the signalling came from, after {@code media.relatchPackets} in a row, once the latched
 *       source was quiet for {@link QuietTakeover#QUIET_NANOS}; the signalling host need not wait for the quiet
 *       when the latched source is not on it (that one won the first latch without the signalling's word, and
 *       its packets do not break the phone's run either). A stranger's own stream never takes over.</li>
 * </ul>
 *
 * <p>The peer is set from any thread ({@link #peer(SignalledPeer)}, followed by the latch's reset); everything
 * else runs on the receive thread, without allocating or locking.
 */
public final class SignalledLatch implements LatchPolicy {
    private final CandidateRun run;
    private volatile SignalledPeer peer;
    private long pinnedSsrc; // receive thread only
    private boolean latchedOnSignallingHost; // receive thread only

    /** @param packets consecutive packets before another source takes over ({@code media.relatchPackets}) */
    public SignalledLatch(SignalledPeer peer, int packets) {
        this.peer = Objects.requireNonNull(peer, "peer");
        this.run = new CandidateRun(packets);
    }

    public SignalledPeer peer() {
        return peer;
    }

    /** Sets what the signalling says now; whether that changed (then the caller resets the latch). */
    public boolean peer(SignalledPeer now) {
        Objects.requireNonNull(now, "peer");
        SignalledPeer before = peer;
        peer = now;
        return !before.equals(now);
    }

    @Override
    public boolean latchesFirst(ReceivedRtp packet, InetSocketAddress signalledRtp) {
        SignalledPeer p = peer;
        run.clear();
        if (!p.behindNat()) {
            return packet.source().equals(signalledRtp);
        }
        latched(packet, p);
        return true;
    }

    @Override
    public boolean takesOver(ReceivedRtp packet, long quietNanos, InetSocketAddress signalledRtp) {
        SignalledPeer p = peer;
        if (!p.behindNat()) {
            return packet.source().equals(signalledRtp); // the signalled address, wherever the latch was
        }
        InetSocketAddress from = packet.source();
        boolean fromSignallingHost = from.getAddress().equals(p.signallingHost());
        if (!fromSignallingHost && packet.ssrc() != pinnedSsrc) {
            return false; // a stranger's own stream
        }
        boolean outranks = fromSignallingHost && !latchedOnSignallingHost;
        if (!run.reached(from) || quietNanos < QuietTakeover.QUIET_NANOS && !outranks) {
            return false;
        }
        run.clear();
        latched(packet, p);
        return true;
    }

    private void latched(ReceivedRtp packet, SignalledPeer p) {
        pinnedSsrc = packet.ssrc();
        latchedOnSignallingHost = packet.source().getAddress().equals(p.signallingHost());
    }

    @Override
    public void latchedSourceSent(ReceivedRtp packet) {
        if (latchedOnSignallingHost || !peer.behindNat()) {
            run.clear(); // a talking phone breaks a candidate's run; a stranger who got in first does not
        }
        pinnedSsrc = packet.ssrc(); // the latched address restarted its stream: follow its new SSRC
    }

    @Override
    public boolean rtcpFollowsSource() {
        return peer.behindNat();
    }
}
