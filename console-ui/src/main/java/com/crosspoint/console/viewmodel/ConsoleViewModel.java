package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.ApiException;
import com.crosspoint.console.client.EventStreamListener;
import com.crosspoint.console.client.EventSubscription;
import com.crosspoint.console.client.StreamEvent;
import com.crosspoint.console.client.UnreachableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The main window: owns the event-stream connection and feeds the tabs and the status bar. Every
 * (re)connection starts with a snapshot that replaces the tables; a lost connection is retried
 * with {@link Backoff}; a login the appliance no longer knows (it restarted) is renewed first.
 * All state changes run on the UI executor.
 */
public final class ConsoleViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleViewModel.class);
    /** {@code /status} is asked at most this often, however many call events arrive. */
    static final Duration STATUS_INTERVAL = Duration.ofSeconds(2);
    /**
     * The appliance pings every 30 s; this long without a frame or a ping means the connection is
     * dead without having been closed (network gone, appliance frozen).
     */
    static final Duration SILENCE_LIMIT = Duration.ofSeconds(75);

    private final ConsoleSession session;
    private final Executor ui;
    private final Scheduler scheduler;
    private final Clock clock;
    private final LiveCallsViewModel liveCalls;
    private final RegistrationsViewModel registrations;
    private final StatusViewModel status;
    private final CarrierQualityViewModel carriers;
    private final AcdViewModel acd;
    private final Backoff backoff = new Backoff();
    private final CompletableFuture<Void> firstSnapshot = new CompletableFuture<>();

    private int generation;
    private boolean stopped;
    private EventSubscription subscription;
    private Scheduler.Cancellable retry;
    private Instant lastStatusRequest;
    private Scheduler.Cancellable pendingStatus;
    private Instant lastActivity;

    public ConsoleViewModel(ConsoleSession session, Executor ui, Scheduler scheduler, Clock clock) {
        this.session = session;
        this.ui = ui;
        this.scheduler = scheduler;
        this.clock = clock;
        this.liveCalls = new LiveCallsViewModel(session::api, ui, clock);
        this.registrations = new RegistrationsViewModel(clock);
        this.carriers = new CarrierQualityViewModel(session::api, ui, scheduler, clock);
        this.acd = new AcdViewModel(session::api, ui, clock, session.login().tenantId());
        String where = session.url().getAuthority();
        this.status = new StatusViewModel(session.login().username() + " (" + session.login().role().toLowerCase(java.util.Locale.ROOT)
                + ") @ " + where);
        boolean global = session.login().global();
        liveCalls.showTenantProperty().set(global);
        registrations.showTenantProperty().set(global);
    }

    public LiveCallsViewModel liveCalls() {
        return liveCalls;
    }

    public RegistrationsViewModel registrations() {
        return registrations;
    }

    public CarrierQualityViewModel carriers() {
        return carriers;
    }

    public AcdViewModel acd() {
        return acd;
    }

    public StatusViewModel status() {
        return status;
    }

    /** The window title. */
    public String title() {
        return "Crosspoint console — " + session.login().username() + " @ " + session.url().getAuthority();
    }

    /** Completes once the first snapshot has been applied to the tables. */
    public CompletableFuture<Void> firstSnapshot() {
        return firstSnapshot;
    }

    public void start() {
        connect();
        carriers.start();
    }

    public void stop() {
        stopped = true;
        generation++;
        carriers.stop();
        acd.stop();
        cancel(retry);
        cancel(pendingStatus);
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** Called once a second with the current time. */
    public void tick(Instant now) {
        if (status.stateProperty().get() == ConnectionState.CONNECTED && lastActivity != null
                && now.isAfter(lastActivity.plus(SILENCE_LIMIT))) {
            lost(generation, "nothing heard for " + SILENCE_LIMIT.toSeconds() + " s");
        }
        liveCalls.tick(now);
        registrations.tick(now);
        status.tick(now);
        acd.tick(now);
    }

    private void connect() {
        retry = null;
        if (stopped) {
            return;
        }
        int gen = ++generation;
        status.connecting();
        session.api().events(new Listener(gen))
                .whenComplete((sub, failure) -> ui.execute(() -> opened(gen, sub, failure, false)));
    }

    private void opened(int gen, EventSubscription sub, Throwable failure, boolean afterRelogin) {
        if (stopped || gen != generation) {
            if (sub != null) {
                sub.close();
            }
            return;
        }
        if (failure == null) {
            subscription = sub;
            return;
        }
        Throwable t = Failures.unwrap(failure);
        if (t instanceof ApiException e && e.status() == 401 && !afterRelogin) {
            // The appliance forgot the login (restart): log in again with the same account.
            LOG.info("event stream refused the login, logging in again");
            session.relogin().whenComplete((login, f) -> ui.execute(() -> {
                if (stopped || gen != generation) {
                    return;
                }
                if (f != null) {
                    lost(gen, describe(Failures.unwrap(f)));
                } else {
                    session.api().events(new Listener(gen))
                            .whenComplete((s, f2) -> ui.execute(() -> opened(gen, s, f2, true)));
                }
            }));
            return;
        }
        lost(gen, describe(t));
    }

    private void lost(int gen, String reason) {
        if (stopped || gen != generation) {
            return;
        }
        generation++;
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        Duration delay = backoff.next();
        Instant now = clock.instant();
        LOG.info("event stream lost ({}), reconnecting in {} s", reason, delay.toSeconds());
        status.disconnected(reason, now, now.plus(delay));
        retry = scheduler.schedule(this::connect, delay);
    }

    private void handle(int gen, StreamEvent event) {
        if (stopped || gen != generation) {
            return;
        }
        lastActivity = clock.instant();
        if (event instanceof StreamEvent.Snapshot s) {
            backoff.reset();
            liveCalls.replace(s.calls());
            registrations.replace(s.registrations());
            status.connected(clock.instant());
            countLocally();
            requestStatus();
            acd.start(); // on every (re)connection: what changed while the stream was down
            firstSnapshot.complete(null);
        } else if (event instanceof StreamEvent.CallChange c) {
            liveCalls.apply(c);
            countLocally();
            requestStatus();
        } else if (event instanceof StreamEvent.RegistrationChange r) {
            registrations.apply(r);
            countLocally();
        } else if (event instanceof StreamEvent.AcdChange a) {
            acd.apply(a);
        }
    }

    private void countLocally() {
        status.localCounts(registrations.registeredDevices(), liveCalls.size());
    }

    /**
     * Calls today (the one counter the stream cannot give) changes with calls: asked on connect and
     * on call events, at most once per {@link #STATUS_INTERVAL}; one trailing request covers
     * whatever came meanwhile.
     */
    private void requestStatus() {
        if (pendingStatus != null) {
            return;
        }
        Instant now = clock.instant();
        Instant allowed = lastStatusRequest == null ? now : lastStatusRequest.plus(STATUS_INTERVAL);
        if (!now.isBefore(allowed)) {
            fetchStatus();
        } else {
            pendingStatus = scheduler.schedule(() -> {
                pendingStatus = null;
                fetchStatus();
            }, Duration.between(now, allowed));
        }
    }

    private void fetchStatus() {
        if (stopped) {
            return;
        }
        lastStatusRequest = clock.instant();
        session.api().status().whenComplete((s, failure) -> ui.execute(() -> {
            if (stopped) {
                return;
            }
            if (failure != null) {
                LOG.debug("status request failed: {}", Failures.unwrap(failure).getMessage());
            } else {
                status.serverStatus(s);
            }
        }));
    }

    private static String describe(Throwable t) {
        if (t instanceof UnreachableException) {
            return "no answer";
        }
        if (t instanceof ApiException e) {
            return "HTTP " + e.status() + ": " + e.getMessage();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static void cancel(Scheduler.Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }

    /** Hands every frame of one connection to the UI thread, tagged with the connection's generation. */
    private final class Listener implements EventStreamListener {
        private final int gen;

        Listener(int gen) {
            this.gen = gen;
        }

        @Override
        public void onEvent(StreamEvent event) {
            ui.execute(() -> handle(gen, event));
        }

        @Override
        public void onPing() {
            ui.execute(() -> {
                if (!stopped && gen == generation) {
                    lastActivity = clock.instant();
                }
            });
        }

        @Override
        public void onClosed(int code, String reason) {
            String why = code == 1013 ? "stream overflow" : code < 0 ? reason : "closed by the appliance (" + code + ")";
            ui.execute(() -> lost(gen, why));
        }
    }
}
