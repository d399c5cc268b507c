package com.crosspoint.proxy.core;

import com.crosspoint.proxy.transport.Destination;
import java.util.Objects;

/**
 * One next hop of an initial request.
 *
 * @param hop        where the branch is sent
 * @param requestUri the Request-URI the branch carries (a carrier's tech prefix, its host), or null to keep the
 *                   request's own
 * @param observer   who is told what becomes of the branch (the call router's attempt figures), or null
 * @param challenges who answers the hop's 401/407 (then a challenge not answered fails over like a 5xx), or null to
 *                   pass challenges on like any other answer
 */
public record Target(Destination hop, String requestUri, BranchObserver observer, ChallengeResponder challenges) {
    public Target {
        Objects.requireNonNull(hop, "hop");
    }

    public Target(Destination hop, String requestUri, BranchObserver observer) {
        this(hop, requestUri, observer, null);
    }

    /** The request as it came, to {@code hop}, unobserved. */
    public static Target to(Destination hop) {
        return new Target(hop, null, null);
    }
}
