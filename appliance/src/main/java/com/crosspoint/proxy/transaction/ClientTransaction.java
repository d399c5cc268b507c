package com.crosspoint.proxy.transaction;

import com.crosspoint.proxy.transport.Destination;
import com.crosspoint.proxy.transport.Sender;
import com.crosspoint.proxy.wire.ByteSink;
import com.crosspoint.proxy.wire.HopRequestWriter;
import com.crosspoint.proxy.wire.ScanLimits;
import com.crosspoint.proxy.wire.ScanOutcome;
import com.crosspoint.proxy.wire.SipMessage;
import com.crosspoint.proxy.wire.SipScanner;

/**
 * The proxy's client transaction towards one next hop (RFC 3261 §17.1): sends the request,
 * retransmits it over UDP (Timer A for INVITE, E otherwise), gives up after Timer B/F, ACKs a
 * non-2xx final answer to an INVITE hop by hop and resends that ACK for retransmitted answers
 * (Timer D), and absorbs retransmitted non-INVITE answers (Timer K). Not thread-safe on its own:
 * every call and timer runs under the owner's lock.
 */
public final class ClientTransaction {
    /** §17.1.1 (Calling) and §17.1.2 (Trying). */
    public enum State { CALLING, TRYING, PROCEEDING, COMPLETED, TERMINATED }

    /** Scratch space to build ACKs on whichever thread a response arrives on. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final Object lock;
    private final String branch;
    private final boolean invite;
    private final Destination to;
    private byte[] request;
    private final Sender sender;
    private final TimerWheel wheel;
    private final TimerSettings timers;
    private final ClientListener listener;
    private final Runnable onTerminated;
    private State state;
    private Timeout retransmit;
    private Timeout timeout;
    private Timeout linger;
    private long interval;
    private byte[] ack;
    private boolean provisional;

    public ClientTransaction(Object lock, String branch, boolean invite, Destination to, byte[] request, Sender sender,
            TimerWheel wheel, TimerSettings timers, ClientListener listener, Runnable onTerminated) {
        this.lock = lock;
        this.branch = branch;
        this.invite = invite;
        this.to = to;
        this.request = request;
        this.sender = sender;
        this.wheel = wheel;
        this.timers = timers;
        this.listener = listener;
        this.onTerminated = onTerminated;
    }

    /** The lock of the proxy logic that owns this transaction. */
    public Object lock() {
        return lock;
    }

    public String branch() {
        return branch;
    }

    public Destination destination() {
        return to;
    }

    /** The request as sent (for a CANCEL of this branch, or to answer a challenge); null after the final answer. */
    public byte[] request() {
        return request;
    }

    public State state() {
        return state;
    }

    /** Whether a provisional answer came (only then may the branch be cancelled, §9.1). */
    public boolean hadProvisional() {
        return provisional;
    }

    public boolean pending() {
        return state == State.CALLING || state == State.TRYING || state == State.PROCEEDING;
    }

    public void start() {
        state = invite ? State.CALLING : State.TRYING;
        send(request);
        if (!to.transport().reliable()) {
            interval = timers.t1();
            retransmit = wheel.schedule(this::retransmit, interval);
        }
        timeout = wheel.schedule(this::timeout, timers.timerB());
    }

    /** A response whose top Via carries this transaction's branch. */
    public void onResponse(SipMessage response) {
        int status = response.status();
        if (state == State.COMPLETED) {
            if (invite && status >= 300 && ack != null) {
                send(ack); // the answer was retransmitted: our ACK got lost (§17.1.1.2)
            }
            return;
        }
        if (!pending()) {
            return;
        }
        if (status < 200) {
            provisional = true;
            state = State.PROCEEDING;
            if (invite) {
                retransmit = Timeout.cancel(retransmit);
                timeout = Timeout.cancel(timeout); // Timer B only runs in Calling; the proxy's Timer C takes over
            }
            listener.onResponse(this, response);
            return;
        }
        retransmit = Timeout.cancel(retransmit);
        timeout = Timeout.cancel(timeout);
        if (invite && status < 300) {
            terminate(); // §17.1.1.2: Terminated, then the 2xx goes up (its owner sees no branch pending any more)
            listener.onResponse(this, response);
            return;
        }
        state = State.COMPLETED;
        if (invite) {
            ack = buildAck(response);
            send(ack);
        }
        listener.onResponse(this, response);
        request = null; // the owner has had its answer (and the request, for credentials): only the ACK is resent
        boolean udp = !to.transport().reliable();
        linger = wheel.schedule(this::expire, !udp ? 0 : invite ? timers.absorb() : timers.t4());
    }

    private byte[] buildAck(SipMessage response) {
        Scratch s = SCRATCH.get();
        if (s.scanner.scan(request, 0, request.length, true, s.sent) != ScanOutcome.ACCEPTED) {
            throw new IllegalStateException("the proxy's own request does not scan");
        }
        s.writer.ack(s.sent, response, s.sink);
        return s.sink.toArray();
    }

    private void retransmit() {
        synchronized (lock) {
            if (state != State.CALLING && state != State.TRYING && state != State.PROCEEDING) {
                return;
            }
            if (invite && state != State.CALLING) {
                return;
            }
            send(request);
            interval = invite ? interval * 2 : Math.min(interval * 2, timers.t2());
            if (!invite && state == State.PROCEEDING) {
                interval = timers.t2();
            }
            retransmit = wheel.schedule(this::retransmit, interval);
        }
    }

    private void timeout() {
        synchronized (lock) {
            if (!pending()) {
                return;
            }
            terminate();
            listener.onTimeout(this);
        }
    }

    private void expire() {
        synchronized (lock) {
            terminate();
        }
    }

    /** Stops everything (a cancelled branch whose answer no longer matters, Timer C); idempotent. */
    public void terminate() {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        request = null; // its response context may live on (RFC 6026 Accepted): keep no bytes there
        ack = null;
        retransmit = Timeout.cancel(retransmit);
        timeout = Timeout.cancel(timeout);
        linger = Timeout.cancel(linger);
        onTerminated.run();
    }

    private void send(byte[] message) {
        sender.send(to, message, 0, message.length);
    }

    private static final class Scratch {
        final SipScanner scanner = new SipScanner(ScanLimits.DEFAULT);
        final SipMessage sent = scanner.newMessage();
        final HopRequestWriter writer = new HopRequestWriter();
        final ByteSink sink = new ByteSink(512);
    }
}
