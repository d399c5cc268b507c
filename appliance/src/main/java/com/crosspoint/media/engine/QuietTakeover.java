package com.crosspoint.media.engine;

import java.net.InetSocketAddress;

/**
 * The permissive latching rule, for media nobody signalled: the first source latches; another takes over after
 * {@code packets} in a row from it (none from the latched source or a third one in between), and only once the
 * latched source has been quiet for {@link #QUIET_NANOS}. A phone whose NAT binding changed stops sending from the
 * old address; an attacker spraying RTP at our port while the phone still talks ("RTP bleed") cannot redirect the
 * call's audio to itself, but one who is first, or who sends while the phone is silent, can: sessions of calls
 * use {@link SignalledLatch}.
 */
final class QuietTakeover implements LatchPolicy {
    /** How long the latched source must have been quiet before another may take the media over. */
    static final long QUIET_NANOS = 500_000_000L;

    private final CandidateRun run;

    /** @param packets consecutive packets from a new source before it may take over ({@code media.relatchPackets}) */
    QuietTakeover(int packets) {
        this.run = new CandidateRun(packets);
    }

    @Override
    public boolean latchesFirst(ReceivedRtp packet, InetSocketAddress signalledRtp) {
        run.clear();
        return true;
    }

    @Override
    public boolean takesOver(ReceivedRtp packet, long quietNanos, InetSocketAddress signalledRtp) {
        if (!run.reached(packet.source()) || quietNanos < QUIET_NANOS) {
            return false;
        }
        run.clear(); // the candidate is the latched source now
        return true;
    }

    @Override
    public void latchedSourceSent(ReceivedRtp packet) {
        run.clear();
    }

    @Override
    public boolean rtcpFollowsSource() {
        return true;
    }
}
