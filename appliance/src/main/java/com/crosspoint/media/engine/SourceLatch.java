package com.crosspoint.media.engine;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Symmetric RTP (RFC 4961): the one source address a session accepts RTP from, which is also where its RTP
 * goes. Whether a source latches, or takes over from the latched one, is its {@link LatchPolicy}'s call.
 * {@link #check} runs on the session's receive thread only; {@link #source()} and {@link #reset()} from any.
 */
public final class SourceLatch {

    /** What a packet's source is to the latch. */
    public enum Verdict {
        /** Sent by the latched source. */
        FROM_LATCHED,
        /** Its source is the latched one from now on (the first latch, or a takeover). */
        LATCHED_NOW,
        /** Another source, which did not take over: drop the packet. */
        FOREIGN
    }

    private final LatchPolicy policy;
    private final AtomicLong foreign = new AtomicLong();
    private final AtomicLong relatches = new AtomicLong();
    private volatile InetSocketAddress source;
    private long lastFromLatchedNanos; // receive thread only

    public SourceLatch(LatchPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Receive thread: what the packet's source is to the latch; latches or takes over when the policy says so.
     *
     * @param signalledRtp where the peer's SDP says its RTP comes from; null when not known
     */
    public Verdict check(ReceivedRtp packet, InetSocketAddress signalledRtp) {
        InetSocketAddress latched = source;
        InetSocketAddress from = packet.source();
        Verdict verdict;
        if (latched == null) {
            verdict = policy.latchesFirst(packet, signalledRtp) ? Verdict.LATCHED_NOW : Verdict.FOREIGN;
        } else if (latched.equals(from)) {
            policy.latchedSourceSent(packet);
            verdict = Verdict.FROM_LATCHED;
        } else if (policy.takesOver(packet, packet.arrivalNanos() - lastFromLatchedNanos, signalledRtp)) {
            relatches.incrementAndGet();
            verdict = Verdict.LATCHED_NOW;
        } else {
            verdict = Verdict.FOREIGN;
        }
        if (verdict == Verdict.FOREIGN) {
            foreign.incrementAndGet();
            return verdict;
        }
        source = from;
        lastFromLatchedNanos = packet.arrivalNanos();
        return verdict;
    }

    /** The latched source, or null before the first latch and after a {@link #reset()}. */
    public InetSocketAddress source() {
        return source;
    }

    /** Whether our RTCP may follow the peer's RTCP source on the latched host (its policy's call). */
    public boolean rtcpFollowsSource() {
        return policy.rtcpFollowsSource();
    }

    /** Forgets the latched source (the peer moved in SDP): the next accepted packet latches afresh. */
    public void reset() {
        source = null;
    }

    /** Packets dropped because another source is latched (or none may latch yet). */
    public long foreignPackets() {
        return foreign.get();
    }

    /** Times another source took over after the first latch. */
    public long relatches() {
        return relatches.get();
    }
}
