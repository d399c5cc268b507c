package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.AcdQueueFigures;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One queue of the ACD tab: its figures as the appliance last sent them, the longest wait counted on each second
 * from the head caller's arrival, and the service level as a gauge (0..1) that is "below" under 80 %.
 */
public final class AcdQueueRow {
    /** Under this share answered in time the gauge turns to a warning: the usual 80/20 target. */
    static final double TARGET = 0.80;

    private final long queueId;
    private final SimpleStringProperty name = new SimpleStringProperty(this, "name");
    private final SimpleStringProperty number = new SimpleStringProperty(this, "number");
    private final SimpleStringProperty waiting = new SimpleStringProperty(this, "waiting");
    private final SimpleStringProperty longestWait = new SimpleStringProperty(this, "longestWait");
    private final SimpleStringProperty serviceLevel = new SimpleStringProperty(this, "serviceLevel");
    private final SimpleDoubleProperty serviceLevelGauge = new SimpleDoubleProperty(this, "serviceLevelGauge");
    private final SimpleBooleanProperty belowTarget = new SimpleBooleanProperty(this, "belowTarget");
    private final SimpleStringProperty handled = new SimpleStringProperty(this, "handled");
    private final SimpleStringProperty agents = new SimpleStringProperty(this, "agents");
    private Instant headJoinedAt;
    private int waitingCount;

    AcdQueueRow(AcdQueueFigures figures, int serviceLevelSeconds) {
        this.queueId = figures.queueId();
        update(figures, serviceLevelSeconds);
    }

    void update(AcdQueueFigures f, int serviceLevelSeconds) {
        name.set(Formats.orEmpty(f.name()));
        number.set(Formats.orEmpty(f.number()));
        waitingCount = f.waiting();
        waiting.set(String.valueOf(f.waiting()));
        double level = Math.max(0, Math.min(100, f.serviceLevelPercent())) / 100.0;
        serviceLevelGauge.set(level);
        belowTarget.set(level < TARGET);
        serviceLevel.set(String.format(Locale.ROOT, "%.0f %% in %d s", level * 100, serviceLevelSeconds));
        handled.set(f.offered() + " offered · " + f.answered() + " answered · " + f.abandoned() + " abandoned · "
                + f.overflowed() + " overflowed · ASA " + String.format(Locale.ROOT, "%.1f s", f.averageAnswerSeconds()));
        agents.set(summary(f.agents()));
        if (f.waiting() == 0) {
            headJoinedAt = null;
            longestWait.set("");
        }
    }

    /** The caller at the head arrived at {@code joinedAt} (local clock), or none waits (null). */
    void head(Instant joinedAt, Instant now) {
        headJoinedAt = joinedAt;
        tick(now);
    }

    void tick(Instant now) {
        longestWait.set(headJoinedAt == null || waitingCount == 0 ? ""
                : Formats.duration(Duration.between(headJoinedAt, now)));
    }

    /** The order statuses are named in: the free ones first; one the console does not know yet comes last. */
    private static final List<String> ORDER = List.of("AVAILABLE", "RINGING", "ON_CALL", "WRAP_UP", "PAUSED");

    /** "2 available · 1 paused": the statuses present in a fixed order, logged-out members left out. */
    static String summary(Map<String, Integer> byStatus) {
        List<String> statuses = new ArrayList<>(ORDER);
        byStatus.keySet().stream().filter(k -> !ORDER.contains(k) && !k.equals("LOGGED_OUT")).sorted()
                .forEach(statuses::add);
        StringBuilder out = new StringBuilder();
        for (String status : statuses) {
            Integer n = byStatus.get(status);
            if (n == null || n == 0) {
                continue;
            }
            if (out.length() > 0) {
                out.append(" · ");
            }
            out.append(n).append(' ').append(AgentRow.words(status));
        }
        return out.length() == 0 ? "nobody logged in" : out.toString();
    }

    public long queueId() {
        return queueId;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty numberProperty() {
        return number;
    }

    public ReadOnlyStringProperty waitingProperty() {
        return waiting;
    }

    public ReadOnlyStringProperty longestWaitProperty() {
        return longestWait;
    }

    public ReadOnlyStringProperty serviceLevelProperty() {
        return serviceLevel;
    }

    public ReadOnlyDoubleProperty serviceLevelGaugeProperty() {
        return serviceLevelGauge;
    }

    public ReadOnlyBooleanProperty belowTargetProperty() {
        return belowTarget;
    }

    public ReadOnlyStringProperty handledProperty() {
        return handled;
    }

    public ReadOnlyStringProperty agentsProperty() {
        return agents;
    }
}
