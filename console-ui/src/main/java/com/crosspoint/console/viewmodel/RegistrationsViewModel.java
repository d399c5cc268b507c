package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.Registration;
import com.crosspoint.console.client.StreamEvent;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
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

/** The registrations tab: every registered contact of every device the login may watch. */
public final class RegistrationsViewModel {
    private final ObservableList<RegistrationRow> rows = FXCollections.observableArrayList();
    private final FilteredList<RegistrationRow> filtered = new FilteredList<>(rows);
    private final Map<String, RegistrationRow> byKey = new HashMap<>();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty showTenant = new SimpleBooleanProperty(this, "showTenant", false);
    private final Clock clock;
    private Instant now;

    public RegistrationsViewModel(Clock clock) {
        this.clock = clock;
        this.now = clock.instant();
        filter.addListener((o, was, is) -> {
            String needle = is == null ? "" : is.trim().toLowerCase(Locale.ROOT);
            filtered.setPredicate(needle.isEmpty() ? null : row -> row.matches(needle));
        });
    }

    public ObservableList<RegistrationRow> registrations() {
        return filtered;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty showTenantProperty() {
        return showTenant;
    }

    /** Devices with at least one registered contact. */
    public long registeredDevices() {
        return rows.stream().map(r -> r.registration().tenantId() + "/" + r.registration().deviceId()).distinct().count();
    }

    public void replace(List<Registration> registrations) {
        now = clock.instant();
        byKey.clear();
        List<RegistrationRow> fresh = registrations.stream().map(r -> new RegistrationRow(r, now)).toList();
        fresh.forEach(r -> byKey.put(r.key(), r));
        rows.setAll(fresh);
    }

    public void apply(StreamEvent.RegistrationChange change) {
        Registration r = change.registration();
        RegistrationRow row = byKey.get(r.key());
        if (change.gone()) {
            if (row != null) {
                byKey.remove(r.key());
                rows.remove(row);
            }
        } else if (row == null) {
            row = new RegistrationRow(r, now);
            byKey.put(row.key(), row);
            rows.add(row);
        } else {
            row.update(r, now);
        }
    }

    /** Called once a second: the countdowns move on. */
    public void tick(Instant at) {
        now = at;
        rows.forEach(r -> r.tick(at));
    }
}
