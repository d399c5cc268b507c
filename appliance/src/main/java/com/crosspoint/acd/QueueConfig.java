package com.crosspoint.acd;

import java.util.Objects;

/**
 * A queue of a tenant, as configured. Times are seconds; 0 turns a limit or a feature off.
 *
 * @param number             what callers dial (also what a DID or a menu key names)
 * @param maxWaitSeconds     a caller waiting this long goes to the overflow target (0: no limit)
 * @param maxLength          a caller arriving when this many wait goes to the overflow target at once (0: no limit)
 * @param overflowTarget     a number of the tenant (another queue, a menu, a user, an outside number) or
 *                           {@code voicemail:<extension>}; null: the caller is told goodbye
 * @param announceSeconds    position and estimated wait are said at joining and then every this many seconds
 *                           (0: only at joining)
 * @param noAnswerSeconds    an offer ringing this long is given up and the agent counted as missed
 * @param missesBeforePause  this many missed offers in a row pause the agent (0: never)
 * @param wrapUpSeconds      an agent gets no call for this long after one
 * @param serviceLevelSeconds calls answered within this wait count towards the service level
 * @param skill              the skill a skills-based queue asks for (null for the other strategies)
 * @param widenAfterSeconds  a skills-based queue admits the next level after each such span of waiting (0: never)
 * @param callbackAfterSeconds after this wait the caller is offered a callback keeping their place (0: never)
 * @param chatWhileOnCall    agents on a call may still be offered chats of this queue
 * @param callbackRetries    a callback whose caller does not answer is tried this many more times, then dropped
 * @param callbackRetrySeconds a failed callback is not offered again before this many seconds (it keeps its place)
 */
public record QueueConfig(long id, long tenantId, String number, String name, Strategy strategy,
                          int maxWaitSeconds, int maxLength, String overflowTarget, int announceSeconds,
                          int noAnswerSeconds, int missesBeforePause, int wrapUpSeconds, int serviceLevelSeconds,
                          String skill, int widenAfterSeconds, int callbackAfterSeconds, boolean chatWhileOnCall,
                          int callbackRetries, int callbackRetrySeconds) {
    /** Retries of a callback when none are configured. */
    public static final int DEFAULT_CALLBACK_RETRIES = 2;
    /** The pause before a callback is tried again when none is configured. */
    public static final int DEFAULT_CALLBACK_RETRY_SECONDS = 60;

    public QueueConfig {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(strategy, "strategy");
        if (maxWaitSeconds < 0 || maxLength < 0 || announceSeconds < 0 || missesBeforePause < 0
                || wrapUpSeconds < 0 || serviceLevelSeconds < 0 || widenAfterSeconds < 0 || callbackAfterSeconds < 0
                || callbackRetries < 0 || callbackRetrySeconds < 0) {
            throw new IllegalArgumentException("queue times and limits are never negative");
        }
        if (noAnswerSeconds < 1) {
            throw new IllegalArgumentException("noAnswerSeconds must be at least 1");
        }
    }

    /** A queue whose callbacks, if offered, are retried as by default. */
    public QueueConfig(long id, long tenantId, String number, String name, Strategy strategy, int maxWaitSeconds,
                       int maxLength, String overflowTarget, int announceSeconds, int noAnswerSeconds,
                       int missesBeforePause, int wrapUpSeconds, int serviceLevelSeconds, String skill,
                       int widenAfterSeconds, int callbackAfterSeconds, boolean chatWhileOnCall) {
        this(id, tenantId, number, name, strategy, maxWaitSeconds, maxLength, overflowTarget, announceSeconds,
                noAnswerSeconds, missesBeforePause, wrapUpSeconds, serviceLevelSeconds, skill, widenAfterSeconds,
                callbackAfterSeconds, chatWhileOnCall, DEFAULT_CALLBACK_RETRIES, DEFAULT_CALLBACK_RETRY_SECONDS);
    }

    public QueueConfig withId(long newId) {
        return new QueueConfig(newId, tenantId, number, name, strategy, maxWaitSeconds, maxLength, overflowTarget,
                announceSeconds, noAnswerSeconds, missesBeforePause, wrapUpSeconds, serviceLevelSeconds, skill,
                widenAfterSeconds, callbackAfterSeconds, chatWhileOnCall, callbackRetries, callbackRetrySeconds);
    }
}
