package com.crosspoint.api.dto;

import com.crosspoint.acd.QueueConfig;

/** A queue as configured. */
public record QueueDto(long id, String number, String name, String strategy, int maxWaitSeconds, int maxLength,
                       String overflowTarget, int announceSeconds, int noAnswerSeconds, int missesBeforePause,
                       int wrapUpSeconds, int serviceLevelSeconds, String skill, int widenAfterSeconds,
                       int callbackAfterSeconds, boolean chatWhileOnCall, int callbackRetries,
                       int callbackRetrySeconds) {
    public static QueueDto of(QueueConfig q) {
        return new QueueDto(q.id(), q.number(), q.name(), q.strategy().name(), q.maxWaitSeconds(), q.maxLength(),
                q.overflowTarget(), q.announceSeconds(), q.noAnswerSeconds(), q.missesBeforePause(),
                q.wrapUpSeconds(), q.serviceLevelSeconds(), q.skill(), q.widenAfterSeconds(),
                q.callbackAfterSeconds(), q.chatWhileOnCall(), q.callbackRetries(), q.callbackRetrySeconds());
    }
}
