package com.crosspoint.api.dto;

import java.time.Instant;

/** Event stream: {@code acd.moved}, a supervisor moved a waiting caller to the end of another queue. */
public record MovedFrame(String type, long seq, Instant at, long tenantId, long entryId, long fromQueueId,
                         long toQueueId, String caller, int position) {
}
