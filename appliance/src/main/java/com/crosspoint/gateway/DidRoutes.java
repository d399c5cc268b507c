package com.crosspoint.gateway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which PBX node serves a DID: the route of the longest prefix that starts the number. Immutable after
 * construction, so I/O threads read it without locks.
 */
public final class DidRoutes {
    private final Map<String, DidRoute> byPrefix = new HashMap<>();
    private final int longest;

    public DidRoutes(List<DidRoute> routes) {
        int max = 0;
        for (DidRoute r : routes) {
            if (byPrefix.putIfAbsent(r.prefix(), r) != null) {
                throw new IllegalArgumentException("two routes for " + r.prefix());
            }
            max = Math.max(max, r.prefix().length());
        }
        this.longest = max;
    }

    /** The route of {@code number} (E.164 with its {@code +}), if any prefix starts it. */
    public Optional<DidRoute> routeOf(String number) {
        for (int length = Math.min(longest, number.length()); length > 1; length--) {
            DidRoute r = byPrefix.get(number.substring(0, length));
            if (r != null) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public int size() {
        return byPrefix.size();
    }
}
