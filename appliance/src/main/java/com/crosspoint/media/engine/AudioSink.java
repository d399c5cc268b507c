package com.crosspoint.media.engine;

import com.crosspoint.media.jitter.FrameKind;

/** Receives a session's jitter-buffered, decoded audio: one frame per pacing tick, on the pacing thread. */
@FunctionalInterface
public interface AudioSink {
    /**
     * @param frame 160 samples, valid only during the call (the session reuses the array)
     * @param kind  whether it was received, concealed, or silence because nothing is due
     */
    void accept(short[] frame, FrameKind kind);

    /** The session closed (or replaced this sink): stop and release what is held. Called once at most. */
    default void detached() {
    }
}
