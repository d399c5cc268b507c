package com.crosspoint.console.viewmodel;

import java.time.Duration;

/** Runs a task later on the UI thread; injected so tests advance time by hand. */
public interface Scheduler {

    Cancellable schedule(Runnable task, Duration delay);

    interface Cancellable {
        void cancel();
    }
}
