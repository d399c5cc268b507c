package com.crosspoint.acr.quality;

/**
 * What the calls of one window say about a carrier (for one destination group, or all of them).
 *
 * @param attempts   attempts that ended in the window (seizures)
 * @param asr        answer-seizure ratio, answered / attempts (0 without attempts)
 * @param ner        network effectiveness ratio, effective / attempts (0 without attempts)
 * @param acdSeconds average duration of the answered calls (0 without any)
 * @param pddMillis  average post-dial delay, INVITE to first 18x/2xx ({@code pddSamples} attempts had one)
 * @param mos        average MOS of the {@code mosSamples} calls measured (NaN without any)
 */
public record QualityFigures(long attempts, long answered, double asr, double ner, double acdSeconds,
                             double pddMillis, long pddSamples, double mos, long mosSamples) {
    public static final QualityFigures NONE = new QualityFigures(0, 0, 0, 0, 0, 0, 0, Double.NaN, 0);
}
