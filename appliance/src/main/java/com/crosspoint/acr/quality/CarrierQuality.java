package com.crosspoint.acr.quality;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every carrier's quality over a sliding window, per destination group and in total. A destination group is the
 * first {@code groupDigits} digits of the dialled number (4 by default: "4420" London, "4477" UK mobiles, "1212"
 * New York): fine enough to tell a carrier's bad route from its good ones, coarse enough to gather traffic.
 */
public final class CarrierQuality {
    /** One carrier's window for one group; {@link #ALL} is the carrier's total. */
    private record Series(long carrierId, String group) {
    }

    public static final String ALL = "";

    private final WindowSettings settings;
    private final int groupDigits;
    private final Clock clock;
    private final Map<Series, QualityWindow> windows = new ConcurrentHashMap<>();

    public CarrierQuality(WindowSettings settings, int groupDigits, Clock clock) {
        if (groupDigits < 1 || groupDigits > 15) {
            throw new IllegalArgumentException("groupDigits must be in [1, 15]: " + groupDigits);
        }
        this.settings = settings;
        this.groupDigits = groupDigits;
        this.clock = clock;
    }

    /** The destination group of a number of digits. */
    public String groupOf(String number) {
        return number.length() <= groupDigits ? number : number.substring(0, groupDigits);
    }

    /** Counts an outcome into its carrier's group and total. */
    public void record(CallOutcome outcome) {
        window(new Series(outcome.carrierId(), outcome.group())).record(outcome);
        window(new Series(outcome.carrierId(), ALL)).record(outcome);
    }

    /** The carrier's figures for a group now, or in total for {@link #ALL}. */
    public QualityFigures figures(long carrierId, String group) {
        QualityWindow window = windows.get(new Series(carrierId, group));
        return window == null ? QualityFigures.NONE : window.figures(clock.millis());
    }

    public WindowSettings settings() {
        return settings;
    }

    /** Forgets a deleted carrier. */
    public void remove(long carrierId) {
        windows.keySet().removeIf(series -> series.carrierId() == carrierId);
    }

    private QualityWindow window(Series series) {
        return windows.computeIfAbsent(series, s -> new QualityWindow(settings));
    }
}
