package com.crosspoint.media.play;

import com.crosspoint.media.engine.AudioSource;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** Plays samples once (the last frame padded with silence), then reports completion once, on the pacing thread. */
public final class WavPlayer implements AudioSource {
    private final short[] samples;
    private final Runnable onComplete;
    private final AtomicBoolean done = new AtomicBoolean();
    private int position;

    /** @param samples shared, only read; @param onComplete runs once when the last frame has been sent */
    public WavPlayer(short[] samples, Runnable onComplete) {
        this.samples = Objects.requireNonNull(samples, "samples");
        this.onComplete = Objects.requireNonNull(onComplete, "onComplete");
    }

    @Override
    public boolean next(short[] frame) {
        if (position >= samples.length) {
            if (done.compareAndSet(false, true)) {
                onComplete.run();
            }
            return false;
        }
        int n = Math.min(FRAME_SAMPLES, samples.length - position);
        System.arraycopy(samples, position, frame, 0, n);
        if (n < FRAME_SAMPLES) {
            Arrays.fill(frame, n, FRAME_SAMPLES, (short) 0);
        }
        position += n;
        return true;
    }

    public boolean finished() {
        return done.get();
    }
}
