package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.ApiException;
import com.crosspoint.console.client.CarrierQuality;
import com.crosspoint.console.client.ConsoleApi;
import com.crosspoint.console.client.UnreachableException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The carrier quality tab: every carrier of the call router with its live figures, polled from
 * {@code GET /api/v1/carriers/quality} every {@link #POLL_INTERVAL} (after a failure with {@link Backoff}), the
 * samples of the last hour for the chart, and taking a carrier out of service and back. A login that may not see
 * carriers (403) or an appliance without a call router (404) is said once; polling stops, as asking again would
 * change nothing.
 */
public final class CarrierQualityViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CarrierQualityViewModel.class);
    /** How often the figures are asked for: the router's windows move by the minute, live calls by the second. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);
    /** How far back the chart reaches. */
    static final Duration HISTORY = Duration.ofHours(1);

    private final ObservableList<CarrierRow> rows = FXCollections.observableArrayList();
    private final Map<Long, CarrierRow> byId = new HashMap<>();
    private final ObjectProperty<CarrierRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<ChartMetric> chartMetric = new SimpleObjectProperty<>(this, "chartMetric",
            ChartMetric.CALLS_PER_SECOND);
    private final SimpleStringProperty pollState = new SimpleStringProperty(this, "pollState", "Asking for the carriers…");
    private final SimpleStringProperty message = new SimpleStringProperty(this, "message", "");
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final BooleanBinding canChangeService = Bindings.isNotNull(selected).and(busy.not());
    private final StringBinding serviceAction = Bindings.createStringBinding(
            () -> selected.get() != null && !selected.get().inService() ? "Put back in service…" : "Take out of service…",
            selected);
    private final Supplier<ConsoleApi> api;
    private final Executor ui;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Backoff backoff = new Backoff();
    private Scheduler.Cancellable next;
    private boolean stopped = true;
    private int generation;

    /** @param api the API of the current session (asked at each use: the session may log in again) */
    public CarrierQualityViewModel(Supplier<ConsoleApi> api, Executor ui, Scheduler scheduler, Clock clock) {
        this.api = api;
        this.ui = ui;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** The carriers as the last poll had them, in the appliance's order. */
    public ObservableList<CarrierRow> carriers() {
        return rows;
    }

    public ObjectProperty<CarrierRow> selectedProperty() {
        return selected;
    }

    public ObjectProperty<ChartMetric> chartMetricProperty() {
        return chartMetric;
    }

    /** When the figures were last updated, or why they are not. */
    public ReadOnlyStringProperty pollStateProperty() {
        return pollState;
    }

    /** The outcome of the last change of service, for the user; empty when nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** A carrier is selected and no change is under way. */
    public BooleanBinding canChangeServiceProperty() {
        return canChangeService;
    }

    /** The button's words for the selected carrier: out of service, or back. */
    public StringBinding serviceActionProperty() {
        return serviceAction;
    }

    /** Polls now, then every {@link #POLL_INTERVAL}. */
    public void start() {
        if (!stopped) {
            return;
        }
        stopped = false;
        poll();
    }

    public void stop() {
        stopped = true;
        generation++;
        if (next != null) {
            next.cancel();
            next = null;
        }
    }

    /** Asks now instead of at the next tick (after a change, or when the operator asks for it). */
    public void refresh() {
        if (stopped) {
            return;
        }
        if (next != null) {
            next.cancel();
            next = null;
        }
        poll();
    }

    private void poll() {
        int gen = ++generation;
        api.get().carrierQuality().whenComplete((list, failure) -> ui.execute(() -> {
            if (stopped || gen != generation) {
                return;
            }
            if (failure == null) {
                backoff.reset();
                apply(list, clock.instant());
                schedule(POLL_INTERVAL);
            } else {
                failed(Failures.unwrap(failure));
            }
        }));
    }

    private void schedule(Duration delay) {
        next = scheduler.schedule(() -> {
            next = null;
            if (!stopped) {
                poll();
            }
        }, delay);
    }

    private void failed(Throwable t) {
        if (t instanceof ApiException e && (e.status() == 403 || e.status() == 404)) {
            pollState.set(e.status() == 403 ? "This login may not watch the carriers: " + e.getMessage()
                    : "This appliance runs no call router.");
            LOG.info("carrier quality not available: HTTP {} {}", e.status(), e.getMessage());
            return;
        }
        Duration delay = backoff.next();
        String why = t instanceof UnreachableException ? "no answer" : t.getMessage();
        pollState.set("Carrier figures not updated (" + why + "); asking again in " + delay.toSeconds() + " s");
        schedule(delay);
    }

    private void apply(List<CarrierQuality> list, Instant at) {
        Set<Long> seen = new HashSet<>();
        for (CarrierQuality q : list) {
            seen.add(q.carrierId());
            CarrierRow row = byId.get(q.carrierId());
            if (row == null) {
                row = new CarrierRow(q, at);
                byId.put(q.carrierId(), row);
                rows.add(row);
            } else {
                row.update(q, at);
            }
            row.forgetBefore(at.minus(HISTORY));
        }
        byId.keySet().removeIf(id -> !seen.contains(id));
        rows.removeIf(r -> !seen.contains(r.carrierId()));
        if (selected.get() != null && !seen.contains(selected.get().carrierId())) {
            selected.set(null);
        }
        // the row changed in place: the button's words follow its status
        serviceAction.invalidate();
        pollState.set(list.isEmpty() ? "The call router has no carriers." : "Updated " + Formats.time(at, zone()));
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    /** The question the confirmation dialog asks before {@link #changeService}. */
    public String serviceQuestion(CarrierRow row) {
        String name = row.nameProperty().get();
        return row.inService()
                ? "Take " + name + " out of service? The router offers it no new call from now on; calls in progress go on."
                : "Put " + name + " back in service? The router offers it calls again from the next call on.";
    }

    /** Takes the carrier out of service when it is in, else back; the figures are asked for again at once. */
    public CompletableFuture<Void> changeService(CarrierRow row) {
        boolean inService = !row.inService();
        String name = row.nameProperty().get();
        CompletableFuture<Void> done = new CompletableFuture<>();
        busy.set(true);
        message.set((inService ? "Putting " + name + " back in service…" : "Taking " + name + " out of service…"));
        api.get().setCarrierInService(row.carrierId(), inService).whenComplete((v, failure) -> ui.execute(() -> {
            busy.set(false);
            if (failure != null) {
                Throwable t = Failures.unwrap(failure);
                message.set(t instanceof ApiException e && e.status() == 403
                        ? "Not allowed to change " + name + ": " + e.getMessage()
                        : "Could not change " + name + ": " + t.getMessage());
                done.completeExceptionally(t);
                return;
            }
            message.set(name + (inService ? " is back in service." : " is out of service."));
            done.complete(null);
            refresh();
        }));
        return done;
    }
}
