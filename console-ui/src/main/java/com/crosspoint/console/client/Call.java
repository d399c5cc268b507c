package com.crosspoint.console.client;

import java.time.Instant;

/**
 * A call in progress as the event stream reports it ({@code Call} in {@code docs/api/openapi.yaml});
 * {@code quality} only for calls whose media the appliance anchors, else null; {@code mediaAnchored} false for
 * two phones talking directly, null before the answer (and from appliances that do not say); {@code media} how
 * the audio travels (relayed, direct, answered by the appliance) and each phone's NAT, or null.
 */
public record Call(String callId, long tenantId, String caller, String callerName, String callee, String calleeName,
                   String connectedTo, String connectedToName, String state, Instant startedAt, Instant answeredAt,
                   String codec, CallQuality quality, Boolean mediaAnchored, CallMedia media) {

    /** A call as an appliance reports it that says nothing of how its audio travels. */
    public Call(String callId, long tenantId, String caller, String callerName, String callee, String calleeName,
                String connectedTo, String connectedToName, String state, Instant startedAt, Instant answeredAt,
                String codec, CallQuality quality, Boolean mediaAnchored) {
        this(callId, tenantId, caller, callerName, callee, calleeName, connectedTo, connectedToName, state, startedAt,
                answeredAt, codec, quality, mediaAnchored, null);
    }

    /** A call without names of the called parties and without quality (an appliance that reports none). */
    public Call(String callId, long tenantId, String caller, String callerName, String callee,
                String connectedTo, String state, Instant startedAt, Instant answeredAt, String codec) {
        this(callId, tenantId, caller, callerName, callee, null, connectedTo, null, state, startedAt, answeredAt, codec,
                null, null, null);
    }
}
