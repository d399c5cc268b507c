package com.crosspoint.console.client;

import java.math.BigDecimal;
import java.util.List;

/**
 * One carrier as {@code GET /api/v1/carriers/quality} reports it ({@code CarrierQuality} in
 * {@code docs/api/openapi.yaml}): its status (IN_SERVICE, OUT_OF_SERVICE, UNAVAILABLE: breaker open, TRIAL:
 * half-open), calls up now, new calls per second over the last 10 seconds, the window's figures and what its answered calls cost per
 * minute of talk (null without any), and the billing engine's margins on its rated calls, one per currency (empty
 * without any).
 */
public record CarrierQuality(long carrierId, String name, String status, int liveCalls, double callsPerSecond,
                             CarrierFigures quality, BigDecimal costPerMinute, List<CarrierMargin> margins) {

    public static final String OUT_OF_SERVICE = "OUT_OF_SERVICE";

    public CarrierQuality {
        margins = margins == null ? List.of() : List.copyOf(margins);
    }

    public boolean inService() {
        return !OUT_OF_SERVICE.equals(status);
    }
}
