package com.crosspoint.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
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
 * dropped) up to {@link #DRAIN_LIMIT}, so the client gets to see the 413 instead of a reset. An upload's body
 * (a rate deck of a million rows) is not kept in memory: each chunk is appended to a spool file as it arrives.
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
    private final Duration timeout;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Path spoolFile;
    private final FileChannel spool;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicLong received = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile Scheduler.Task watchdog;

    private BodyReader(Request request, int cap, HttpLimits limits, Duration timeout, Path spoolDir,
                       Receiver receiver) throws IOException {
        this.request = request;
        this.cap = cap;
        this.limits = limits;
        this.timeout = timeout;
        this.receiver = receiver;
        this.spoolFile = spoolDir == null ? null : Files.createTempFile(spoolDir, "upload-", ".part");
        this.spool = spoolFile == null ? null : FileChannel.open(spoolFile, StandardOpenOption.WRITE);
    }

    /** Starts reading; {@code receiver} hears of the outcome, on this thread or a later one. */
    static void read(Request request, int cap, HttpLimits limits, Receiver receiver) {
        try {
            start(new BodyReader(request, cap, limits, limits.requestBodyTimeout(), null, receiver));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // only a spool file can fail to open
        }
    }

    /**
     * Starts reading an upload into a new file of {@code spoolDir}; {@code timeout} replaces the usual body time
     * limit (a large file takes longer), the minimum data rate still applies.
     */
    static void spool(Request request, int cap, HttpLimits limits, Duration timeout, Path spoolDir, Receiver receiver)
            throws IOException {
        Files.createDirectories(spoolDir);
        start(new BodyReader(request, cap, limits, timeout, spoolDir, receiver));
    }

    private static void start(BodyReader reader) {
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
                    dropSpool();
                    receiver.gone(chunk.getFailure());
                }
                return;
            }
            boolean last = chunk.isLast();
            IOException failed = null;
            try {
                take(chunk.getByteBuffer());
            } catch (UncheckedIOException e) {
                failed = e.getCause();
            } finally {
                chunk.release();
            }
            if (failed != null) {
                if (finish()) {
                    dropSpool();
                    receiver.gone(failed);
                }
                return;
            }
            boolean drained = received.get() > Math.max(cap, DRAIN_LIMIT);
            if ((last || drained) && finish()) {
                RequestBody body;
                try {
                    body = complete();
                } catch (UncheckedIOException e) {
                    receiver.gone(e.getCause());
                    return;
                }
                receiver.body(body);
                return;
            }
        }
    }

    private RequestBody complete() {
        if (received.get() > cap) {
            dropSpool();
            return RequestBody.tooLarge(cap);
        }
        if (spool == null) {
            return RequestBody.inMemory(bytes.toByteArray(), cap);
        }
        try {
            spool.close();
        } catch (IOException e) {
            dropSpool();
            throw new UncheckedIOException(e);
        }
        return RequestBody.spooled(spoolFile, cap);
    }

    /** Closes and deletes the spool file of a body nobody will use. */
    private void dropSpool() {
        if (spool == null) {
            return;
        }
        try {
            spool.close();
            Files.deleteIfExists(spoolFile);
        } catch (IOException e) {
            // the file is in the upload folder, which the next start empties
        }
    }

    private void take(ByteBuffer buffer) {
        int n = buffer.remaining();
        long before = received.getAndAdd(n);
        if (spool != null) {
            if (before + n <= cap) {
                try {
                    while (buffer.hasRemaining()) {
                        spool.write(buffer);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                buffer.position(buffer.limit());
            }
            return;
        }
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
        boolean late = elapsedMillis >= timeout.toMillis();
        boolean slow = elapsedMillis >= HttpLimits.RATE_GRACE.toMillis()
                && received.get() * 1000 < (long) limits.minRequestDataRate() * elapsedMillis;
        if (late || slow) {
            if (finish()) {
                dropSpool();
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
