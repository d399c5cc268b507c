package com.crosspoint.sip.b2bua;

import com.crosspoint.media.quality.CallQuality;
import com.crosspoint.model.CallQualitySummary;

/** The engine's quality figures as the call layer keeps them (CDR, live snapshot). */
final class QualitySummaries {
    private QualitySummaries() {
    }

    /**
     * The figures rounded as stored; null when nothing was received, since a MOS for a silent leg
     * (no packets, so no loss) would claim a perfect call nobody heard.
     */
    static CallQualitySummary of(CallQuality q) {
        if (q == null || q.packetsReceived() == 0) {
            return null;
        }
        return CallQualitySummary.rounded(q.mos(), q.lossPercent(), q.jitterMillis(), q.rttMillis());
    }
}
