package com.crosspoint.acr.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The router's answer for one number: the carriers to try one after the other, and why (every carrier, ranked
 * ones first in rank order, then the excluded ones with the floors they failed), for {@code routes/explain}.
 */
public record RouteDecision(String number, LocalDate date, List<CandidateAssessment> candidates) {
    public RouteDecision {
        candidates = List.copyOf(candidates);
    }

    /** The ranked carriers, best first; empty when none may take the call. */
    public List<RouteTarget> carriersToTry() {
        List<RouteTarget> targets = new ArrayList<>();
        for (CandidateAssessment c : candidates) {
            if (!c.excluded()) {
                targets.add(new RouteTarget(c.carrier(), c.rate(), c.carrier().techPrefix() + number));
            }
        }
        return targets;
    }
}
