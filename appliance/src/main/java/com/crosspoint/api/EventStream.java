package com.crosspoint.api;

import com.crosspoint.events.Event;
import com.crosspoint.events.EventBus;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * {@code GET /api/v1/events} (WebSocket): one event-bus subscription fanned out to every open
 * connection. The token comes in the {@code Authorization} header, as {@code ?token=}, or from
 * browsers in the session cookie; with the cookie the {@code Origin} must be the appliance's own
 * (no cross-site WebSocket hijacking). One login may hold {@link ApiSettings#maxStreamsPerLogin()} streams;
 * the next upgrade is refused with 429 and counted.
 */
final class EventStream implements AutoCloseable {
    static final String PATH = "/api/v1/events";
    static final String TOO_MANY = "too many event streams for this login; close one first";

    private final Set<EventSession> sessions = ConcurrentHashMap.newKeySet();
    private final EventBus bus;
    private final LoginSessions logins;
    private final EventFrames frames;
    private final ObjectMapper json;
    private final ApiSettings settings;
    private final SecurityCounters counters;
    private volatile EventBus.Subscription subscription;
    private volatile Scheduler.Task pinger;
    private volatile boolean closed;
    private long droppedSeen;

    EventStream(EventBus bus, LoginSessions logins, EventFrames frames, ObjectMapper json, ApiSettings settings,
                SecurityCounters counters) {
        this.bus = bus;
        this.counters = counters;
        this.logins = logins;
        this.frames = frames;
        this.json = json;
        this.settings = settings;
    }

    void start(Scheduler scheduler) {
        // Nobody watching, nothing queued: a busy registrar need not wake this thread per refresh.
        subscription = bus.subscribe("api-events", e -> !sessions.isEmpty(), this::dispatch);
        schedulePing(scheduler);
    }

    /** Authenticates the upgrade; answers 401 in the API's JSON format instead of upgrading. */
    WebSocketCreator creator() {
        ReplyWriter writer = new ReplyWriter(json);
        return (rq, rs, callback) -> {
            String token = Authenticator.bearerToken(rq.getHeaders().get(HttpHeader.AUTHORIZATION));
            if (token == null) {
                token = Request.extractQueryParameters(rq).getValue("token");
            }
            if (token == null) {
                token = Authenticator.sessionCookie(rq);
                // A cookie is sent by the browser on its own: only the dashboards' own pages may use it.
                if (token != null && !OriginPolicy.presentAndSame(rq)) {
                    writer.write(rs, callback, ErrorMapper.reply(403, OriginPolicy.REFUSED, null));
                    return null;
                }
            }
            Principal p = token == null ? null : logins.use(token).orElse(null);
            if (p == null) {
                writer.write(rs, callback, ErrorMapper.reply(401,
                        "login required: ?token=, Authorization: Bearer or the session cookie", null));
                return null;
            }
            if (streamsOf(LoginSessions.idOf(token)) >= settings.maxStreamsPerLogin()) {
                counters.refusedEventStream();
                writer.write(rs, callback, ErrorMapper.reply(429, TOO_MANY, null));
                return null;
            }
            return new EventSession(p, token, logins, frames, this, json, settings.eventQueueFrames());
        };
    }

    private long streamsOf(String loginId) {
        return sessions.stream().filter(s -> s.isOf(loginId)).count();
    }

    /**
     * Adds an opened stream; false when its login already holds its allowance (two upgrades that raced past
     * the check in {@link #creator()}), and the caller closes it.
     */
    synchronized boolean join(EventSession s) {
        if (streamsOf(s.loginId()) >= settings.maxStreamsPerLogin()) {
            counters.refusedEventStream();
            return false;
        }
        sessions.add(s);
        return true;
    }

    void leave(EventSession s) {
        sessions.remove(s);
    }

    /** A login was ended (logout, password change, deletion): its streams close now. */
    void loginEnded(String loginId) {
        sessions.forEach(s -> s.loginEnded(loginId));
    }

    int openSessions() {
        return sessions.size();
    }

    /** Runs on the subscription's own thread, one event at a time. */
    private void dispatch(Event e) {
        EventBus.Subscription sub = subscription;
        long dropped = sub == null ? 0 : sub.dropped();
        if (dropped != droppedSeen) {
            droppedSeen = dropped;
            sessions.forEach(EventSession::resync);
        }
        sessions.forEach(s -> s.offer(e));
    }

    private void schedulePing(Scheduler scheduler) {
        if (closed) {
            return;
        }
        pinger = scheduler.schedule(() -> {
            sessions.forEach(EventSession::ping);
            schedulePing(scheduler);
        }, settings.eventPingInterval());
    }

    @Override
    public void close() {
        closed = true;
        Scheduler.Task task = pinger;
        if (task != null) {
            task.cancel();
        }
        EventBus.Subscription sub = subscription;
        if (sub != null) {
            sub.close();
        }
    }

    Duration idleTimeout() {
        return settings.eventPingInterval().multipliedBy(4);
    }
}
