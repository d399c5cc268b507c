package com.crosspoint.billing.rating;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every retail plan and who is on which, as one immutable snapshot: a tenant's account names its plan, and a user
 * may be put on another plan of the tenant's (the user's override wins).
 */
public final class RetailPlans {
    public static final RetailPlans EMPTY = new RetailPlans(Map.of(), Map.of(), Map.of());

    private final Map<Long, PricedPlan> plans;
    private final Map<Long, Long> tenantPlans;
    private final Map<UserKey, Long> userPlans;

    /** A user of a tenant. */
    public record UserKey(long tenantId, long userId) {
    }

    public RetailPlans(Map<Long, PricedPlan> plans, Map<Long, Long> tenantPlans, Map<UserKey, Long> userPlans) {
        this.plans = Map.copyOf(plans);
        this.tenantPlans = Map.copyOf(tenantPlans);
        this.userPlans = Map.copyOf(new HashMap<>(userPlans));
    }

    /** The plan a call of the user (null for none) of the tenant is priced on. */
    public Optional<PricedPlan> planFor(long tenantId, Long userId) {
        Long planId = userId == null ? null : userPlans.get(new UserKey(tenantId, userId));
        if (planId == null) {
            planId = tenantPlans.get(tenantId);
        }
        return planId == null ? Optional.empty() : Optional.ofNullable(plans.get(planId));
    }

    public Optional<PricedPlan> plan(long planId) {
        return Optional.ofNullable(plans.get(planId));
    }
}
