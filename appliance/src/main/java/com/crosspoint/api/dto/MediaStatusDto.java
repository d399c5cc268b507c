package com.crosspoint.api.dto;

import java.util.SortedMap;

/**
 * The media engine's counters since it started ({@code GET /api/v1/media}, global logins): sessions, frames due and
 * sent, receive losses, and the pacing clock's slip (start of each 20 ms tick behind its schedule) as percentiles and
 * as the raw histogram, so two replies subtracted give the slip of the ticks in between.
 *
 * @param slipBuckets upper bucket edge in µs → ticks (non-empty buckets; 10 µs wide below 10 ms, then 1 ms)
 */
public record MediaStatusDto(int sessionsOpen, long sessionsOpened, long framesDue, long rtpSent, long sendFailures,
                             long rtpReceived, long packetsLost, long ticks, long slipP50Micros, long slipP99Micros,
                             long slipMaxMicros, SortedMap<Long, Long> slipBuckets, long tickErrors,
                             long pacingFailures) {
}
