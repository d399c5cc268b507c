package com.crosspoint.api.dto;

import com.crosspoint.model.Money;
import com.crosspoint.store.LedgerStore.CarrierMargin;

/**
 * What the billing engine's rated calls through a carrier cost, earned and left over in one currency: amounts are
 * decimals in text, as everywhere in billing.
 *
 * @param calls         rated calls (those with both a cost and a price in this currency)
 * @param billedSeconds the seconds the customers were billed for them
 * @param cost          what the carrier bills (its deck)
 * @param price         what the customers pay (their retail plans)
 * @param margin        price - cost
 */
public record CarrierMarginDto(String currency, long calls, long billedSeconds, String cost, String price,
                               String margin) {
    public static CarrierMarginDto of(CarrierMargin m) {
        String c = m.currency();
        return new CarrierMarginDto(c, m.calls(), m.billedSeconds(), new Money(m.costMicros(), c).toDecimal(),
                new Money(m.priceMicros(), c).toDecimal(), new Money(m.marginMicros(), c).toDecimal());
    }
}
