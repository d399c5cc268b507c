package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.Call;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** One row of the live-calls table; updated in place by later events for the same call. */
public final class CallRow {
    private final String callId;
    private final long tenantId;
    private final ZoneId zone;
    private final SimpleStringProperty caller = new SimpleStringProperty(this, "caller");
    private final SimpleStringProperty callee = new SimpleStringProperty(this, "callee");
    private final SimpleStringProperty state = new SimpleStringProperty(this, "state");
    private final SimpleStringProperty started = new SimpleStringProperty(this, "started");
    private final SimpleStringProperty duration = new SimpleStringProperty(this, "duration");
    private final SimpleLongProperty durationSeconds = new SimpleLongProperty(this, "durationSeconds");
    private final SimpleStringProperty codec = new SimpleStringProperty(this, "codec");
    private final SimpleStringProperty mos = new SimpleStringProperty(this, "mos");
    private final SimpleStringProperty media = new SimpleStringProperty(this, "media");
    private final SimpleStringProperty tenant = new SimpleStringProperty(this, "tenant");
    private Call call;

    CallRow(Call call, ZoneId zone, Instant now) {
        this.callId = call.callId();
        this.tenantId = call.tenantId();
        this.zone = zone;
        update(call, now);
    }

    void update(Call c, Instant now) {
        this.call = c;
        caller.set(Formats.party(c.caller(), c.callerName()));
        boolean redirected = c.connectedTo() != null && !c.connectedTo().equals(c.callee());
        String called = Formats.party(c.callee(), c.calleeName());
        callee.set(redirected ? called + " → " + Formats.party(c.connectedTo(), c.connectedToName()) : called);
        state.set(c.state());
        started.set(Formats.time(c.startedAt(), zone));
        codec.set(Formats.orEmpty(c.codec()));
        mos.set(Formats.mos(c.quality(), c.mediaAnchored()));
        media.set(Formats.media(c.media()));
        tenant.set(String.valueOf(c.tenantId()));
        tick(now);
    }

    void tick(Instant now) {
        Duration d = call.startedAt() == null ? Duration.ZERO : Duration.between(call.startedAt(), now);
        durationSeconds.set(Math.max(0, d.getSeconds()));
        duration.set(Formats.duration(d));
    }

    public String callId() {
        return callId;
    }

    public long tenantId() {
        return tenantId;
    }

    /** The call as last reported. */
    public Call call() {
        return call;
    }

    /** Caller's name and extension, e.g. {@code Alice (1001)}; the extension alone when no name is known. */
    public ReadOnlyStringProperty callerProperty() {
        return caller;
    }

    /**
     * The dialled user, {@code Bob (1002)}, or the extension alone; {@code 1002 → Carol (1003)} when the call was
     * connected elsewhere (forward, transfer).
     */
    public ReadOnlyStringProperty calleeProperty() {
        return callee;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    /** Start time, local {@code HH:mm:ss}. */
    public ReadOnlyStringProperty startedProperty() {
        return started;
    }

    public Instant startedAt() {
        return call.startedAt();
    }

    /** Time since the call started, {@code m:ss} or {@code h:mm:ss}. */
    public ReadOnlyStringProperty durationProperty() {
        return duration;
    }

    public ReadOnlyLongProperty durationSecondsProperty() {
        return durationSeconds;
    }

    public ReadOnlyStringProperty codecProperty() {
        return codec;
    }

    /**
     * Estimated MOS of a call the appliance anchors ({@code 4.37}); "not anchored" for two phones talking directly
     * (their media does not pass the appliance); empty before the answer.
     */
    public ReadOnlyStringProperty mosProperty() {
        return mos;
    }

    /** How the audio travels and which phones are behind NAT: "relayed · NAT: 1001, 1002" (see docs/console.md). */
    public ReadOnlyStringProperty mediaProperty() {
        return media;
    }

    public ReadOnlyStringProperty tenantProperty() {
        return tenant;
    }

    boolean matches(String needle) {
        return contains(caller.get(), needle) || contains(callee.get(), needle) || contains(state.get(), needle)
                || contains(codec.get(), needle) || contains(callId, needle) || contains(tenant.get(), needle);
    }

    static boolean contains(String haystack, String lowerNeedle) {
        return haystack != null && haystack.toLowerCase(java.util.Locale.ROOT).contains(lowerNeedle);
    }

    @Override
    public String toString() {
        return "CallRow[" + callId + " " + caller.get() + " → " + callee.get() + " " + state.get() + "]";
    }
}
