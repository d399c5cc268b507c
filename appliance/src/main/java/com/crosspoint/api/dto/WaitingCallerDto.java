package com.crosspoint.api.dto;

import com.crosspoint.acd.QueueEntry;
import java.time.Instant;

/** A caller (or a kept callback) waiting in a queue; the wait is counted from {@code joinedAt}. */
public record WaitingCallerDto(long entryId, int position, String caller, String callerName, Instant joinedAt,
                               boolean callback) {
    public static WaitingCallerDto of(QueueEntry e, int position) {
        return new WaitingCallerDto(e.id(), position, e.caller(), e.callerName(), e.joinedAt(), e.callback());
    }
}
