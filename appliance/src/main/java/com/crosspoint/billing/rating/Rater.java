package com.crosspoint.billing.rating;

import com.crosspoint.acr.rate.RateMatch;
import com.crosspoint.model.BillableCall;
import com.crosspoint.model.Money;
import com.crosspoint.model.RatedCall;
import com.crosspoint.model.RetailRate;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rates a finished call: the price from the customer's retail plan (the day of the call's start in the plan's time
 * zone), the cost from the deck of the carrier that carried it (the start's UTC day, as the decks' dates are UTC
 * days). Pure and thread-safe; it reads the plans' current snapshot once per call.
 */
public final class Rater {
    private final Supplier<RetailPlans> plans;
    private final CarrierRates carriers;
    private final String deckCurrency;

    /** @param deckCurrency the one currency of every carrier deck (the router compares their rates as they are) */
    public Rater(Supplier<RetailPlans> plans, CarrierRates carriers, String deckCurrency) {
        this.plans = Objects.requireNonNull(plans, "plans");
        this.carriers = Objects.requireNonNull(carriers, "carriers");
        this.deckCurrency = Money.checkCurrency(deckCurrency, "deckCurrency");
    }

    public RatedCall rate(BillableCall call) {
        boolean answered = call.answeredAt() != null;
        long talk = Charges.talkSeconds(call.answeredAt(), call.endedAt());
        Optional<PricedPlan> plan = plans.get().planFor(call.tenantId(), call.userId());
        RetailRate rate = plan.map(p -> p.rateFor(call.destination(), call.startedAt())).orElse(null);
        String currency = plan.map(p -> p.plan().currency()).orElse(deckCurrency);
        long billed = rate == null || !answered ? 0
                : Charges.billedSeconds(talk, rate.firstIncrement(), rate.nextIncrement());
        long price = rate == null ? 0 : Charges.price(rate, answered, talk);
        Money cost = null;
        String buyPrefix = null;
        if (call.carrierId() != null) {
            LocalDate utcDay = LocalDate.ofInstant(call.startedAt(), ZoneOffset.UTC);
            Optional<RateMatch> bought = carriers.rate(call.carrierId(), call.destination(), utcDay);
            if (bought.isPresent()) {
                cost = new Money(answered ? Charges.cost(bought.get(), talk) : 0, deckCurrency);
                buyPrefix = bought.get().prefix();
            }
        }
        return new RatedCall(call, billed, new Money(price, currency),
                rate == null ? null : rate.prefix(), cost, buyPrefix);
    }
}
