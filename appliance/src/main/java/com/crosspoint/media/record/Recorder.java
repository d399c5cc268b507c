package com.crosspoint.media.record;

import com.crosspoint.media.engine.AudioSink;
import com.crosspoint.media.engine.AudioSource;
import com.crosspoint.media.jitter.FrameKind;
import com.crosspoint.media.wav.WavWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a session's received audio to a WAV file. The pacing thread only copies each frame into a one-second
 * chunk and measures its level; full chunks, the last partial one and the commit ({@link WavWriter#finish()},
 * fsync and rename) are written in order on the given executor, so the pacing clock never waits for a disk. The
 * recording stops at the maximum length, after a run of silence, on {@link #stop()} or when the session closes
 * ({@link #detached()}); the result is reported once, on the executor.
 */
public final class Recorder implements AudioSink {
    private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
    private static final int CHUNK_SAMPLES = 8000;

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

        /**
         * The node's limits: {@code media.maxRecordingSeconds}, {@code media.silenceTimeoutSeconds} and
         * {@code media.silenceThresholdDbfs}.
         */
        public static Limits of(com.crosspoint.media.engine.MediaConfig config) {
            return new Limits(config.maxRecordingSeconds(), config.silenceTimeoutSeconds(),
                    config.silenceThresholdDbfs());
        }
    }

    private final WavWriter writer;
    private final SerialExecutor files;
    private final Consumer<Recording> onDone;
    private final long maxSamples;
    private final int silenceFrames;
    private final double thresholdSquare;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean stopRequested;
    private volatile boolean failed;
    // written chunks come back here: two or three arrays per recording instead of one per second
    private final ConcurrentLinkedQueue<short[]> spare = new ConcurrentLinkedQueue<>();
    private short[] chunk = new short[CHUNK_SAMPLES];
    private int chunkFill;
    private long samples;
    private int silentRun;

    public Recorder(WavWriter writer, Limits limits, Executor files, Consumer<Recording> onDone) {
        this.writer = Objects.requireNonNull(writer, "writer");
        this.files = new SerialExecutor(Objects.requireNonNull(files, "files"));
        this.onDone = Objects.requireNonNull(onDone, "onDone");
        this.maxSamples = limits.maxSeconds() * 8000L;
        this.silenceFrames = limits.silenceSeconds() * 50;
        double level = 32768 * Math.pow(10, limits.thresholdDbfs() / 20.0);
        this.thresholdSquare = level * level;
    }

    /** Starts a recording into a new file (created as a hidden temporary next to {@code target}). */
    public static Recorder start(Path target, Limits limits, Executor files, Consumer<Recording> onDone)
            throws IOException {
        return new Recorder(WavWriter.create(target), limits, files, onDone);
    }

    /** Pacing thread: one frame. */
    @Override
    public synchronized void accept(short[] frame, FrameKind kind) {
        if (stopped.get()) {
            return;
        }
        if (stopRequested || failed) {
            end(failed ? Reason.FAILED : Reason.STOPPED);
            return;
        }
        System.arraycopy(frame, 0, chunk, chunkFill, AudioSource.FRAME_SAMPLES);
        chunkFill += AudioSource.FRAME_SAMPLES;
        samples += AudioSource.FRAME_SAMPLES;
        if (chunkFill == CHUNK_SAMPLES) {
            flushChunk();
        }
        silentRun = kind == FrameKind.SILENCE || energy(frame) < thresholdSquare ? silentRun + 1 : 0;
        if (samples >= maxSamples) {
            end(Reason.MAX_LENGTH);
        } else if (silentRun >= silenceFrames) {
            end(Reason.SILENCE);
        }
    }

    /** Stops at the session's next tick and commits the file (a closed session stops it through detached()). */
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

    private void flushChunk() {
        short[] full = chunk;
        int length = chunkFill;
        short[] next = spare.poll();
        chunk = next != null ? next : new short[CHUNK_SAMPLES];
        chunkFill = 0;
        files.execute(() -> {
            write(full, length);
            spare.add(full);
        });
    }

    private void write(short[] pcm, int length) {
        if (failed || length == 0) {
            return;
        }
        try {
            writer.write(pcm, 0, length);
        } catch (IOException | RuntimeException e) {
            LOG.warn("recording {} failed", writer.target(), e);
            failed = true;
        }
    }

    private void end(Reason reason) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        synchronized (this) { // detached() may come from another thread while a tick is in accept()
            flushChunk();
        }
        files.execute(() -> {
            Recording result;
            if (reason == Reason.FAILED || failed) {
                abortQuietly();
                result = new Recording(null, writer.durationMillis(), Reason.FAILED);
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

    /** Runs one recorder's file tasks in submission order, one at a time, on a shared executor. */
    private static final class SerialExecutor implements Executor {
        private final Executor executor;
        private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        SerialExecutor(Executor executor) {
            this.executor = executor;
        }

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
            schedule();
        }

        private void schedule() {
            if (draining.compareAndSet(false, true)) {
                executor.execute(this::drain);
            }
        }

        private void drain() {
            try {
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    task.run();
                }
            } finally {
                draining.set(false);
                if (!tasks.isEmpty()) {
                    schedule();
                }
            }
        }
    }
}
