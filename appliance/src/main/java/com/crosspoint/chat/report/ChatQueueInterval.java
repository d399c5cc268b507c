package com.crosspoint.chat.report;

import java.time.Instant;

/**
 * A chat queue's figures over one interval, for the chats that started in it.
 *
 * @param queue                 the queue's number when it is a contact-center queue, else the name visitors gave
 * @param abandoned             ended (by the visitor, or by a restart) before an agent answered
 * @param averageAbandonSeconds how long abandoning visitors waited, on average (0: none)
 * @param serviceLevelSeconds   the threshold the service level was measured against
 * @param serviceLevelPercent   answered within the threshold of answered + abandoned (100 when there were none)
 * @param averageAnswerSeconds  ASA (0 when none was answered)
 * @param averageHandleSeconds  answer to end of the answered chats that ended (0 when none)
 * @param longestWaitSeconds    the longest wait before an answer or an abandon
 */
public record ChatQueueInterval(Instant start, String queue, int offered, int answered, int abandoned,
                                double averageAbandonSeconds, int serviceLevelSeconds, double serviceLevelPercent,
                                double averageAnswerSeconds, double averageHandleSeconds,
                                double longestWaitSeconds) {
}
