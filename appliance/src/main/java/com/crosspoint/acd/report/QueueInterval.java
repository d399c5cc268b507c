package com.crosspoint.acd.report;

import java.time.Instant;

/**
 * A queue's figures over one interval, for the entries that joined in it.
 *
 * @param transferred           moved to another queue by a supervisor while waiting
 * @param averageAbandonSeconds how long abandoning callers waited before hanging up, on average (0: none)
 * @param serviceLevelPercent   answered in time of answered + abandoned (100 when there were none)
 * @param averageAnswerSeconds  ASA (0 when none was answered)
 * @param averageHandleSeconds  AHT: talk plus wrap-up of the answered calls (0 when none)
 * @param longestWaitSeconds    the longest wait of any entry, answered or not
 * @param callbacksRequested    entries that had become callbacks and ended (served, failed; those still waiting
 *                              count once they end)
 * @param callbacksServed       callbacks whose caller answered and talked to an agent (also in {@code answered})
 * @param callbacksFailed       callbacks dropped after their last retry
 */
public record QueueInterval(Instant start, long queueId, int offered, int answered, int abandoned, int overflowed,
                            int transferred,
                            double averageAbandonSeconds, double serviceLevelPercent, double averageAnswerSeconds,
                            double averageHandleSeconds, double longestWaitSeconds, int callbacksRequested,
                            int callbacksServed, int callbacksFailed) {
}
