package com.crosspoint.console.client;

import java.time.Instant;

/** A call in progress as the event stream reports it ({@code Call} in {@code docs/api/openapi.yaml}). */
public record Call(String callId, long tenantId, String caller, String callerName, String callee,
                   String connectedTo, String state, Instant startedAt, Instant answeredAt, String codec) {
}
