package com.crosspoint.api.dto;

import com.crosspoint.acr.quality.QualityFigures;

/**
 * A carrier's figures over the quality window (15 minutes by default).
 *
 * @param attempts   attempts that ended in the window
 * @param asr        answered / attempts, 0-1
 * @param ner        answered or ended by the user's side / attempts, 0-1
 * @param acdSeconds average duration of the answered calls
 * @param pddMillis  average post-dial delay (INVITE to the first 18x or 2xx)
 * @param mos        average MOS of the calls whose media was measured; null when none was
 */
public record QualityDto(long attempts, long answered, double asr, double ner, double acdSeconds, double pddMillis,
                         Double mos) {

    public static QualityDto of(QualityFigures f) {
        return new QualityDto(f.attempts(), f.answered(), round(f.asr()), round(f.ner()), round(f.acdSeconds()),
                round(f.pddMillis()), Double.isNaN(f.mos()) || f.mosSamples() == 0 ? null : round(f.mos()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
