package com.crosspoint.acr.policy;

import com.crosspoint.acr.quality.QualityFigures;
import com.crosspoint.acr.rate.RateMatch;
import com.crosspoint.model.Carrier;
import java.util.List;

/**
 * One carrier's line of a route explanation.
 *
 * @param rate   null when the carrier has no rate for the number
 * @param score  {@link ScoreParts#NONE} for an excluded carrier
 * @param floors every hard condition and whether it held
 * @param rank   1 for the first carrier to try; 0 when excluded
 */
public record CandidateAssessment(Carrier carrier, RateMatch rate, QualityFigures figures,
                                  CandidateFacts.Availability availability, ScoreParts score, List<FloorCheck> floors,
                                  int rank) {
    public CandidateAssessment {
        floors = List.copyOf(floors);
    }

    public boolean excluded() {
        return rank == 0;
    }

    CandidateAssessment ranked(int newRank) {
        return new CandidateAssessment(carrier, rate, figures, availability, score, floors, newRank);
    }

    CandidateAssessment scored(ScoreParts parts) {
        return new CandidateAssessment(carrier, rate, figures, availability, parts, floors, rank);
    }
}
