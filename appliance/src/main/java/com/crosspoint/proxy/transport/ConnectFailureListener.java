package com.crosspoint.proxy.transport;

/**
 * Hears that a connection this node opened failed before it could carry a message: the connect was refused or
 * failed, or the TLS handshake failed (certificate refused, host name mismatch, no TLS there) or did not finish in
 * time. Whatever was sent on it never left: RFC 3261 §8.1.3.1 / §18.4 call this a transport error. Called on the
 * thread that saw the failure (the endpoint's selector, or a sender's), possibly under a caller's lock: hand the work
 * on and return.
 */
@FunctionalInterface
public interface ConnectFailureListener {
    /**
     * @param to            the peer the connection was opened to
     * @param failedAtNanos {@link System#nanoTime()} when the failure was seen; messages sent to {@code to} later went
     *                      on a new connection
     */
    void connectFailed(Destination to, long failedAtNanos);
}
