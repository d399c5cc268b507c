package com.crosspoint.media.engine;

import java.net.InetSocketAddress;

/**
 * Who may send a session its RTP: which source latches first and when another takes the stream over. A
 * {@link SourceLatch} asks it on the receive thread for every packet that passed the payload checks (so only
 * packets of a negotiated payload type reach it); one instance per session, so it may keep state, touched by the
 * receive thread only. Decisions must not allocate or lock: they run per packet. {@link SignalledLatch} is the
 * rule for calls (the signalled address, unless behind NAT); {@link QuietTakeover} the permissive one.
 */
public interface LatchPolicy {

    /**
     * Nothing is latched yet (a new stream, or the peer moved in SDP).
     *
     * @param signalledRtp where the peer's SDP says its RTP comes from; null when not known
     * @return whether the packet's source latches; if not, the packet is dropped as foreign
     */
    boolean latchesFirst(ReceivedRtp packet, InetSocketAddress signalledRtp);

    /**
     * A packet from a source other than the latched one.
     *
     * @param quietNanos   how long the latched source has not sent (arrival minus its last packet's arrival)
     * @param signalledRtp where the peer's SDP says its RTP comes from; null when not known
     * @return whether its source takes over from now on; if not, the packet is dropped as foreign
     */
    boolean takesOver(ReceivedRtp packet, long quietNanos, InetSocketAddress signalledRtp);

    /** A packet came from the latched source. */
    void latchedSourceSent(ReceivedRtp packet);

    /**
     * Whether our RTCP may follow where the peer's RTCP comes from (on the latched RTP host), rather than stay at
     * the RTCP address the SDP names.
     */
    boolean rtcpFollowsSource();
}
