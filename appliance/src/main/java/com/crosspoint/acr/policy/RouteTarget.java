package com.crosspoint.acr.policy;

import com.crosspoint.acr.rate.RateMatch;
import com.crosspoint.model.Carrier;

/**
 * A carrier to try for a call.
 *
 * @param dialString the number as the carrier wants it: its tech prefix, then the E.164 digits
 */
public record RouteTarget(Carrier carrier, RateMatch rate, String dialString) {
}
