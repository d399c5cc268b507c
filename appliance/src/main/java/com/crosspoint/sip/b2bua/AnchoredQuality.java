package com.crosspoint.sip.b2bua;

import com.crosspoint.model.CallQualitySummary;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The quality of a call whose media the appliance anchors (a {@link MediaLeg}): sampled every few seconds while
 * the call lasts, so live views follow it, and once more at the end, after the leg closed its session, for the
 * CDR. Null while nothing was received, and for calls relayed between phones. Used on the call's lane only.
 */
final class AnchoredQuality {
    private static final int PERIOD_SECONDS = 5;

    private CallQualitySummary current;
    private ScheduledFuture<?> timer;

    /** Samples {@code leg} every few seconds on the call's lane; {@code changed} runs when a sample is new. */
    void start(B2buaCall call, ScheduledExecutorService timers, MediaLeg leg, Runnable changed) {
        stop();
        timer = timers.scheduleAtFixedRate(() -> call.onLane(() -> {
            CallQualitySummary now = leg.quality();
            if (timer != null && now != null && !now.equals(current)) {
                current = now;
                changed.run();
            }
        }), PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    }

    /** The appliance no longer carries the media (the caller now talks to a phone): nothing to report. */
    void forget() {
        stop();
        current = null;
    }

    /** The final figure: {@code leg}'s closed session, else the last sample; sampling stops. */
    CallQualitySummary finish(MediaLeg leg) {
        stop();
        if (leg != null) {
            CallQualitySummary last = leg.quality();
            if (last != null) {
                current = last;
            }
        }
        return current;
    }

    CallQualitySummary current() {
        return current;
    }

    private void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
