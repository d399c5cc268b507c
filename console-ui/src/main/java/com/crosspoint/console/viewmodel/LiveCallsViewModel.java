package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.Call;
import com.crosspoint.console.client.ConsoleApi;
import com.crosspoint.console.client.StreamEvent;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** The live-calls tab: calls in progress from the event stream, a filter, and hang-up. */
public final class LiveCallsViewModel {
    private final ObservableList<CallRow> rows = FXCollections.observableArrayList();
    private final FilteredList<CallRow> filtered = new FilteredList<>(rows);
    private final Map<String, CallRow> byId = new HashMap<>();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<CallRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty showTenant = new SimpleBooleanProperty(this, "showTenant", false);
    private final SimpleStringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanBinding canHangUp = Bindings.isNotNull(selected);
    private final Supplier<ConsoleApi> api;
    private final Executor ui;
    private final Clock clock;
    private Instant now;

    /** @param api the API of the current session (asked at each use: the session may log in again) */
    public LiveCallsViewModel(Supplier<ConsoleApi> api, Executor ui, Clock clock) {
        this.api = api;
        this.ui = ui;
        this.clock = clock;
        this.now = clock.instant();
        filter.addListener((o, was, is) -> {
            String needle = is == null ? "" : is.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(needle.isEmpty() ? null : row -> row.matches(needle));
        });
    }

    /** All calls, filtered; the view sorts them. */
    public ObservableList<CallRow> calls() {
        return filtered;
    }

    /** Every call in progress, whatever the filter. */
    public int size() {
        return rows.size();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<CallRow> selectedProperty() {
        return selected;
    }

    public BooleanBinding canHangUpProperty() {
        return canHangUp;
    }

    /** True for global logins, whose calls come from several tenants. */
    public BooleanProperty showTenantProperty() {
        return showTenant;
    }

    /** The outcome of the last hang-up, for the user; empty when nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    /** The table as the appliance has it now: everything before is dropped. */
    public void replace(List<Call> calls) {
        now = clock.instant();
        byId.clear();
        List<CallRow> fresh = calls.stream().map(c -> new CallRow(c, clock.getZone(), now)).toList();
        fresh.forEach(r -> byId.put(r.callId(), r));
        CallRow wasSelected = selected.get();
        rows.setAll(fresh);
        selected.set(wasSelected == null ? null : byId.get(wasSelected.callId()));
    }

    public void apply(StreamEvent.CallChange change) {
        Call c = change.call();
        CallRow row = byId.get(c.callId());
        if (change.ended()) {
            if (row != null) {
                byId.remove(c.callId());
                rows.remove(row);
                if (selected.get() == row) {
                    selected.set(null);
                }
            }
        } else if (row == null) {
            row = new CallRow(c, clock.getZone(), now);
            byId.put(c.callId(), row);
            rows.add(row);
        } else {
            row.update(c, now);
        }
    }

    /** Called once a second: durations move on. */
    public void tick(Instant at) {
        now = at;
        rows.forEach(r -> r.tick(at));
    }

    /** The question the confirmation dialog asks. */
    public String hangUpQuestion(CallRow row) {
        return "Hang up the call from " + row.callerProperty().get() + " to " + row.calleeProperty().get()
                + " (" + row.stateProperty().get().toLowerCase(Locale.ROOT) + ", " + row.durationProperty().get() + ")?";
    }

    /** Asks the appliance to end the call; the row goes when {@code call.ended} arrives. */
    public CompletableFuture<Void> hangUp(CallRow row) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        message.set("Hanging up " + row.callerProperty().get() + " → " + row.calleeProperty().get() + "…");
        api.get().hangUp(row.tenantId(), row.callId()).whenComplete((v, failure) -> ui.execute(() -> {
            if (failure != null) {
                Throwable t = Failures.unwrap(failure);
                message.set("Hang-up failed: " + t.getMessage());
                done.completeExceptionally(t);
            } else {
                message.set("Hung up " + row.callerProperty().get() + " → " + row.calleeProperty().get() + ".");
                done.complete(null);
            }
        }));
        return done;
    }
}
