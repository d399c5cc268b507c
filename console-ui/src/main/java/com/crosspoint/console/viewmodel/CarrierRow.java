package com.crosspoint.console.viewmodel;

import com.crosspoint.console.client.CarrierFigures;
import com.crosspoint.console.client.CarrierQuality;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * One line of the carrier tab, updated in place by each poll (so the selection stays), with the samples of the
 * last hour that feed its line in the chart.
 */
public final class CarrierRow {
    /** Shown for a figure the window cannot give yet (no attempt, no measured MOS, no answered call). */
    public static final String NONE = "—";

    private final long carrierId;
    private final SimpleStringProperty name = new SimpleStringProperty(this, "name", "");
    private final SimpleStringProperty status = new SimpleStringProperty(this, "status", "");
    private final SimpleStringProperty liveCalls = new SimpleStringProperty(this, "liveCalls", "");
    private final SimpleStringProperty callsPerSecond = new SimpleStringProperty(this, "callsPerSecond", "");
    private final SimpleStringProperty asr = new SimpleStringProperty(this, "asr", "");
    private final SimpleStringProperty acd = new SimpleStringProperty(this, "acd", "");
    private final SimpleStringProperty pdd = new SimpleStringProperty(this, "pdd", "");
    private final SimpleStringProperty ner = new SimpleStringProperty(this, "ner", "");
    private final SimpleStringProperty mos = new SimpleStringProperty(this, "mos", "");
    private final SimpleStringProperty cost = new SimpleStringProperty(this, "cost", "");
    private final ObservableList<QualitySample> samples = FXCollections.observableArrayList();
    private CarrierQuality last;

    CarrierRow(CarrierQuality q, Instant at) {
        this.carrierId = q.carrierId();
        update(q, at);
    }

    void update(CarrierQuality q, Instant at) {
        last = q;
        CarrierFigures f = q.quality();
        boolean measured = f != null && f.attempts() > 0;
        name.set(q.name());
        status.set(statusWords(q.status()));
        liveCalls.set(Integer.toString(q.liveCalls()));
        callsPerSecond.set(String.format(Locale.ROOT, "%.1f", q.callsPerSecond()));
        asr.set(measured ? percent(f.asr()) : NONE);
        ner.set(measured ? percent(f.ner()) : NONE);
        acd.set(measured && f.answered() > 0 ? Formats.duration(Duration.ofMillis(Math.round(f.acdSeconds() * 1000))) : NONE);
        pdd.set(measured ? String.format(Locale.ROOT, "%.2f s", f.pddMillis() / 1000) : NONE);
        mos.set(f != null && f.mos() != null ? String.format(Locale.ROOT, "%.2f", f.mos()) : NONE);
        cost.set(q.costPerMinute() == null ? NONE : money(q.costPerMinute()));
        samples.add(new QualitySample(at, q.liveCalls(), q.callsPerSecond(), measured ? f.asr() : null,
                f == null ? null : f.mos()));
    }

    /** Drops the samples taken before {@code oldest}. */
    void forgetBefore(Instant oldest) {
        samples.removeIf(s -> s.at().isBefore(oldest));
    }

    public long carrierId() {
        return carrierId;
    }

    /** As the last poll had it: true unless it was taken out of service. */
    public boolean inService() {
        return last.inService();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    /** In service, Out of service, Unavailable (failing), Trial call. */
    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty liveCallsProperty() {
        return liveCalls;
    }

    public ReadOnlyStringProperty callsPerSecondProperty() {
        return callsPerSecond;
    }

    public ReadOnlyStringProperty asrProperty() {
        return asr;
    }

    public ReadOnlyStringProperty acdProperty() {
        return acd;
    }

    public ReadOnlyStringProperty pddProperty() {
        return pdd;
    }

    public ReadOnlyStringProperty nerProperty() {
        return ner;
    }

    public ReadOnlyStringProperty mosProperty() {
        return mos;
    }

    public ReadOnlyStringProperty costPerMinuteProperty() {
        return cost;
    }

    /** The samples of the last hour, oldest first. */
    public ObservableList<QualitySample> samples() {
        return samples;
    }

    static String statusWords(String status) {
        return switch (status == null ? "" : status) {
            case "IN_SERVICE" -> "In service";
            case CarrierQuality.OUT_OF_SERVICE -> "Out of service";
            case "UNAVAILABLE" -> "Unavailable (failing)";
            case "TRIAL" -> "Trial call";
            default -> status == null ? "" : status;
        };
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    /** Up to 4 decimals, as a rate deck writes prices ({@code 0.0131}). */
    private static String money(BigDecimal value) {
        BigDecimal scaled = value.setScale(Math.min(Math.max(value.scale(), 2), 4), java.math.RoundingMode.HALF_UP);
        return scaled.toPlainString();
    }
}
