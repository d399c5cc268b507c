package com.crosspoint.api.dto;

import java.time.Instant;

/** Event stream: {@code call.setup|ringing|answered|held|transferring|ended}. */
public record CallFrame(String type, long seq, Instant at, long tenantId, CallDto call) {
}
