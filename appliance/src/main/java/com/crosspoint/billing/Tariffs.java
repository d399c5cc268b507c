package com.crosspoint.billing;

import com.crosspoint.billing.rating.PricedPlan;
import com.crosspoint.billing.rating.RetailPlans;
import com.crosspoint.billing.rating.RetailRateTable;
import com.crosspoint.model.BillingAccount;
import com.crosspoint.model.RatePlan;
import com.crosspoint.model.RetailRate;
import com.crosspoint.model.UserBilling;
import com.crosspoint.store.BillingAccountStore;
import com.crosspoint.store.RatePlanStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The retail plans in memory: one immutable {@link RetailPlans} snapshot, rebuilt from the stores after every change
 * and swapped whole, so a rating reads one consistent price list. Plan edits go through here so that the snapshot
 * follows the store at once.
 */
public final class Tariffs implements Supplier<RetailPlans> {
    private final RatePlanStore plans;
    private final BillingAccountStore accounts;
    private final AtomicReference<RetailPlans> current = new AtomicReference<>(RetailPlans.EMPTY);

    public Tariffs(RatePlanStore plans, BillingAccountStore accounts) {
        this.plans = plans;
        this.accounts = accounts;
    }

    @Override
    public RetailPlans get() {
        return current.get();
    }

    /** Reads every plan, rate and assignment again; the new snapshot replaces the old one whole. */
    public synchronized void reload() {
        Map<Long, PricedPlan> priced = new HashMap<>();
        for (RatePlan plan : plans.allPlans()) {
            priced.put(plan.id(), new PricedPlan(plan, RetailRateTable.of(plans.rates(plan.id()))));
        }
        Map<Long, Long> tenantPlans = new HashMap<>();
        for (BillingAccount account : accounts.list()) {
            tenantPlans.put(account.tenantId(), account.planId());
        }
        Map<RetailPlans.UserKey, Long> userPlans = new HashMap<>();
        for (UserBilling user : accounts.users()) {
            if (user.planId() != null) {
                userPlans.put(new RetailPlans.UserKey(user.tenantId(), user.userId()), user.planId());
            }
        }
        current.set(new RetailPlans(priced, tenantPlans, userPlans));
    }

    public RatePlan createPlan(RatePlan plan) {
        RatePlan created = plans.createPlan(plan);
        reload();
        return created;
    }

    /** Adds rates, all or none; see {@link RatePlanStore#addRates}. */
    public List<RetailRate> addRates(long planId, List<RetailRate> rates) {
        List<RetailRate> added = plans.addRates(planId, rates);
        reload();
        return added;
    }

    /** Replaces a plan's rates (a correction), all or none; re-rate the period after. */
    public List<RetailRate> replaceRates(long planId, List<RetailRate> rates) {
        List<RetailRate> replaced = plans.replaceRates(planId, rates);
        reload();
        return replaced;
    }

    public boolean deletePlan(long planId) {
        boolean deleted = plans.deletePlan(planId);
        reload();
        return deleted;
    }
}
