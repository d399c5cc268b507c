package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.AcdBoard;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;

import java.time.Duration;
import java.time.Instant;

/** A caller waiting in a queue, with the wait counted on each second. The caller's text is shown as text. */
public final class WaitingRow {
    private final long entryId;
    private final long queueId;
    private final Instant joinedAt;
    private final SimpleStringProperty queue = new SimpleStringProperty(this, "queue");
    private final SimpleStringProperty position = new SimpleStringProperty(this, "position");
    private final SimpleStringProperty caller = new SimpleStringProperty(this, "caller");
    private final SimpleStringProperty waited = new SimpleStringProperty(this, "waited");

    /** @param joinedAt when the caller arrived, on the console's clock */
    WaitingRow(long queueId, String queueName, AcdBoard.WaitingCaller w, Instant joinedAt, Instant now) {
        this.entryId = w.entryId();
        this.queueId = queueId;
        this.joinedAt = joinedAt;
        queue.set(queueName);
        position.set(String.valueOf(w.position()));
        String who = Formats.party(w.caller(), w.callerName());
        caller.set(w.callback() ? who + " (callback)" : who);
        tick(now);
    }

    void tick(Instant now) {
        waited.set(Formats.duration(Duration.between(joinedAt, now)));
    }

    public long entryId() {
        return entryId;
    }

    public long queueId() {
        return queueId;
    }

    Instant joinedAt() {
        return joinedAt;
    }

    public ReadOnlyStringProperty queueProperty() {
        return queue;
    }

    public ReadOnlyStringProperty positionProperty() {
        return position;
    }

    public ReadOnlyStringProperty callerProperty() {
        return caller;
    }

    public ReadOnlyStringProperty waitedProperty() {
        return waited;
    }
}
