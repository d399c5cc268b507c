package com.crosspoint.config;

/**
 * How the call router ranks carriers ({@code router.policy.*}); the API may replace it at run time
 * ({@code PUT /api/v1/router/policy}), and a policy stored that way wins over these at the next start.
 *
 * @param priceWeight           weight of the price part of a carrier's score
 * @param qualityWeight         weight of the quality part
 * @param availabilityWeight    weight of the availability part
 * @param asrWeight             within quality: weight of the answer-seizure ratio
 * @param nerWeight             within quality: weight of the network effectiveness ratio
 * @param pddWeight             within quality: weight of the post-dial delay
 * @param mosWeight             within quality: weight of the MOS (where media passes the appliance)
 * @param minAsr                ASR floor, 0-1; 0 = none
 * @param maxPddMillis          PDD ceiling; 0 = none
 * @param minMos                MOS floor, 0-5; 0 = none
 * @param minMosSamples         measured calls before MOS counts
 * @param pddForZeroScoreMillis the post-dial delay that scores 0 in the quality part
 */
public record RoutingPolicyConfig(double priceWeight, double qualityWeight, double availabilityWeight,
                                  double asrWeight, double nerWeight, double pddWeight, double mosWeight,
                                  double minAsr, long maxPddMillis, double minMos, int minMosSamples,
                                  long pddForZeroScoreMillis) {
}
