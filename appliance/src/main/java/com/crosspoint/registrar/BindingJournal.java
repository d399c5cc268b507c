package com.crosspoint.registrar;

import com.crosspoint.model.Binding;
import com.crosspoint.store.BindingStore;
import com.crosspoint.store.BindingStore.BindingKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes binding changes to the store with group commit: while one transaction commits, the
 * changes that arrive meanwhile queue up and go together in the next. A burst of REGISTERs thus
 * costs a few fsyncs instead of one each, and every caller still learns when its own change is
 * durable (so its 200 OK is sent after the commit, never before), or that it alone failed.
 */
public final class BindingJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BindingJournal.class);
    private static final int MAX_BATCH = 500;

    private final BindingStore store;
    private final BlockingQueue<Change> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    public BindingJournal(BindingStore store) {
        this.store = store;
        this.writer = new Thread(this::run, "binding-journal");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a change; the future completes when it is committed, or fails with the store's error. */
    public CompletableFuture<Void> write(List<Binding> upserts, List<BindingKey> removals) {
        Change c = new Change(upserts, removals, new CompletableFuture<>());
        if (!running) {
            c.done.completeExceptionally(new IllegalStateException("binding journal closed"));
            return c.done;
        }
        queue.add(c);
        return c.done;
    }

    private void run() {
        List<Change> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Change first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Commits a batch in one transaction. When that fails, one bad change must not fail the others queued with
     * it (another tenant's REGISTER would get 500): the batch is split in halves, each committed on its own, down to
     * the single change that fails, which alone learns of the error. Halves keep their order, so a later change to
     * a binding still wins.
     */
    private void commit(List<Change> batch) {
        try {
            apply(batch);
            batch.forEach(c -> c.done.complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                // One line, no stack trace: the cause is the store's message, and a flood must not flood the log.
                LOG.warn("binding change of {} not stored: {}", batch.get(0).aors(), e.getMessage());
                batch.get(0).done.completeExceptionally(e);
                return;
            }
            int half = batch.size() / 2;
            commit(batch.subList(0, half));
            commit(batch.subList(half, batch.size()));
        }
    }

    private void apply(List<Change> batch) {
        // Later changes to the same binding win; an upsert followed by a removal is a removal.
        Map<BindingKey, Binding> merged = new LinkedHashMap<>();
        for (Change c : batch) {
            for (Binding b : c.upserts) {
                merged.put(new BindingKey(b.aor(), b.contact()), b);
            }
            for (BindingKey k : c.removals) {
                merged.put(k, null);
            }
        }
        List<Binding> upserts = new ArrayList<>();
        List<BindingKey> removals = new ArrayList<>();
        merged.forEach((k, b) -> {
            if (b == null) {
                removals.add(k);
            } else {
                upserts.add(b);
            }
        });
        store.apply(upserts, removals);
    }

    /** Commits what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Change(List<Binding> upserts, List<BindingKey> removals, CompletableFuture<Void> done) {
        /** The addresses of record the change is about, for the log. */
        Set<String> aors() {
            Set<String> aors = new TreeSet<>();
            upserts.forEach(b -> aors.add(b.aor()));
            removals.forEach(k -> aors.add(k.aor()));
            return aors;
        }
    }
}
