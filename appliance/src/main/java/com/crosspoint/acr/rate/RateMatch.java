package com.crosspoint.acr.rate;

import com.crosspoint.model.BillingIncrement;
import java.time.LocalDate;

/**
 * The rate a carrier's deck gives a number: the row of its longest prefix effective on the day asked about.
 *
 * @param prefix         the matching prefix, the first digits of the number
 * @param effectiveUntil exclusive, null for open-ended
 */
public record RateMatch(String prefix, String destination, long ratePerMinuteMicros, BillingIncrement increment,
                        LocalDate effectiveFrom, LocalDate effectiveUntil) {
}
