package com.crosspoint.call;

import com.crosspoint.model.CallQualitySummary;
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
 * @param quality     how the caller's audio arrives, for calls whose media the appliance anchors; else null
 * @param media       how the call's audio travels (the NAT doctor's view); null before anything is known
 */
public record CallSnapshot(String id, long tenantId, String caller, String callerName, String callee,
                           String connectedTo, CallState state, Instant startedAt, Instant answeredAt,
                           String codec, CallQualitySummary quality, MediaPath media) {

    /** A snapshot without the media path. */
    public CallSnapshot(String id, long tenantId, String caller, String callerName, String callee,
                        String connectedTo, CallState state, Instant startedAt, Instant answeredAt, String codec,
                        CallQualitySummary quality) {
        this(id, tenantId, caller, callerName, callee, connectedTo, state, startedAt, answeredAt, codec, quality, null);
    }

    /** A snapshot of a call whose media the appliance does not see. */
    public CallSnapshot(String id, long tenantId, String caller, String callerName, String callee,
                        String connectedTo, CallState state, Instant startedAt, Instant answeredAt, String codec) {
        this(id, tenantId, caller, callerName, callee, connectedTo, state, startedAt, answeredAt, codec, null);
    }
}
