package com.crosspoint.console.client;

import java.math.BigDecimal;

/**
 * The billing engine's rated calls through a carrier within the quality window, in one currency
 * ({@code CarrierMargin} in {@code docs/api/openapi.yaml}): what the carrier bills, what the customers pay and the
 * difference.
 */
public record CarrierMargin(String currency, long calls, long billedSeconds, BigDecimal cost, BigDecimal price,
                            BigDecimal margin) {
}
