package com.crosspoint.store;

import com.crosspoint.acr.policy.RoutingPolicy;
import java.util.Optional;

/** The call router's routing policy as an administrator last set it; none until the first change. */
public interface RoutingPolicyStore {
    Optional<RoutingPolicy> load();

    /** Replaces the stored policy (committed when this returns). */
    void save(RoutingPolicy policy);

    /** Forgets the stored policy: the configuration's applies again. */
    void clear();
}
