package com.crosspoint.media.play;

import com.crosspoint.media.engine.AudioSource;
import java.util.Objects;

/** Plays samples over and over (music on hold); never ends by itself. */
public final class LoopPlayer implements AudioSource {
    private final short[] samples;
    private int position;

    public LoopPlayer(short[] samples) {
        this.samples = Objects.requireNonNull(samples, "samples");
        if (samples.length == 0) {
            throw new IllegalArgumentException("nothing to loop");
        }
    }

    @Override
    public boolean next(short[] frame) {
        for (int i = 0; i < FRAME_SAMPLES; ) {
            int n = Math.min(FRAME_SAMPLES - i, samples.length - position);
            System.arraycopy(samples, position, frame, i, n);
            i += n;
            position += n;
            if (position == samples.length) {
                position = 0;
            }
        }
        return true;
    }
}
