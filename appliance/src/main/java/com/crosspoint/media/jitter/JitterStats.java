package com.crosspoint.media.jitter;

/**
 * Counters of one {@link JitterBuffer}, since it was created.
 *
 * @param received    packets offered
 * @param played      frames played from a packet
 * @param concealed   frames substituted for a missing packet (fade or silence)
 * @param late        packets that arrived after their frame was due, dropped
 * @param duplicate   packets already held or played, dropped
 * @param overflowed  held frames dropped because a burst exceeded the capacity
 * @param resets      stream restarts: SSRC change, sequence or timestamp discontinuity
 * @param rejected    packets whose size is not one frame, dropped
 * @param jumped      packets far from the stream's sequence numbers that the next packet did not confirm, dropped
 */
public record JitterStats(long received, long played, long concealed, long late, long duplicate, long overflowed,
                          long resets, long rejected, long jumped) {
    public JitterStats {
        if (received < 0 || played < 0 || concealed < 0 || late < 0 || duplicate < 0 || overflowed < 0
                || resets < 0 || rejected < 0 || jumped < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }
}
