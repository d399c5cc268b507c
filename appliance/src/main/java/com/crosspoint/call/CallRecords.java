package com.crosspoint.call;

import com.crosspoint.model.CallRecord;
import com.crosspoint.store.CdrStore;
import com.crosspoint.store.StoreException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the CDR of every call attempt on one writer thread. The write commits before the call's
 * final event is published, so anyone who sees a call end can find its record. One writer keeps the
 * store's I/O off the call lanes, and it serialises the inserts: Derby gives up on its identity
 * sequence ("too much contention") when many lanes insert at once, which lost CDRs under load.
 */
public final class CallRecords implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecords.class);
    private static final long POLL_MILLIS = 200;
    private static final long CLOSE_SECONDS = 10;

    private final CdrStore store;
    private final ActiveCalls active;
    private final BlockingQueue<Ended> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;
    /** Set under this object's lock once the writer is gone; later records are written by their caller. */
    private boolean closed;

    public CallRecords(CdrStore store, ActiveCalls active) {
        this.store = store;
        this.active = active;
        this.writer = new Thread(this::run, "cdr-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues the record; once it is committed, the ENDED snapshot is published. */
    public void finish(CallRecord record, CallSnapshot ended) {
        Ended e = new Ended(record, ended);
        synchronized (this) {
            if (!closed) {
                queue.add(e);
                return;
            }
        }
        write(e);
    }

    private void run() {
        while (running || !queue.isEmpty()) {
            try {
                Ended next = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (next != null) {
                    write(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }

    private void write(Ended e) {
        try {
            store.save(e.record);
        } catch (StoreException ex) {
            LOG.error("CDR of call {} could not be stored: {}", e.record.callId(), e.record, ex);
        }
        active.update(e.snapshot);
    }

    /** Writes what is queued, then stops; records finished from now on are written by their caller. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(CLOSE_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while the writer finished; writing the rest here");
        }
        synchronized (this) {
            closed = true;
        }
        Ended left;
        while ((left = queue.poll()) != null) {
            write(left);
        }
    }

    private record Ended(CallRecord record, CallSnapshot snapshot) {
    }
}
