package com.crosspoint.call;

import java.time.Instant;

/**
 * An immutable view of one call for the API, the event stream and the console.
 *
 * @param id          the appliance's id of the call (the caller leg's Call-ID)
 * @param caller      caller's extension
 * @param callerName  caller's display name (from the directory, or as the caller sent it)
 * @param callee      the extension that was dialled
 * @param connectedTo the extension now talking to the caller (differs after forwarding/transfer), or null
 * @param codec       negotiated codec when known, or null
 */
public record CallSnapshot(String id, long tenantId, String caller, String callerName, String callee,
                           String connectedTo, CallState state, Instant startedAt, Instant answeredAt,
                           String codec) {
}
