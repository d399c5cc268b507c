package com.crosspoint.media.record;

import com.crosspoint.media.engine.AudioSink;
import com.crosspoint.media.engine.AudioSource;
import com.crosspoint.media.jitter.FrameKind;
import com.crosspoint.media.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a session's received audio to a WAV file: frames are written on the pacing thread into the writer's
 * buffer; the recording stops at the maximum length, after a run of silence, on {@link #stop()} or when the
 * session closes, and is then committed ({@link WavWriter#finish()}, fsync and rename) on the given executor, off
 * the pacing thread. The result is reported once.
 */
public final class Recorder implements AudioSink {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);

    /** Why a recording ended. */
    public enum Reason { MAX_LENGTH, SILENCE, STOPPED, FAILED }

    /**
     * @param file           the committed file, or null when it failed
     * @param durationMillis audio in the file
     */
    public record Recording(Path file, long durationMillis, Reason reason) {
    }

    /**
     * @param maxSeconds       longest recording
     * @param silenceSeconds   stop after this much continuous silence
     * @param thresholdDbfs    frames whose RMS is below this level are silence (e.g. -45)
     */
    public record Limits(int maxSeconds, int silenceSeconds, int thresholdDbfs) {
        public Limits {
            if (maxSeconds < 1 || silenceSeconds < 1 || thresholdDbfs > 0) {
                throw new IllegalArgumentException("invalid recording limits");
            }
        }
    }

    private final WavWriter writer;
    private final Executor finisher;
    private final Consumer<Recording> onDone;
    private final long maxSamples;
    private final int silenceFrames;
    private final double thresholdSquare;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean stopRequested;
    private int silentRun;

    public Recorder(WavWriter writer, Limits limits, Executor finisher, Consumer<Recording> onDone) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.finisher = Objects.requireNonNull(finisher, "finisher");
        this.onDone = Objects.requireNonNull(onDone, "onDone");
        this.maxSamples = limits.maxSeconds() * 8000L;
        this.silenceFrames = limits.silenceSeconds() * 50;
        double level = 32768 * Math.pow(10, limits.thresholdDbfs() / 20.0);
        this.thresholdSquare = level * level;
    }

    /** Starts a recording into a new file (created as a hidden temporary next to {@code target}). */
    public static Recorder start(Path target, Limits limits, Executor finisher, Consumer<Recording> onDone)
            throws IOException {
        return new Recorder(WavWriter.create(target), limits, finisher, onDone);
    }

    @Override
    public void accept(short[] frame, FrameKind kind) {
        if (stopped.get()) {
            return;
        }
        if (stopRequested) {
            end(Reason.STOPPED);
            return;
        }
        try {
            writer.write(frame, 0, AudioSource.FRAME_SAMPLES);
        } catch (IOException | RuntimeException e) {
            LOG.warn("recording {} failed", writer.target(), e);
            end(Reason.FAILED);
            return;
        }
        silentRun = kind == FrameKind.SILENCE || energy(frame) < thresholdSquare ? silentRun + 1 : 0;
        if (writer.samples() >= maxSamples) {
            end(Reason.MAX_LENGTH);
        } else if (silentRun >= silenceFrames) {
            end(Reason.SILENCE);
        }
    }

    /** Stops at the next tick (or now, if the session no longer ticks) and commits the file. */
    public void stop() {
        stopRequested = true;
    }

    @Override
    public void detached() {
        end(Reason.STOPPED);
    }

    public boolean isStopped() {
        return stopped.get();
    }

    private void end(Reason reason) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        finisher.execute(() -> {
            Recording result;
            if (reason == Reason.FAILED) {
                abortQuietly();
                result = new Recording(null, writer.durationMillis(), reason);
            } else {
                try {
                    Path file = writer.finish();
                    result = new Recording(file, writer.durationMillis(), reason);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("recording {} could not be committed", writer.target(), e);
                    abortQuietly();
                    result = new Recording(null, writer.durationMillis(), Reason.FAILED);
                }
            }
            onDone.accept(result);
        });
    }

    private void abortQuietly() {
        try {
            writer.abort();
        } catch (IOException | RuntimeException e) {
            LOG.debug("abort of {} failed", writer.target(), e);
        }
    }

    private static double energy(short[] frame) {
        double sum = 0;
        for (int i = 0; i < AudioSource.FRAME_SAMPLES; i++) {
            sum += (double) frame[i] * frame[i];
        }
        return sum / AudioSource.FRAME_SAMPLES;
    }
}
