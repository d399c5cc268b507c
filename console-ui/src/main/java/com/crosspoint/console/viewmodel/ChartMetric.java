package com.crosspoint.console.viewmodel;

import java.util.function.Function;

/** What the carrier chart plots per carrier over the last hour; a sample without the figure leaves a gap. */
public enum ChartMetric {
    CALLS_PER_SECOND("Calls per second", QualitySample::callsPerSecond),
    LIVE_CALLS("Live calls", s -> (double) s.liveCalls()),
    ASR("ASR %", s -> s.asr() == null ? null : s.asr() * 100),
    MOS("MOS", QualitySample::mos);

    private final String label;
    private final Function<QualitySample, Double> value;

    ChartMetric(String label, Function<QualitySample, Double> value) {
        this.label = label;
        this.value = value;
    }

    /** The figure of one sample, or null when the sample has none. */
    public Double valueOf(QualitySample sample) {
        return value.apply(sample);
    }

    @Override
    public String toString() {
        return label;
    }
}
