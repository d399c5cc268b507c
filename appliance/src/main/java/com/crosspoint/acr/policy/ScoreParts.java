package com.crosspoint.acr.policy;

/**
 * A carrier's score for one call, each part 0-1.
 *
 * @param price           the cheapest eligible carrier's rate over this one's: 1 for the cheapest, 0.5 at twice its
 *                        price
 * @param quality         from the window's ASR, NER, PDD and MOS; the candidates' average when {@code qualityNeutral}
 * @param qualityNeutral  the window had too little traffic to judge
 * @param availability    the breaker's health
 * @param total           the parts weighted by the policy
 */
public record ScoreParts(double price, double quality, boolean qualityNeutral, double availability, double total) {
    public static final ScoreParts NONE = new ScoreParts(0, 0, true, 0, 0);
}
