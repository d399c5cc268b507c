package com.crosspoint.api.dto;

import com.crosspoint.model.Money;
import com.crosspoint.model.RatedCall;

/**
 * What a rated outside call cost and earned (issue 14): {@code price} the customer's charge, {@code cost} the
 * carrier's (null when no carrier is known), {@code margin} price - cost (null unless both are known in one
 * currency); decimal strings in {@code currency} (the price's; the cost's currency is the deck's, the same when
 * there is a margin).
 */
public record CdrChargesDto(long billedSeconds, String price, String cost, String margin, String currency,
                            String sellPrefix, String buyPrefix) {

    public static CdrChargesDto of(RatedCall r) {
        return new CdrChargesDto(r.billedSeconds(), r.price().toDecimal(), decimal(r.cost()), decimal(r.margin()),
                r.price().currency(), r.sellPrefix(), r.buyPrefix());
    }

    private static String decimal(Money m) {
        return m == null ? null : m.toDecimal();
    }
}
