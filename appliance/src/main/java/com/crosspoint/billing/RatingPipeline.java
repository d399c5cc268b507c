package com.crosspoint.billing;

import com.crosspoint.model.BillableCall;
import com.crosspoint.store.LedgerStore;
import com.crosspoint.store.StoreException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rates every billed call soon after its CDR is committed, on one thread ({@code billing-rating}). Told by
 * {@link #cdrCommitted} (the call's ENDED event, published after the commit), it settles that call by its id (two
 * index look-ups); every {@code sweepInterval} without news it settles every call whose reservation is open and whose
 * CDR is stored, so an id lost to a full queue delays a call's rating by one sweep, never loses it. The store is the
 * queue: nothing to lose in a crash.
 */
public final class RatingPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RatingPipeline.class);
    private static final int PAGE = 500;
    private static final int QUEUE = 10_000;

    private final LedgerStore ledger;
    private final CallSettlement settlement;
    private final Duration sweepInterval;
    private final BlockingQueue<String> ended = new ArrayBlockingQueue<>(QUEUE);
    private final Thread worker;
    private volatile boolean running = true;

    public RatingPipeline(LedgerStore ledger, CallSettlement settlement, Duration sweepInterval) {
        this.ledger = ledger;
        this.settlement = settlement;
        this.sweepInterval = sweepInterval;
        this.worker = new Thread(this::run, "billing-rating");
        this.worker.setDaemon(true);
    }

    public void start() {
        worker.start();
    }

    /** The CDR of the call was committed: rate it now. Never blocks; a full queue leaves the call to the sweep. */
    public void cdrCommitted(String callId) {
        ended.offer(callId);
    }

    /** Settles one call, when its reservation is open and its CDR stored; false otherwise. */
    public boolean settle(String callId) {
        return ledger.pendingCall(callId).map(settlement::settle).orElse(false);
    }

    /**
     * Settles every pending call now, on the caller's thread; returns how many it settled. Pages on from the last
     * reservation seen, so a call it cannot settle (its CDR rated before) is passed, not read again.
     */
    public int sweep() {
        int settled = 0;
        long after = 0;
        while (true) {
            List<BillableCall> pending = ledger.pendingCalls(after, PAGE);
            settled += settlement.settleAll(pending);
            if (pending.size() < PAGE) {
                return settled;
            }
            after = pending.get(pending.size() - 1).reservationId();
        }
    }

    private void run() {
        while (running) {
            try {
                String callId = ended.poll(sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (callId == null) {
                    sweep();
                }
                while (running && callId != null) {
                    settle(callId);
                    callId = ended.poll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (StoreException | IllegalStateException e) {
                LOG.error("Rating failed; trying again in {}", sweepInterval, e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
