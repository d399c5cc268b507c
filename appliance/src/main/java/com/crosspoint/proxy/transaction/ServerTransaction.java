package com.crosspoint.proxy.transaction;

import com.crosspoint.proxy.transport.Flow;
import com.crosspoint.proxy.transport.Sender;
import com.crosspoint.proxy.wire.Method;
import java.util.Arrays;

/**
 * The proxy's server transaction (RFC 3261 §17.2): remembers the last response it sent, answers
 * every retransmitted request with it, retransmits a non-2xx final answer to an INVITE over UDP until
 * the ACK (Timer G, H), then absorbs retransmitted ACKs (Timer I); a non-INVITE one absorbs
 * retransmissions after its final answer (Timer J). Not thread-safe on its own: every call and
 * timer runs under the owner's lock.
 */
public final class ServerTransaction {
    /** §17.2.1 and §17.2.2, with RFC 6026's ACCEPTED after a 2xx to an INVITE. */
    public enum State { TRYING, PROCEEDING, COMPLETED, CONFIRMED, ACCEPTED, TERMINATED }

    private final Object lock;
    private final TransactionKey key;
    private final Flow replyTo;
    private byte[] request;
    private final Sender sender;
    private final TimerWheel wheel;
    private final TimerSettings timers;
    private final Runnable onTerminated;
    private State state;
    private byte[] lastResponse;
    private int lastStatus;
    private Timeout retransmit;
    private Timeout expiry;
    private long interval;

    /**
     * @param request      a copy of the request as received (for answers the proxy makes later)
     * @param onTerminated removes the transaction from its table
     */
    public ServerTransaction(Object lock, TransactionKey key, Flow replyTo, byte[] request, Sender sender,
            TimerWheel wheel, TimerSettings timers, Runnable onTerminated) {
        this.lock = lock;
        this.key = key;
        this.replyTo = replyTo;
        this.request = request;
        this.sender = sender;
        this.wheel = wheel;
        this.timers = timers;
        this.onTerminated = onTerminated;
        this.state = State.TRYING;
    }

    public TransactionKey key() {
        return key;
    }

    public boolean invite() {
        return key.method() == Method.INVITE;
    }

    public State state() {
        return state;
    }

    public Flow replyTo() {
        return replyTo;
    }

    /** The request as received; null once the final answer is sent (nothing more is built from it then). */
    public byte[] request() {
        return request;
    }

    public int lastStatus() {
        return lastStatus;
    }

    public boolean finalSent() {
        return lastStatus >= 200;
    }

    /** A retransmission of the request: the last response again, if any (§17.2.1, §17.2.2). */
    public void onRetransmission() {
        if (lastResponse != null && (state == State.PROCEEDING || state == State.COMPLETED)) {
            send(lastResponse);
        }
    }

    /** Sends a provisional answer (100 Trying or a forwarded 1xx) and keeps it for retransmissions. */
    public void sendProvisional(byte[] response, int status) {
        if (state != State.TRYING && state != State.PROCEEDING) {
            return;
        }
        state = State.PROCEEDING;
        lastResponse = response;
        lastStatus = status;
        send(response);
    }

    /**
     * Sends the final answer. After a 2xx to an INVITE the transaction only absorbs retransmitted
     * INVITEs for Timer L (RFC 6026 §8.7: "Accepted"), so a late retransmission is not forwarded as a
     * new call; it keeps nothing else. Any other final answer is kept for retransmissions.
     */
    public void sendFinal(byte[] response, int status) {
        sendFinal(response, response.length, status);
    }

    /** As {@link #sendFinal(byte[], int)} from the first {@code length} bytes of a reused buffer; copied only if kept. */
    public void sendFinal(byte[] buffer, int length, int status) {
        if (state != State.TRYING && state != State.PROCEEDING) {
            return;
        }
        lastStatus = status;
        sender.reply(replyTo, buffer, 0, length);
        byte[] response = invite() && status < 300 ? null : Arrays.copyOf(buffer, length);
        request = null; // answered: only the response is kept, for retransmissions (saves memory for 64 x T1)
        if (invite() && status < 300) {
            state = State.ACCEPTED;
            lastResponse = null;
            expiry = wheel.schedule(this::expire, timers.absorb());
            return;
        }
        lastResponse = response;
        state = State.COMPLETED;
        boolean udp = !replyTo.transport().reliable();
        if (invite()) {
            if (udp) {
                interval = timers.t1();
                retransmit = wheel.schedule(this::timerG, interval);
            }
            expiry = wheel.schedule(this::timerH, timers.absorb());
        } else {
            expiry = wheel.schedule(this::expire, udp ? timers.absorb() : 0);
        }
    }

    /** The ACK of a non-2xx final answer (§17.2.1): stop retransmitting, absorb ACK retransmissions for T4. */
    public void onAck() {
        if (!invite() || state != State.COMPLETED) {
            return;
        }
        state = State.CONFIRMED;
        retransmit = Timeout.cancel(retransmit);
        expiry = Timeout.cancel(expiry);
        expiry = wheel.schedule(this::expire, replyTo.transport().reliable() ? 0 : timers.t4());
    }

    private void timerG() {
        synchronized (lock) {
            if (state != State.COMPLETED) {
                return;
            }
            send(lastResponse);
            interval = Math.min(interval * 2, timers.t2());
            retransmit = wheel.schedule(this::timerG, interval);
        }
    }

    /** Timer H: no ACK came; the transaction ends (§17.2.1). */
    private void timerH() {
        synchronized (lock) {
            if (state == State.COMPLETED) {
                terminate();
            }
        }
    }

    private void expire() {
        synchronized (lock) {
            terminate();
        }
    }

    private void send(byte[] response) {
        sender.reply(replyTo, response, 0, response.length);
    }

    /** Ends the transaction now (idempotent). */
    public void terminate() {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        retransmit = Timeout.cancel(retransmit);
        expiry = Timeout.cancel(expiry);
        onTerminated.run();
    }
}
