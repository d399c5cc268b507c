package com.crosspoint.api.dto;

import com.crosspoint.events.BillingEvent;
import com.crosspoint.model.Money;
import java.time.Instant;

/**
 * Event stream: {@code billing.*} (docs/api.md, "Billing events"). Money is a decimal string with its currency
 * beside it ({@code amount} "1.250000", {@code currency} "EUR"); fields a type does not use are null.
 */
public record BillingFrame(String type, long seq, Instant at, long tenantId, Long userId, String callId,
                           String destination, String reason, String detail, String amount, String threshold,
                           String cost, String currency) {

    public static BillingFrame of(BillingEvent e, long seq) {
        Money any = e.amount() != null ? e.amount() : e.cost();
        return new BillingFrame(e.type(), seq, e.at(), e.tenantId(), e.userId(), e.callId(), e.destination(),
                e.reason(), e.detail(), decimal(e.amount()), decimal(e.threshold()), decimal(e.cost()),
                any == null ? null : any.currency());
    }

    private static String decimal(Money m) {
        return m == null ? null : m.toDecimal();
    }
}
