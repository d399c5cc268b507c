package com.crosspoint.config;

/**
 * @param lanes                  single-thread executors calls are striped over ({@code sip.calls.lanes})
 * @param defaultNoAnswerSeconds ring time for users who set none ({@code sip.calls.defaultNoAnswerSeconds})
 * @param maxCalls               concurrent calls accepted before 503 ({@code sip.calls.maxCalls})
 */
public record CallsConfig(int lanes, int defaultNoAnswerSeconds, int maxCalls) {
}
