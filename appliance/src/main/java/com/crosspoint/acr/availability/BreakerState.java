package com.crosspoint.acr.availability;

/** A carrier's circuit breaker: CLOSED routes, OPEN does not, HALF_OPEN lets one trial decide. */
public enum BreakerState { CLOSED, OPEN, HALF_OPEN }
