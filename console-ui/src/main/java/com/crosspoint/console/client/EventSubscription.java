package com.crosspoint.console.client;

/** An open event-stream connection. */
public interface EventSubscription extends AutoCloseable {

    /** Closes the connection; the listener gets no further frames and no {@code onClosed}. */
    @Override
    void close();
}
