package com.crosspoint.media.engine;

/**
 * Audio a session sends: one 20 ms frame per pacing tick, called on the pacing thread (must not block).
 */
@FunctionalInterface
public interface AudioSource {
    /** Samples per frame: 20 ms at 8 kHz. */
    int FRAME_SAMPLES = 160;

    /**
     * Fills {@code frame[0..160)} with the next 20 ms.
     *
     * @return false when the source has ended (the frame is then ignored and the session sends comfort silence)
     */
    boolean next(short[] frame);
}
