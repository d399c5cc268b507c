package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transaction.ClientTransaction;
import com.crosspoint.proxy.transaction.ClientTransaction.State;
import com.crosspoint.proxy.transaction.TimerWheel;
import com.crosspoint.proxy.transport.Destination;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transport errors of client transactions (RFC 3261 §8.1.3.1, §18.4, RFC 3263 §4.3): when a connection the proxy
 * opened to a hop fails before it carried anything (connect refused, TLS certificate or host name refused, handshake
 * overdue), every client transaction whose request waited on it ends at once, instead of when its timers or the
 * router's silence run out. Keeps the transactions over TCP and TLS that have had no answer yet, by hop; its owner
 * hears the error (a branch counts it as a 503 from that hop and fails over). Errors are handled on the timer wheel's
 * thread: the transport reports them on whatever thread saw them, perhaps under a request's lock.
 */
final class TransportErrors {
    /** What the owner of a transaction does on its transport error; runs under the transaction's lock. */
    @FunctionalInterface
    interface Owner {
        void transportError(ClientTransaction tx);
    }

    /** A transaction, when it started (wheel nanos) and who owns it. */
    private record Waiting(long startedNanos, Owner owner) {
    }

    private final Map<Destination, Map<ClientTransaction, Waiting>> byHop = new ConcurrentHashMap<>();
    private final TimerWheel wheel;
    private final ProxyCounters counters;

    TransportErrors(TimerWheel wheel, ProxyCounters counters) {
        this.wheel = wheel;
        this.counters = counters;
    }

    /** A client transaction is about to send; kept when it goes over a connection (TCP or TLS). */
    void started(ClientTransaction tx, Owner owner) {
        Destination to = tx.destination();
        if (to.transport().reliable()) {
            Waiting w = new Waiting(wheel.nanos(), owner); // the proxy's wheel runs on System.nanoTime, as reports do
            byHop.compute(to, (d, waiting) -> { // atomic with ended()'s removal of an emptied map
                Map<ClientTransaction, Waiting> m = waiting == null ? new ConcurrentHashMap<>() : waiting;
                m.put(tx, w);
                return m;
            });
        }
    }

    /** The transaction ended (answered, timed out, cancelled). */
    void ended(ClientTransaction tx) {
        Destination to = tx.destination();
        if (to.transport().reliable()) {
            byHop.computeIfPresent(to, (d, waiting) -> {
                waiting.remove(tx);
                return waiting.isEmpty() ? null : waiting;
            });
        }
    }

    /** The transport's report: a connection to {@code to} failed; handled shortly on the wheel's thread. */
    void connectFailed(Destination to, long failedAtNanos) {
        wheel.schedule(() -> fail(to, failedAtNanos), 0);
    }

    /**
     * Ends the transactions to {@code to} that started before the failure and have had no answer (one that had an
     * answer reached the hop over an earlier connection).
     */
    private void fail(Destination to, long failedAtNanos) {
        Map<ClientTransaction, Waiting> waiting = byHop.get(to);
        if (waiting == null) {
            return;
        }
        for (Map.Entry<ClientTransaction, Waiting> e : Map.copyOf(waiting).entrySet()) {
            ClientTransaction tx = e.getKey();
            if (e.getValue().startedNanos() - failedAtNanos > 0) {
                continue; // sent after the failure: it went on a new connection
            }
            synchronized (tx.lock()) {
                if (tx.state() == State.CALLING || tx.state() == State.TRYING) {
                    counters.transportErrors.incrementAndGet();
                    e.getValue().owner().transportError(tx);
                }
            }
        }
    }
}
