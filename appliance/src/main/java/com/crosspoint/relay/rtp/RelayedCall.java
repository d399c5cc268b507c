package com.crosspoint.relay.rtp;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The media of one anchored call: two {@link RelaySide}s, each a port pair facing one phone, forwarding to each
 * other on one of the relay's threads. Closing frees both port pairs once the sockets are really closed.
 */
public final class RelayedCall {
    private final String callId;
    private final RtpRelay relay;
    private final RelayListener listener;
    private final RelaySide caller;
    private final RelaySide callee;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean timeoutReported;

    RelayedCall(String callId, RtpRelay relay, RelayListener listener, RelaySide caller, RelaySide callee) {
        this.callId = Objects.requireNonNull(callId, "callId");
        this.relay = relay;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.caller = caller;
        this.callee = callee;
        caller.pair(callee);
        callee.pair(caller);
    }

    public String callId() {
        return callId;
    }

    /** The side facing the calling phone: its local port goes into the SDP sent to the caller. */
    public RelaySide caller() {
        return caller;
    }

    /** The side facing the called phone. */
    public RelaySide callee() {
        return callee;
    }

    public RelayStats stats() {
        return new RelayStats(callId, caller.stats(), callee.stats(), paused());
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Closes both sides' sockets and frees their ports; idempotent. */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            relay.retire(this);
        }
    }

    boolean paused() {
        return caller.isPaused() || callee.isPaused();
    }

    /**
     * Timer thread: tells the listener once when neither phone was heard for {@code timeoutNanos} while the call was
     * not paused; a call heard again may be reported again.
     */
    void checkTimeout(long nowNanos, long timeoutNanos) {
        if (closed.get()) {
            return;
        }
        long lastHeard = Math.max(caller.lastHeardNanos(), callee.lastHeardNanos());
        boolean idle = !paused() && nowNanos - lastHeard >= timeoutNanos;
        if (!idle) {
            timeoutReported = false;
        } else if (!timeoutReported) {
            timeoutReported = true;
            listener.onMediaTimeout(this);
        }
    }

    @Override
    public String toString() {
        return "RelayedCall[" + callId + " " + caller.localRtp().getPort() + "/" + callee.localRtp().getPort() + "]";
    }
}
