package com.crosspoint.acr;

import com.crosspoint.acr.availability.CircuitBreaker;
import com.crosspoint.acr.capacity.CarrierLoad;
import com.crosspoint.acr.quality.CallOutcome;
import com.crosspoint.acr.quality.CallResult;
import com.crosspoint.acr.quality.CarrierQuality;
import com.crosspoint.acr.quality.CarrierSpend;
import com.crosspoint.acr.rate.RateMatch;
import java.time.Instant;

/** An attempt's times, turned into an outcome at its end for the windows, the breaker and the channel count. */
final class TrackedAttempt implements CallAttempt {
    private final long carrierId;
    private final String group;
    private final Instant started;
    private final CarrierLoad load;
    private final CircuitBreaker breaker;
    private final CarrierQuality quality;
    private final RateMatch rate;
    private final CarrierSpend spend;
    private final AttemptTotals totals;
    private Instant firstResponse;
    private Instant answered;
    private boolean ended;

    TrackedAttempt(long carrierId, String group, Instant started, CarrierLoad load, CircuitBreaker breaker,
                   CarrierQuality quality, RateMatch rate, CarrierSpend spend,
                   AttemptTotals totals) {
        this.carrierId = carrierId;
        this.group = group;
        this.started = started;
        this.load = load;
        this.breaker = breaker;
        this.quality = quality;
        this.rate = rate;
        this.spend = spend;
        this.totals = totals;
    }

    @Override
    public synchronized void provisional(Instant at) {
        if (firstResponse == null) {
            firstResponse = at;
        }
    }

    @Override
    public synchronized void answered(Instant at) {
        provisional(at);
        if (answered == null) {
            answered = at;
        }
    }

    @Override
    public void ended(int finalCode, Instant at) {
        ended(finalCode, at, Double.NaN);
    }

    @Override
    public void ended(int finalCode, Instant at, double mos) {
        CallOutcome outcome;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            // an answered call's end is the answer's success, whatever ended the dialog
            int code = answered != null ? 200 : finalCode;
            outcome = new CallOutcome(carrierId, group, started, firstResponse, answered, at, code, mos);
        }
        load.end();
        quality.record(outcome);
        recordSpend(outcome);
        boolean failed = CallResult.carrierUnavailable(outcome.finalCode());
        totals.ended(carrierId, outcome.answered() != null, failed);
        if (failed) {
            breaker.callFailed();
        } else {
            breaker.callSucceeded();
        }
    }

    /** An answered call's cost at the rate it was routed on, billed by the deck's increments. */
    private void recordSpend(CallOutcome outcome) {
        if (rate == null || outcome.answered() == null || outcome.finalCode() / 100 != 2) {
            return;
        }
        long talkMillis = Math.max(0, outcome.ended().toEpochMilli() - outcome.answered().toEpochMilli());
        long billed = rate.increment().billedSeconds((talkMillis + 999) / 1000);
        spend.record(carrierId, outcome.ended().toEpochMilli(), rate.ratePerMinuteMicros() * billed / 60, talkMillis);
    }
}
