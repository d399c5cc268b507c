package com.crosspoint.media.jitter;

/**
 * How a {@link JitterBuffer} holds one RTP source.
 *
 * @param frameSamples             samples per frame and per packet (160 = 20 ms at 8 kHz)
 * @param initialDepthFrames       ticks a talkspurt waits before its first frame plays (3 = 60 ms)
 * @param capacityFrames           frames held at most; a burst beyond it drops the oldest
 * @param maxMisorderFrames        how far behind the play position a packet is still "late" rather than a restart
 * @param maxDropoutFrames         how far ahead a packet may jump before the stream counts as restarted
 * @param maxTimestampJumpSamples  timestamp disagreement with the sequence number that means a restart
 * @param drainFrames              consecutive concealed frames with nothing buffered after which the source is
 *                                 treated as paused (silence suppression, hold) and the next packet re-buffers
 */
public record JitterConfig(int frameSamples, int initialDepthFrames, int capacityFrames, int maxMisorderFrames,
                           int maxDropoutFrames, int maxTimestampJumpSamples, int drainFrames) {

    /** 20 ms frames at 8 kHz, 60 ms initial depth, 1 s capacity; misorder/dropout limits after RFC 3550 A.1. */
    public static final JitterConfig TELEPHONE = new JitterConfig(160, 3, 50, 100, 3000, 8000, 10);

    public JitterConfig {
        if (frameSamples < 1) {
            throw new IllegalArgumentException("frameSamples must be positive: " + frameSamples);
        }
        if (capacityFrames < 2) {
            throw new IllegalArgumentException("capacityFrames must be at least 2: " + capacityFrames);
        }
        if (initialDepthFrames < 0 || initialDepthFrames >= capacityFrames) {
            throw new IllegalArgumentException("initialDepthFrames must be in [0, capacityFrames): "
                    + initialDepthFrames);
        }
        if (maxMisorderFrames < 1 || maxMisorderFrames > 0x7FFF) {
            throw new IllegalArgumentException("maxMisorderFrames must be in [1, 32767]: " + maxMisorderFrames);
        }
        if (maxDropoutFrames < capacityFrames || maxDropoutFrames > 0x7FFF) {
            throw new IllegalArgumentException("maxDropoutFrames must be in [capacityFrames, 32767]: "
                    + maxDropoutFrames);
        }
        if (maxTimestampJumpSamples < frameSamples) {
            throw new IllegalArgumentException("maxTimestampJumpSamples must be at least one frame: "
                    + maxTimestampJumpSamples);
        }
        if (drainFrames < 1) {
            throw new IllegalArgumentException("drainFrames must be positive: " + drainFrames);
        }
    }

    /** The telephone defaults with another initial depth. */
    public JitterConfig withInitialDepthFrames(int frames) {
        return new JitterConfig(frameSamples, frames, capacityFrames, maxMisorderFrames, maxDropoutFrames,
                maxTimestampJumpSamples, drainFrames);
    }

    /** The same with another capacity (and a dropout limit at least as large). */
    public JitterConfig withCapacityFrames(int frames) {
        return new JitterConfig(frameSamples, initialDepthFrames, frames, maxMisorderFrames,
                Math.max(frames, maxDropoutFrames), maxTimestampJumpSamples, drainFrames);
    }
}
