package com.crosspoint.acd.bench;

import com.crosspoint.bench.LatencyHistogram;
import java.util.concurrent.locks.LockSupport;

/**
 * A bare 20 ms timer thread doing nothing else, in the tool's JVM (the appliance's process group, so the same
 * share of the cores): how late each of its wake-ups is shows what the box's scheduling alone costs a pacing
 * thread, to set beside the appliance's pacing slip.
 */
final class TimerProbe implements AutoCloseable {
    private static final long TICK_NANOS = 20_000_000;

    private final LatencyHistogram late = new LatencyHistogram();
    private final Thread thread = new Thread(this::run, "timer-probe");
    private volatile boolean measuring;
    private volatile boolean running = true;

    TimerProbe() {
        thread.setDaemon(true);
        thread.start();
    }

    void measure(boolean on) {
        measuring = on;
    }

    LatencyHistogram late() {
        synchronized (late) {
            return late.copy();
        }
    }

    private void run() {
        long due = System.nanoTime() + TICK_NANOS;
        while (running) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            if (measuring) {
                synchronized (late) {
                    late.record(-wait / 1000);
                }
            }
            due += TICK_NANOS;
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
