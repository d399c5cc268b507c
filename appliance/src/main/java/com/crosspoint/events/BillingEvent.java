package com.crosspoint.events;

import com.crosspoint.model.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * Billing news for a tenant's admins and the dashboards (issue 14). Which fields are set depends on the type:
 * <ul>
 *   <li>{@code billing.funds-low}: {@code amount} is what the account may still spend, {@code threshold} its
 *       warning level;</li>
 *   <li>{@code billing.call-refused}: {@code callId}, {@code userId}, {@code destination}, {@code reason} (the
 *       refusal's name) and {@code detail};</li>
 *   <li>{@code billing.call-rated}: {@code callId}, {@code userId}, {@code destination}, {@code amount} (the price)
 *       and {@code cost} (null when the carrier is unknown);</li>
 *   <li>{@code billing.call-ending}: {@code callId}, {@code detail} the seconds left before the call is cut
 *       off;</li>
 *   <li>{@code billing.call-cut-off}: {@code callId}, {@code reason} (the CDR's end reason);</li>
 *   <li>{@code billing.account-frozen}, {@code billing.account-thawed}, {@code billing.user-frozen},
 *       {@code billing.user-thawed}: {@code userId} for a user.</li>
 * </ul>
 */
public record BillingEvent(String type, long tenantId, Long userId, String callId, String destination, String reason,
                           String detail, Money amount, Money threshold, Money cost, Instant at) implements Event {
    public BillingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }

    public static BillingEvent fundsLow(long tenantId, Money available, Money threshold, Instant at) {
        return new BillingEvent("billing.funds-low", tenantId, null, null, null, null, null, available, threshold,
                null, at);
    }

    public static BillingEvent refused(long tenantId, Long userId, String callId, String destination, String reason,
                                       String detail, Instant at) {
        return new BillingEvent("billing.call-refused", tenantId, userId, callId, destination, reason, detail, null,
                null, null, at);
    }

    public static BillingEvent rated(long tenantId, Long userId, String callId, String destination, Money price,
                                     Money cost, Instant at) {
        return new BillingEvent("billing.call-rated", tenantId, userId, callId, destination, null, null, price, null,
                cost, at);
    }

    public static BillingEvent callEnding(long tenantId, Long userId, String callId, long secondsLeft, Instant at) {
        return new BillingEvent("billing.call-ending", tenantId, userId, callId, null, null,
                Long.toString(secondsLeft), null, null, null, at);
    }

    public static BillingEvent cutOff(long tenantId, Long userId, String callId, String reason, Instant at) {
        return new BillingEvent("billing.call-cut-off", tenantId, userId, callId, null, reason, null, null, null, null,
                at);
    }

    public static BillingEvent frozen(long tenantId, Long userId, boolean frozen, Instant at) {
        String type = "billing." + (userId == null ? "account" : "user") + (frozen ? "-frozen" : "-thawed");
        return new BillingEvent(type, tenantId, userId, null, null, null, null, null, null, null, at);
    }
}
