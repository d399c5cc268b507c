package com.crosspoint.console.client;

import java.time.Instant;

/**
 * A call in progress as the event stream reports it ({@code Call} in {@code docs/api/openapi.yaml});
 * {@code quality} only for calls whose media the appliance anchors, else null.
 */
public record Call(String callId, long tenantId, String caller, String callerName, String callee,
                   String connectedTo, String state, Instant startedAt, Instant answeredAt, String codec,
                   CallQuality quality) {

    /** A call without quality (relayed phone to phone, or from an appliance that reports none). */
    public Call(String callId, long tenantId, String caller, String callerName, String callee,
                String connectedTo, String state, Instant startedAt, Instant answeredAt, String codec) {
        this(callId, tenantId, caller, callerName, callee, connectedTo, state, startedAt, answeredAt, codec, null);
    }
}
