package com.crosspoint.api.dto;

import java.math.BigDecimal;

/**
 * {@code GET /carriers/quality}: a carrier's live figures, what the console's carrier tab shows.
 *
 * @param status         IN_SERVICE, OUT_OF_SERVICE (taken out by an admin), UNAVAILABLE (breaker open: failures or a
 *                       failed probe) or TRIAL (half-open: one call decides)
 * @param liveCalls      calls to it now
 * @param callsPerSecond new calls to it per second, averaged over the last 10 whole seconds
 * @param quality        its figures over the window, all destinations together
 * @param costPerMinute  what its answered calls of the window cost per minute of talk, in the decks' currency (billing
 *                       increments applied); null without answered calls
 */
public record CarrierQualityDto(long carrierId, String name, String status, int liveCalls, double callsPerSecond,
                                QualityDto quality, BigDecimal costPerMinute) {
}
