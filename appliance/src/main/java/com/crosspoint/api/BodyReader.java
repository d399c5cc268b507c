package com.crosspoint.api;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body without holding a thread while the client is sending it (issue 10, slow
 * HTTP): each chunk is taken as it arrives and the reader asks Jetty to call back when there is more.
 * A watchdog on Jetty's scheduler ends a body that falls below {@link HttpLimits#minRequestDataRate()}
 * or outlasts {@link HttpLimits#requestBodyTimeout()}. A body larger than the cap is still read (and
 * dropped) up to {@link #DRAIN_LIMIT}, so the client gets to see the 413 instead of a reset.
 */
final class BodyReader {
    /** Bodies larger than this are not even drained: the connection is dropped after the answer. */
    static final long DRAIN_LIMIT = 1 << 20;
    private static final long CHECK_EVERY_MILLIS = 500;

    /** What becomes of the body; exactly one method is called, once. */
    interface Receiver {
        /** The whole body (or the news that it was too large). */
        void body(RequestBody body);

        /** The client was too slow: answer 408 and close. */
        void tooSlow();

        /** The client went away or the connection failed: nobody is there to answer. */
        void gone(Throwable cause);
    }

    private final Request request;
    private final int cap;
    private final HttpLimits limits;
    private final Receiver receiver;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile Scheduler.Task watchdog;

    private BodyReader(Request request, int cap, HttpLimits limits, Receiver receiver) {
        this.request = request;
        this.cap = cap;
        this.limits = limits;
        this.receiver = receiver;
    }

    /** Starts reading; {@code receiver} hears of the outcome, on this thread or a later one. */
    static void read(Request request, int cap, HttpLimits limits, Receiver receiver) {
        BodyReader reader = new BodyReader(request, cap, limits, receiver);
        reader.readAvailable();
        if (!reader.finished.get()) {
            reader.watch();
        }
    }

    /** Takes every chunk that is there; runs again (serialised by Jetty) when more arrives. */
    private void readAvailable() {
        while (!finished.get()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this::readAvailable);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                if (finish()) {
                    receiver.gone(chunk.getFailure());
                }
                return;
            }
            boolean last = chunk.isLast();
            take(chunk.getByteBuffer());
            chunk.release();
            boolean drained = received.get() > Math.max(cap, DRAIN_LIMIT);
            if ((last || drained) && finish()) {
                receiver.body(received.get() > cap ? new RequestBody(new byte[0], cap, true)
                        : new RequestBody(bytes.toByteArray(), cap, false));
                return;
            }
        }
    }

    private void take(ByteBuffer buffer) {
        int n = buffer.remaining();
        long before = received.getAndAdd(n);
        if (before + n <= cap) {
            byte[] copy = new byte[n];
            buffer.get(copy);
            bytes.write(copy, 0, n);
        } else {
            buffer.position(buffer.limit());
            bytes.reset();
        }
    }

    private void watch() {
        watchdog = request.getComponents().getScheduler().schedule(this::check, CHECK_EVERY_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private void check() {
        if (finished.get()) {
            return;
        }
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        boolean late = elapsedMillis >= limits.requestBodyTimeout().toMillis();
        boolean slow = elapsedMillis >= HttpLimits.RATE_GRACE.toMillis()
                && received.get() * 1000 < (long) limits.minRequestDataRate() * elapsedMillis;
        if (late || slow) {
            if (finish()) {
                receiver.tooSlow();
            }
            return;
        }
        watch();
    }

    private boolean finish() {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        Scheduler.Task task = watchdog;
        if (task != null) {
            task.cancel();
        }
        return true;
    }
}
