package com.crosspoint.media.jitter;

/** What {@link JitterBuffer#poll(short[])} produced this tick. */
public enum FrameKind {
    /** A received frame. */
    PLAYED,
    /** A stand-in for a frame that did not arrive in time: the last frame faded out once, then silence. */
    CONCEALED,
    /** Silence because nothing is due: no source yet, a talkspurt still buffering, or the source paused. */
    SILENCE
}
