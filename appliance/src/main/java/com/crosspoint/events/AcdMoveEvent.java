package com.crosspoint.events;

import java.time.Instant;

/**
 * A supervisor moved a waiting caller ({@code acd.moved}) from one queue of the tenant to the end of another.
 *
 * @param caller the caller's number, as presented (untrusted text)
 */
public record AcdMoveEvent(long tenantId, long entryId, long fromQueueId, long toQueueId, String caller,
                           int position, Instant at) implements Event {
    @Override
    public String type() {
        return "acd.moved";
    }
}
