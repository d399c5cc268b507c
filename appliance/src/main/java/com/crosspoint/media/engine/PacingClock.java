package com.crosspoint.media.engine;

import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one 20 ms clock of all playback and mixing: a fixed-rate task on a single scheduled thread, waking
 * {@code phases} times a period (each wake runs the tick of one phase, 0 to phases - 1 in turn; see
 * {@link PacingPhases}). Each wake's slip (actual start − scheduled start) and its finish (end of its work −
 * scheduled start, i.e. the latest send of that wake) are recorded in histograms. A tick that throws is logged and
 * counted; the clock keeps going.
 */
public final class PacingClock implements AutoCloseable {
    public static final long PERIOD_NANOS = 20_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(PacingClock.class);

    private final ScheduledExecutorService executor;
    private final java.util.function.IntConsumer tick;
    private final int phases;
    private final LongSupplier nanoTime;
    private final SlipHistogram slip = new SlipHistogram();
    private final SlipHistogram finish = new SlipHistogram();
    private long startNanos;
    private long ticks;
    private volatile long failures; // written by the pacing thread only
    private ScheduledFuture<?> future;

    /** @param executor must run this clock alone on one thread (boot creates it for this only) */
    public PacingClock(ScheduledExecutorService executor, Runnable tick) {
        this(executor, phase -> tick.run(), 1, System::nanoTime);
    }

    /** @param tick runs with the phase due, {@code phases} times a period */
    PacingClock(ScheduledExecutorService executor, java.util.function.IntConsumer tick, int phases) {
        this(executor, tick, phases, System::nanoTime);
    }

    PacingClock(ScheduledExecutorService executor, java.util.function.IntConsumer tick, int phases,
                LongSupplier nanoTime) {
        if (phases < 1 || PERIOD_NANOS % phases != 0) {
            throw new IllegalArgumentException("phases must divide the 20 ms period, got " + phases);
        }
        this.executor = Objects.requireNonNull(executor, "executor");
        this.tick = Objects.requireNonNull(tick, "tick");
        this.phases = phases;
        this.nanoTime = nanoTime;
    }

    public synchronized void start() {
        if (future != null) {
            throw new IllegalStateException("already started");
        }
        long wake = PERIOD_NANOS / phases;
        startNanos = nanoTime.getAsLong() + wake;
        future = executor.scheduleAtFixedRate(this::run, wake, wake, TimeUnit.NANOSECONDS);
    }

    private void run() {
        long scheduled = startNanos + ticks * (PERIOD_NANOS / phases);
        int phase = (int) (ticks % phases);
        ticks++;
        long begin = nanoTime.getAsLong();
        slip.record((begin - scheduled) / 1000);
        try {
            tick.accept(phase);
        } catch (RuntimeException | Error e) {
            if (failures++ % 1000 == 0) {
                LOG.error("media tick failed (one in 1000 further failures is logged)", e);
            }
        }
        finish.record((nanoTime.getAsLong() - scheduled) / 1000);
    }

    /** Slip of each wake's start behind its schedule. */
    public SlipHistogram slip() {
        return slip;
    }

    /** Lateness of each wake's end (its last send) behind its scheduled start. */
    public SlipHistogram finish() {
        return finish;
    }

    public long failures() {
        return failures;
    }

    @Override
    public synchronized void close() {
        if (future != null) {
            future.cancel(false);
        }
    }
}
