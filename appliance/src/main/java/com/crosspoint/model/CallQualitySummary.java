package com.crosspoint.model;

/**
 * How a call sounded where the appliance anchored its media (the caller's audio as the appliance
 * received it): what the CDR stores and the live call shows. Built {@link #rounded} to two decimals,
 * as the CDR stores them, so what the event stream publishes is exactly what the CDR keeps.
 *
 * @param mos          estimated MOS (ITU-T G.107 E-model), 1..4.5
 * @param lossPercent  packets lost of those expected, 0..100
 * @param jitterMillis RFC 3550 interarrival jitter, ms
 * @param rttMillis    round trip from RTCP, ms, or null when the caller sent no receiver report
 */
public record CallQualitySummary(double mos, double lossPercent, double jitterMillis, Double rttMillis) {

    public CallQualitySummary {
        if (!(mos >= 1 && mos <= 4.5)) {
            throw new IllegalArgumentException("MOS must be 1..4.5: " + mos);
        }
        if (!(lossPercent >= 0 && lossPercent <= 100)) {
            throw new IllegalArgumentException("loss must be 0..100 %: " + lossPercent);
        }
        if (!(jitterMillis >= 0) || Double.isInfinite(jitterMillis)) {
            throw new IllegalArgumentException("jitter must be non-negative: " + jitterMillis);
        }
        if (rttMillis != null && (!(rttMillis >= 0) || rttMillis.isInfinite())) {
            throw new IllegalArgumentException("RTT must be non-negative: " + rttMillis);
        }
    }

    /** The figures rounded to two decimals, as the CDR stores them. */
    public static CallQualitySummary rounded(double mos, double lossPercent, double jitterMillis, Double rttMillis) {
        return new CallQualitySummary(round(mos), round(lossPercent), round(jitterMillis),
                rttMillis == null ? null : round(rttMillis));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
