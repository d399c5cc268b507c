package com.crosspoint.console.viewmodel;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Unwraps what futures wrap around the real failure. */
final class Failures {
    private Failures() {
    }

    static Throwable unwrap(Throwable t) {
        Throwable x = t;
        while ((x instanceof CompletionException || x instanceof ExecutionException) && x.getCause() != null) {
            x = x.getCause();
        }
        return x;
    }
}
