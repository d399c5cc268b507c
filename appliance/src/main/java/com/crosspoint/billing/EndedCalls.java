package com.crosspoint.billing;

import com.crosspoint.call.CallState;
import com.crosspoint.events.CallEvent;
import com.crosspoint.events.EventBus;

/**
 * Wakes the rating pipeline when a call ends: {@code CallRecords} commits the CDR, then publishes the ENDED
 * {@link CallEvent}, so by the time this runs the CDR is there to be rated.
 */
public final class EndedCalls {
    private EndedCalls() {
    }

    public static EventBus.Subscription feed(EventBus events, RatingPipeline pipeline) {
        return events.subscribe("billing-rating",
                e -> e instanceof CallEvent call && call.call().state() == CallState.ENDED,
                e -> pipeline.cdrCommitted(((CallEvent) e).call().id()));
    }
}
