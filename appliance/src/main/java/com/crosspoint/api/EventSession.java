package com.crosspoint.api;

import com.crosspoint.api.dto.SnapshotFrame;
import com.crosspoint.events.Event;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event-stream connection. It joins the stream before taking its snapshot, holding back the
 * events that arrive meanwhile, so nothing falls between snapshot and deltas (an event may show in
 * both; deltas carry the full state, so applying it twice is harmless). Frames go through
 * {@link OutboundFrames} and never block the publisher: a client that falls {@code capacity}
 * frames behind is closed with 1013 and reconnects to a fresh snapshot. Public only because
 * Jetty invokes the listener methods reflectively.
 */
public final class EventSession implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(EventSession.class);
    static final String OVERFLOW = "event stream overflow: reconnect for a fresh snapshot";
    static final String EXPIRED = "login expired or logged out";

    private final Principal principal;
    private final String token;
    private final String loginId;
    private final LoginSessions logins;
    private final EventFrames frames;
    private final EventStream stream;
    private final ObjectMapper json;
    private final int capacity;

    private final List<Event> early = new ArrayList<>();
    private Session session;
    private OutboundFrames out;
    private boolean started;
    private boolean closed;
    private long seq;

    EventSession(Principal principal, String token, LoginSessions logins, EventFrames frames, EventStream stream,
                 ObjectMapper json, int capacity) {
        this.principal = principal;
        this.token = token;
        this.loginId = LoginSessions.idOf(token);
        this.logins = logins;
        this.frames = frames;
        this.stream = stream;
        this.json = json;
        this.capacity = capacity;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        synchronized (this) {
            session = s;
            out = new OutboundFrames(s, capacity, "event stream of " + principal.username());
        }
        if (!stream.join(this)) {
            synchronized (this) {
                close(StatusCode.POLICY_VIOLATION, EventStream.TOO_MANY);
            }
            return;
        }
        SnapshotFrame snapshot = frames.snapshot(principal, 1);
        synchronized (this) {
            if (closed) {
                return;
            }
            started = true;
            seq = 1;
            enqueue(snapshot);
            for (Event e : early) {
                enqueue(frames.frame(e, ++seq));
            }
            early.clear();
        }
    }

    String loginId() {
        return loginId;
    }

    /** Whether this stream belongs to the login kept under {@code id} ({@link LoginSessions#idOf}). */
    boolean isOf(String id) {
        return loginId.equals(id);
    }

    /** Called on the stream's dispatch thread for every event; never blocks. */
    synchronized void offer(Event e) {
        if (closed || !principal.mayWatch(e)) {
            return;
        }
        // Each delivered event counts as use of the login, so a watching console stays logged in.
        if (logins.use(token).isEmpty()) {
            close(StatusCode.POLICY_VIOLATION, EXPIRED);
            return;
        }
        if (!started) {
            if (early.size() >= capacity) {
                close(StatusCode.TRY_AGAIN_LATER, OVERFLOW);
            } else {
                early.add(e);
            }
            return;
        }
        enqueue(frames.frame(e, ++seq));
    }

    /** Closes this stream (1008) when it belongs to the login kept under {@code endedId}. */
    synchronized void loginEnded(String endedId) {
        if (loginId.equals(endedId)) {
            close(StatusCode.POLICY_VIOLATION, EXPIRED);
        }
    }

    /** The stream itself lost events: this client's state can no longer be trusted. */
    synchronized void resync() {
        close(StatusCode.TRY_AGAIN_LATER, OVERFLOW);
    }

    synchronized void ping() {
        if (started && !closed && !out.isClosed()) {
            session.sendPing(ByteBuffer.allocate(0), Callback.from(() -> { }, this::sendFailed));
        }
    }

    private void enqueue(Object frame) {
        if (closed) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(frame);
        } catch (JsonProcessingException ex) {
            LOG.error("event frame could not be serialised: {}", frame, ex);
            close(StatusCode.SERVER_ERROR, "internal error");
            return;
        }
        if (!out.offer(text)) {
            close(StatusCode.TRY_AGAIN_LATER, OVERFLOW);
        }
    }

    private void sendFailed(Throwable t) {
        LOG.debug("ping to {} failed", principal.username(), t);
        session.disconnect();
    }

    private void close(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        early.clear();
        LOG.info("closing event stream of {}: {}", principal.username(), reason);
        out.close(code, reason);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        synchronized (this) {
            closed = true;
            out.gone();
        }
        stream.leave(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.debug("event stream of {} failed", principal.username(), cause);
        synchronized (this) {
            closed = true;
        }
        stream.leave(this);
    }
}
