package com.crosspoint.acr;

import com.crosspoint.acr.policy.RoutingPolicy;
import com.crosspoint.store.RoutingPolicyStore;

/**
 * The routing policy as an administrator changes it at run time: a new policy is committed to the store first, then
 * swapped into the router whole, so the next routing decision (and {@code explain}) uses it, calls under way keep the
 * carriers they were given, and a restart finds it again. Without a stored policy the configuration's applies.
 */
public final class RoutingPolicyService {
    private final RoutingPolicyStore store;
    private final AdaptiveCallRouter router;
    private final RoutingPolicy configured;

    /** @param configured the policy of {@code router.policy.*}, used while none is stored */
    public RoutingPolicyService(RoutingPolicyStore store, AdaptiveCallRouter router, RoutingPolicy configured) {
        this.store = store;
        this.router = router;
        this.configured = configured;
    }

    /** Puts the stored policy, or the configured one, into the router (at start). */
    public void load() {
        router.replacePolicy(store.load().orElse(configured));
    }

    public RoutingPolicy current() {
        return router.policy();
    }

    /** Whether the policy in force was set over the API (else it is the configuration's). */
    public boolean stored() {
        return store.load().isPresent();
    }

    public RoutingPolicy replace(RoutingPolicy policy) {
        store.save(policy);
        router.replacePolicy(policy);
        return policy;
    }

    /** Back to the configuration's policy. */
    public RoutingPolicy reset() {
        store.clear();
        router.replacePolicy(configured);
        return configured;
    }
}
