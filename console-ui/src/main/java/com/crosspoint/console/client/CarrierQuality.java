package com.crosspoint.console.client;

import java.math.BigDecimal;

/**
 * One carrier as {@code GET /api/v1/carriers/quality} reports it ({@code CarrierQuality} in
 * {@code docs/api/openapi.yaml}): its status (IN_SERVICE, OUT_OF_SERVICE, UNAVAILABLE: breaker open, TRIAL:
 * half-open), calls up now, new calls per second over the last 10 seconds, the window's figures and what its answered calls cost per
 * minute of talk (null without any).
 */
public record CarrierQuality(long carrierId, String name, String status, int liveCalls, double callsPerSecond,
                             CarrierFigures quality, BigDecimal costPerMinute) {

    public static final String OUT_OF_SERVICE = "OUT_OF_SERVICE";

    public boolean inService() {
        return !OUT_OF_SERVICE.equals(status);
    }
}
