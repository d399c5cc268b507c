package com.crosspoint.api.dto;

/**
 * Create or replace a queue. {@code number}, {@code name} and {@code strategy} are required; a time or limit left
 * out takes its default (see docs/api.md).
 */
public record QueueRequest(String number, String name, String strategy, Integer maxWaitSeconds, Integer maxLength,
                           String overflowTarget, Integer announceSeconds, Integer noAnswerSeconds,
                           Integer missesBeforePause, Integer wrapUpSeconds, Integer serviceLevelSeconds,
                           String skill, Integer widenAfterSeconds, Integer callbackAfterSeconds,
                           Boolean chatWhileOnCall, Integer callbackRetries, Integer callbackRetrySeconds) {
}
