package com.crosspoint.billing;

import com.crosspoint.model.RatedCall;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.LedgerStore.Period;
import com.crosspoint.store.LedgerStore.Rerating;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Reads a period's ratings a page at a time on a thread of its own and rates each page again, while the caller commits
 * the pages before it: reading and rating (a third of the work) overlap the writing on the second core. At most
 * {@code ahead} pages wait, so memory stays bounded however long the period. The thread is never interrupted (Derby
 * closes a file an interrupted thread was reading): {@link #close} asks it to stop at its next page.
 */
final class RerateReader implements AutoCloseable {
    private static final long POLL_MILLIS = 100;

    /**
     * A page rated again at {@code at}: its changed calls, the sum of their corrections per tenant, how many calls it
     * held, and the sum of its price changes.
     */
    record Page(Instant at, List<Rerating> changed, Map<Long, Long> correctionByTenant, int examined,
                long priceChangeMicros) {
    }

    private record Failure(RuntimeException cause) {
    }

    private static final Object END = new Object();

    private final BlockingQueue<Object> pages;
    private final Thread thread;
    private volatile boolean stopped;

    /**
     * @param rerate a call's re-rating at an instant, or null when its figures come out the same
     */
    RerateReader(LedgerStore ledger, Period period, int pageSize, int ahead, Clock clock,
                 BiFunction<RatedCall, Instant, Rerating> rerate) {
        this.pages = new ArrayBlockingQueue<>(ahead);
        this.thread = new Thread(() -> read(ledger, period, pageSize, clock, rerate), "rerate-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next page, or null after the last. */
    Page next() throws InterruptedException {
        Object next = pages.take();
        if (next == END) {
            pages.put(END);
            return null;
        }
        if (next instanceof Failure failure) {
            pages.put(failure);
            throw failure.cause();
        }
        return (Page) next;
    }

    /** Stops the reader and waits for it: it finishes the page it is reading, which is dropped. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        pages.clear();
        thread.join();
    }

    private void read(LedgerStore ledger, Period period, int pageSize, Clock clock,
                      BiFunction<RatedCall, Instant, Rerating> rerate) {
        try {
            List<RatedCall> ratings = ledger.ratings(period, null, pageSize);
            while (!ratings.isEmpty() && !stopped) {
                if (!hand(rated(ratings, clock.instant(), rerate))) {
                    return;
                }
                ratings = ledger.ratings(period, ratings.get(ratings.size() - 1), pageSize);
            }
            hand(END);
        } catch (RuntimeException e) {
            hand(new Failure(e));
        }
    }

    private static Page rated(List<RatedCall> ratings, Instant at, BiFunction<RatedCall, Instant, Rerating> rerate) {
        List<Rerating> changed = new ArrayList<>();
        Map<Long, Long> byTenant = new HashMap<>();
        long priceChange = 0;
        for (RatedCall before : ratings) {
            Rerating r = rerate.apply(before, at);
            if (r != null) {
                changed.add(r);
                priceChange += r.after().price().micros() - before.price().micros();
                if (r.correction() != null) {
                    byTenant.merge(before.call().tenantId(), r.correction().amountMicros(), Long::sum);
                }
            }
        }
        return new Page(at, changed, byTenant, ratings.size(), priceChange);
    }

    /** Queues {@code item} for the caller; false when the caller stopped reading first. */
    private boolean hand(Object item) {
        try {
            while (!stopped) {
                if (pages.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
