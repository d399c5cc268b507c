package com.crosspoint.api;

import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text frames to one WebSocket: sent one at a time from a bounded queue, so a caller never blocks and a client
 * that does not read costs at most {@code capacity} frames. A failed send drops the connection. Used by the event
 * stream and the visitor chat; thread-safe (its own monitor, never held while calling out of the class).
 */
final class OutboundFrames {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundFrames.class);

    private final Session session;
    private final int capacity;
    private final String label;
    private final Deque<String> queue = new ArrayDeque<>();
    private boolean inFlight;
    private boolean inSend;
    private boolean closed;
    private String closeWhenSent;

    /** @param label who the frames go to, for the log */
    OutboundFrames(Session session, int capacity, String label) {
        this.session = session;
        this.capacity = capacity;
        this.label = label;
    }

    /** Queues a frame; false when the queue is full (the caller closes). A closed connection drops it. */
    synchronized boolean offer(String text) {
        if (closed || closeWhenSent != null) {
            return true;
        }
        if (queue.size() >= capacity) {
            return false;
        }
        queue.add(text);
        sendNext();
        return true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Closes now, dropping what is queued. */
    synchronized void close(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        session.close(code, reason, Callback.from(() -> { }, t -> LOG.debug("close to {} failed", label, t)));
    }

    /** Closes normally (1000) once the frames already queued are sent. */
    synchronized void closeWhenSent(String reason) {
        if (closed || closeWhenSent != null) {
            return;
        }
        closeWhenSent = reason;
        sendNext();
    }

    /** The peer or the network closed the connection: nothing more goes out. */
    synchronized void gone() {
        closed = true;
        queue.clear();
    }

    /** Sends queued frames while none is in flight; a send that completes inline just loops. */
    private void sendNext() {
        while (!inFlight && !closed && !queue.isEmpty()) {
            inFlight = true;
            inSend = true;
            try {
                session.sendText(queue.poll(), Callback.from(this::sent, this::failed));
            } finally {
                inSend = false;
            }
        }
        if (closeWhenSent != null && !inFlight && !closed && queue.isEmpty()) {
            close(StatusCode.NORMAL, closeWhenSent);
        }
    }

    private synchronized void sent() {
        inFlight = false;
        if (!inSend) {
            sendNext();
        }
    }

    private synchronized void failed(Throwable t) {
        LOG.debug("frame to {} failed", label, t);
        inFlight = false;
        closed = true;
        queue.clear();
        session.disconnect();
    }
}
