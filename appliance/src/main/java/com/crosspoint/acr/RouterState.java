package com.crosspoint.acr;

import com.crosspoint.acr.policy.RoutingPolicy;
import com.crosspoint.acr.rate.PrefixRateTable;
import com.crosspoint.model.Carrier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the router routes on, immutable: the carriers (by id), their rate tables and the policy. A change makes a
 * new state and swaps it in whole, so a call routes on one consistent state and never waits for a change.
 */
record RouterState(List<Carrier> carriers, Map<Long, PrefixRateTable> tables, RoutingPolicy policy) {
    static final RouterState EMPTY = new RouterState(List.of(), Map.of(), RoutingPolicy.DEFAULT);

    RouterState {
        carriers = List.copyOf(carriers);
        tables = Map.copyOf(tables);
    }

    PrefixRateTable table(long carrierId) {
        return tables.getOrDefault(carrierId, PrefixRateTable.empty());
    }

    Carrier carrier(long carrierId) {
        for (Carrier c : carriers) {
            if (c.id() == carrierId) {
                return c;
            }
        }
        return null;
    }

    RouterState withCarriers(List<Carrier> newCarriers) {
        List<Carrier> sorted = new java.util.ArrayList<>(newCarriers);
        sorted.sort(java.util.Comparator.comparingLong(Carrier::id));
        return new RouterState(sorted, tables, policy);
    }

    RouterState withTables(Consumer<Map<Long, PrefixRateTable>> change) {
        Map<Long, PrefixRateTable> copy = new HashMap<>(tables);
        change.accept(copy);
        return new RouterState(carriers, copy, policy);
    }

    RouterState withPolicy(RoutingPolicy newPolicy) {
        return new RouterState(carriers, tables, newPolicy);
    }
}
