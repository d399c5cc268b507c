package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.AcdAgent;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** An agent of the ACD tab: status in words, the pause's reason, how long in this status (counted on). */
public final class AgentRow {
    private final long userId;
    private final SimpleStringProperty extension = new SimpleStringProperty(this, "extension");
    private final SimpleStringProperty status = new SimpleStringProperty(this, "status");
    private final SimpleStringProperty reason = new SimpleStringProperty(this, "reason");
    private final SimpleStringProperty inStatus = new SimpleStringProperty(this, "inStatus");
    private final SimpleStringProperty calls = new SimpleStringProperty(this, "calls");
    private final SimpleStringProperty chats = new SimpleStringProperty(this, "chats");
    private String statusCode;
    private Instant since;

    AgentRow(AcdAgent a, Instant since, Instant now) {
        this.userId = a.userId();
        update(a, since, now);
    }

    /** @param since when the agent entered the status, on the console's clock */
    void update(AcdAgent a, Instant since, Instant now) {
        this.statusCode = a.status();
        this.since = since;
        extension.set(Formats.orEmpty(a.extension()));
        status.set(words(a.status()));
        reason.set(a.status().equals("PAUSED") ? Formats.orEmpty(a.pauseReason()) : "");
        calls.set(String.valueOf(a.callsAnswered()));
        chats.set(a.chatCapacity() == 0 ? "" : a.chats() + "/" + a.chatCapacity());
        tick(now);
    }

    void tick(Instant now) {
        inStatus.set(since == null ? "" : Formats.duration(Duration.between(since, now)));
    }

    /** {@code ON_CALL} → "on call". */
    static String words(String status) {
        return status == null ? "" : status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public long userId() {
        return userId;
    }

    /** The API's status code ({@code AVAILABLE}, {@code PAUSED}, ...). */
    public String statusCode() {
        return statusCode;
    }

    public boolean loggedIn() {
        return !"LOGGED_OUT".equals(statusCode);
    }

    public ReadOnlyStringProperty extensionProperty() {
        return extension;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyStringProperty inStatusProperty() {
        return inStatus;
    }

    public ReadOnlyStringProperty callsProperty() {
        return calls;
    }

    public ReadOnlyStringProperty chatsProperty() {
        return chats;
    }
}
