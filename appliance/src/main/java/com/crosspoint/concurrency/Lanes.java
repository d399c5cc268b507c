package com.crosspoint.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of single-thread executors. Work is striped by key, so all work for one key (a call)
 * runs in order on one thread and the objects it touches need no locks; different keys run in
 * parallel. New work from the network enters with {@link #admit}, which refuses it once its lane holds
 * {@code admitBound} tasks (the caller sheds load: SIP 503 with Retry-After). Work of something already admitted (a
 * call's responses, timers, commits) enters with {@link #execute} and is taken beyond that bound: dropping it would
 * strand an admitted call (an answer never connected, a BYE never sent). Only a runaway reaches the hard ceiling of
 * {@value #CEILING_FACTOR} times the bound, where {@link #execute} refuses too, to keep memory bounded.
 */
public final class Lanes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lanes.class);

    static final int CEILING_FACTOR = 4;

    private final List<ThreadPoolExecutor> lanes = new ArrayList<>();
    private final AtomicLong rejected = new AtomicLong();
    private final int admitBound;

    public Lanes(String name, int count, int admitBound) {
        this.admitBound = admitBound;
        for (int i = 0; i < count; i++) {
            String threadName = name + "-" + i;
            ThreadPoolExecutor lane = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                    new LinkedBlockingQueue<>(admitBound * CEILING_FACTOR), r -> {
                        Thread t = new Thread(r, threadName);
                        t.setDaemon(true);
                        return t;
                    });
            lanes.add(lane);
        }
    }

    /** Runs new work on the lane of {@code key}; throws RejectedExecutionException when that lane is busy. */
    public void admit(Object key, Runnable task) {
        ThreadPoolExecutor lane = laneOf(key);
        if (lane.getQueue().size() >= admitBound) {
            rejected.incrementAndGet();
            throw new RejectedExecutionException("lane " + lanes.indexOf(lane) + " holds " + admitBound + " tasks");
        }
        run(lane, task);
    }

    /**
     * Runs work of something already admitted on the lane of {@code key}, beyond the admission bound; throws
     * RejectedExecutionException only at the hard ceiling.
     */
    public void execute(Object key, Runnable task) {
        run(laneOf(key), task);
    }

    private void run(ThreadPoolExecutor lane, Runnable task) {
        try {
            lane.execute(guarded(task));
        } catch (RejectedExecutionException e) {
            rejected.incrementAndGet();
            throw e;
        }
    }

    /** The lane of a key, as a plain Executor (for CompletableFuture continuations). */
    public Executor executor(Object key) {
        return task -> execute(key, task);
    }

    private ThreadPoolExecutor laneOf(Object key) {
        return lanes.get(Math.floorMod(key.hashCode() * 0x9E3779B9, lanes.size()));
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                // One failing task must not kill the lane or silently drop the rest of its queue.
                LOG.error("task failed on {}", Thread.currentThread().getName(), e);
            }
        };
    }

    /** Tasks refused because a lane was busy (new work) or at its ceiling (admitted work), since start. */
    public long rejectedCount() {
        return rejected.get();
    }

    public int queued() {
        return lanes.stream().mapToInt(l -> l.getQueue().size()).sum();
    }

    @Override
    public void close() {
        lanes.forEach(ThreadPoolExecutor::shutdown);
        for (ThreadPoolExecutor l : lanes) {
            try {
                if (!l.awaitTermination(5, TimeUnit.SECONDS)) {
                    l.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                l.shutdownNow();
            }
        }
    }
}
