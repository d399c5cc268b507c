package com.crosspoint.sip.b2bua;

import com.crosspoint.model.CallQualitySummary;
import java.time.Duration;

/**
 * The quality of a call whose media the appliance carries: sampled from the leg that measures it every few
 * seconds while the call lasts, so live views follow it, and once more at the end, after the leg closed its
 * session, for the CDR. Null while nothing was received, and for calls relayed between phones. Used on the
 * call's lane only.
 */
final class AnchoredQuality {
    private static final Duration PERIOD = Duration.ofSeconds(5);

    private CallQualitySummary current;
    private CallTimer timer = CallTimer.NONE;

    /** Samples {@code leg} every few seconds on the call's lane; {@code changed} runs when a sample is new. */
    void start(B2buaCall call, Leg leg, Runnable changed) {
        stop();
        CallTimer[] self = new CallTimer[1];
        self[0] = call.every(PERIOD, () -> {
            CallQualitySummary now = leg.quality();
            if (timer == self[0] && now != null && !now.equals(current)) {
                current = now;
                changed.run();
            }
        });
        timer = self[0];
    }

    /** Samples {@code leg} if it is a phone whose audio the relay carries: its figures are then the call's. */
    void startIfRelayed(B2buaCall call, Leg leg, Runnable changed) {
        if (call.anchor().relayed() && leg.movable()) {
            start(call, leg, changed);
        }
    }

    /** The figures so far are not the new conversation's: they start again, from the relay if it carries it. */
    void restart(B2buaCall call, Leg leg, Runnable changed) {
        forget();
        startIfRelayed(call, leg, changed);
    }

    /** The appliance no longer carries the media (the caller now talks to a phone): nothing to report. */
    void forget() {
        stop();
        current = null;
    }

    /** The final figure: {@code leg}'s, if it measured one (its session is closed by now), else the last sample. */
    CallQualitySummary finish(Leg leg) {
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
        timer.cancel();
        timer = CallTimer.NONE;
    }
}
