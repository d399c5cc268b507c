package com.crosspoint.routing;

import com.crosspoint.call.ForwardingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The extensions one call has been sent to so far, in order. A call may pass through at most
 * {@link ForwardingPolicy#MAX_HOPS} users and never through the same one twice, so that A→B→A forwarding ends.
 */
public record ForwardingPath(List<String> extensions) {
    /** A call that has not reached anybody yet. */
    public static final ForwardingPath START = new ForwardingPath(List.of());

    public ForwardingPath {
        extensions = List.copyOf(extensions);
    }

    /** The path that goes on to {@code extension}, or empty when that would be a loop or one hop too many. */
    public Optional<ForwardingPath> then(String extension) {
        if (extensions.contains(extension) || extensions.size() >= ForwardingPolicy.MAX_HOPS) {
            return Optional.empty();
        }
        List<String> longer = new ArrayList<>(extensions);
        longer.add(extension);
        return Optional.of(new ForwardingPath(longer));
    }
}
