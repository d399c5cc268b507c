package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.ApplianceStatus;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The status bar: connection state with the reconnect countdown, the counters, and the alarms
 * raised when the appliance goes away and comes back (once per outage, not per retry).
 */
public final class StatusViewModel {
    /** Shown for a counter the appliance does not report (no {@code /status} yet). */
    public static final String UNKNOWN = "—";

    private final SimpleObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(this, "state", ConnectionState.CONNECTING);
    private final SimpleStringProperty connection = new SimpleStringProperty(this, "connection", "Connecting…");
    private final SimpleStringProperty devices = new SimpleStringProperty(this, "devices", UNKNOWN);
    private final SimpleStringProperty callsNow = new SimpleStringProperty(this, "callsNow", UNKNOWN);
    private final SimpleStringProperty callsToday = new SimpleStringProperty(this, "callsToday", UNKNOWN);
    private final ObservableList<Alarm> alarms = FXCollections.observableArrayList();
    private final String target;
    private Optional<ApplianceStatus> server = Optional.empty();
    private long localDevices;
    private long localCalls;
    private boolean outage;
    private Instant retryAt;
    private String lastReason = "";

    /** @param target who is connected where, e.g. {@code operator @ 127.0.0.1:8080} */
    public StatusViewModel(String target) {
        this.target = target;
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    /** "Connected to …", "Disconnected — reconnecting in 4 s", "Connecting…". */
    public ReadOnlyStringProperty connectionProperty() {
        return connection;
    }

    public ReadOnlyStringProperty registeredDevicesProperty() {
        return devices;
    }

    public ReadOnlyStringProperty callsNowProperty() {
        return callsNow;
    }

    public ReadOnlyStringProperty callsTodayProperty() {
        return callsToday;
    }

    /** Every alarm raised so far, newest last. */
    public ObservableList<Alarm> alarms() {
        return alarms;
    }

    void connecting() {
        if (state.get() != ConnectionState.DISCONNECTED) {
            state.set(ConnectionState.CONNECTING);
            connection.set("Connecting to " + target + "…");
        } else {
            connection.set("Disconnected (" + lastReason + ") — reconnecting now…");
        }
    }

    void connected(Instant at) {
        retryAt = null;
        state.set(ConnectionState.CONNECTED);
        connection.set("Connected: " + target);
        if (outage) {
            outage = false;
            alarms.add(new Alarm(Alarm.Severity.INFO, "Reconnected", "The appliance " + target + " is back; the tables are up to date.", at));
        }
    }

    void disconnected(String reason, Instant now, Instant nextAttempt) {
        lastReason = reason;
        retryAt = nextAttempt;
        state.set(ConnectionState.DISCONNECTED);
        if (!outage) {
            outage = true;
            alarms.add(new Alarm(Alarm.Severity.WARNING, "Appliance unreachable", target + ": " + reason, now));
        }
        tick(now);
    }

    /** Called once a second: the reconnect countdown moves on. */
    public void tick(Instant now) {
        if (state.get() == ConnectionState.DISCONNECTED && retryAt != null) {
            long s = Math.max(0, Duration.between(now, retryAt).toMillis() + 999) / 1000;
            connection.set("Disconnected (" + lastReason + ") — reconnecting in " + s + " s");
        }
    }

    /**
     * What the event stream shows: devices with a registered contact and calls in progress. These
     * two counters always come from the stream: it is live, where {@code /status} is a sample.
     */
    void localCounts(long registeredDevices, long activeCalls) {
        localDevices = registeredDevices;
        localCalls = activeCalls;
        render();
    }

    /** The answer of {@code GET /status}, for calls today; empty when the appliance does not serve it. */
    void serverStatus(Optional<ApplianceStatus> status) {
        server = status;
        render();
    }

    private void render() {
        devices.set(Long.toString(localDevices));
        callsNow.set(Long.toString(localCalls));
        callsToday.set(server.map(s -> Long.toString(s.callsToday())).orElse(UNKNOWN));
    }
}
