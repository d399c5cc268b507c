package com.crosspoint.model;

import java.util.Objects;

/**
 * A finished call with its cost (what the carrier charges us, from its rate deck) and its price (what the customer
 * pays, from the retail plan), stored beside its CDR.
 *
 * @param billedSeconds the seconds the price was computed on (the plan's increments applied)
 * @param sellPrefix    the prefix of the retail rate used, or null when the plan had none (price zero)
 * @param cost          null when the carrier is unknown or its deck has no rate for the number
 * @param buyPrefix     the prefix of the deck row used, or null with {@code cost}
 */
public record RatedCall(BillableCall call, long billedSeconds, Money price, String sellPrefix, Money cost,
                        String buyPrefix) {
    public RatedCall {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(price, "price");
    }

    /** Price less cost, or null when the cost is unknown or in another currency (no exchange rates here). */
    public Money margin() {
        if (cost == null || !cost.currency().equals(price.currency())) {
            return null;
        }
        return price.minus(cost);
    }

    /** Whether another rating of the same call charges and costs the same. */
    public boolean sameFigures(RatedCall other) {
        return billedSeconds == other.billedSeconds && price.equals(other.price)
                && Objects.equals(sellPrefix, other.sellPrefix) && Objects.equals(cost, other.cost)
                && Objects.equals(buyPrefix, other.buyPrefix);
    }
}
