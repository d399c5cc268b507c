package com.crosspoint.api.dto;

import com.crosspoint.acd.CallbackReport;
import java.time.Instant;

/** Event stream: {@code acd.callback}, a callback asked for, tried again, served or given up (step). */
public record CallbackFrame(String type, long seq, Instant at, long tenantId, long queueId, String number,
                            String step, int attempts) {
    public static CallbackFrame of(String type, long seq, Instant at, CallbackReport r) {
        return new CallbackFrame(type, seq, at, r.tenantId(), r.queueId(), r.number(), r.step().name(),
                r.attempts());
    }
}
