package com.crosspoint.acr;

import java.time.Instant;
import java.util.Optional;

/**
 * The port through which the proxy tells the router what became of each attempt to a carrier: it feeds the
 * carrier's channel and calls-per-second count, its quality windows and its circuit breaker.
 */
public interface CallAttempts {
    /**
     * The proxy is about to send the INVITE to the carrier.
     *
     * @param number the E.164 digits dialled (no tech prefix), which give the destination group
     * @return the attempt to report on; empty when the carrier has no free channel or its calls-per-second budget
     *         is spent, and the proxy should go on to the next carrier
     */
    Optional<CallAttempt> start(long carrierId, String number, Instant at);
}
