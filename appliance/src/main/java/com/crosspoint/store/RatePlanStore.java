package com.crosspoint.store;

import com.crosspoint.model.RatePlan;
import com.crosspoint.model.RetailRate;
import java.util.List;
import java.util.Optional;

/**
 * Tenants' retail plans and their rates. Rates are written a whole set at a time, in one transaction, after the
 * set and the plan's other rates were checked together: a bad set changes nothing.
 */
public interface RatePlanStore {
    /**
     * Stores a new plan (its id is ignored).
     *
     * @throws DuplicateKeyException (field {@code name}) when the tenant has a plan of that name
     */
    RatePlan createPlan(RatePlan plan);

    Optional<RatePlan> findPlan(long planId);

    /** The tenant's plans, by name. */
    List<RatePlan> plans(long tenantId);

    /** Every plan of every tenant. */
    List<RatePlan> allPlans();

    /**
     * Deletes a plan and its rates; false when there is no such plan.
     *
     * @throws IllegalStateException when an account or a user is on the plan
     */
    boolean deletePlan(long planId);

    /**
     * Adds rates to a plan (their ids and plan ids are ignored), all or none.
     *
     * @return the rates as stored, with ids
     * @throws com.crosspoint.model.InvalidValueException (field {@code effectiveFrom}) when a period overlaps another of
     *                                                    its prefix, given or stored
     * @throws java.util.NoSuchElementException           when there is no such plan
     */
    List<RetailRate> addRates(long planId, List<RetailRate> rates);

    /**
     * Replaces every rate of the plan with {@code rates} (a corrected price list), all or none.
     *
     * @throws com.crosspoint.model.InvalidValueException (field {@code effectiveFrom}) when two periods overlap
     * @throws java.util.NoSuchElementException           when there is no such plan
     */
    List<RetailRate> replaceRates(long planId, List<RetailRate> rates);

    /** The plan's rates, by prefix and effective-from. */
    List<RetailRate> rates(long planId);
}
