package com.crosspoint.billing.rating;

import com.crosspoint.acr.rate.RateMatch;
import java.time.LocalDate;
import java.util.Optional;

/** The buy side: what a carrier's active rate deck charges for a number on a (UTC) day. */
public interface CarrierRates {
    Optional<RateMatch> rate(long carrierId, String number, LocalDate day);
}
