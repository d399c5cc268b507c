package com.crosspoint.console.util;

import javafx.application.Platform;

import java.util.concurrent.Executor;

/**
 * The one way results of background work reach the JavaFX application thread. View-models take an
 * {@link Executor} for this, so their tests pass {@code Runnable::run} instead.
 */
public final class FxThread {
    private static final Executor EXECUTOR = FxThread::run;

    private FxThread() {
    }

    public static Executor executor() {
        return EXECUTOR;
    }

    /** Runs the task on the FX thread, in submission order (always queued, so order holds even from the FX thread). */
    public static void run(Runnable task) {
        Platform.runLater(task);
    }
}
