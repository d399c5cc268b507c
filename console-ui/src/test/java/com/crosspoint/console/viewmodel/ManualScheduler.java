package com.crosspoint.console.viewmodel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A {@link Scheduler} whose tasks run only when the test says so. */
final class ManualScheduler implements Scheduler {
    static final class Task implements Cancellable {
        final Runnable runnable;
        final Duration delay;
        boolean cancelled;
        boolean ran;

        Task(Runnable runnable, Duration delay) {
            this.runnable = runnable;
            this.delay = delay;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    final List<Task> tasks = new ArrayList<>();

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        Task t = new Task(task, delay);
        tasks.add(t);
        return t;
    }

    List<Task> pending() {
        return tasks.stream().filter(t -> !t.cancelled && !t.ran).toList();
    }

    /** Runs every pending task once (tasks they schedule stay pending). */
    void runPending() {
        for (Task t : pending()) {
            t.ran = true;
            t.runnable.run();
        }
    }
}
