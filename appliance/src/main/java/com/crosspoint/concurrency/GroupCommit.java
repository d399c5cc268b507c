package com.crosspoint.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit on one writer thread: while one batch commits, the changes that arrive meanwhile queue up and go
 * together in the next, so a burst costs a few log syncs instead of one each. Every caller still learns when its
 * own change is durable, or that it alone failed: a batch that fails is split in halves, each committed on its own
 * (in order, so a later change still wins), down to the single change that fails.
 *
 * @param <T> one change
 */
public final class GroupCommit<T> implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

    private final Consumer<List<T>> commit;
    private final Function<T, String> describe;
    private final int maxBatch;
    private final BlockingQueue<Pending<T>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    private record Pending<T>(T change, CompletableFuture<Void> done) {
    }

    /**
     * @param thread   the writer thread's name
     * @param commit   commits a batch in one transaction, or throws and commits nothing
     * @param describe names a change that failed alone, for the log
     */
    public GroupCommit(String thread, int maxBatch, Consumer<List<T>> commit, Function<T, String> describe) {
        this.commit = commit;
        this.describe = describe;
        this.maxBatch = maxBatch;
        this.writer = new Thread(this::run, thread);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a change; the future completes when it is committed, or fails with the commit's error. */
    public CompletableFuture<Void> write(T change) {
        Pending<T> p = new Pending<>(change, new CompletableFuture<>());
        if (!running) {
            p.done.completeExceptionally(new IllegalStateException(writer.getName() + " closed"));
            return p.done;
        }
        queue.add(p);
        return p.done;
    }

    private void run() {
        List<Pending<T>> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending<T> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending<T>> batch) {
        try {
            commit.accept(batch.stream().map(Pending::change).toList());
            batch.forEach(p -> p.done.complete(null));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                // One line, no stack trace: the cause is the store's message, and a flood must not flood the log.
                LOG.warn("{}: {} not stored: {}", writer.getName(), describe.apply(batch.get(0).change), e.getMessage());
                batch.get(0).done.completeExceptionally(e);
                return;
            }
            int half = batch.size() / 2;
            commit(batch.subList(0, half));
            commit(batch.subList(half, batch.size()));
        }
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
}
