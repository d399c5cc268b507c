package com.crosspoint.api.dto;

import java.time.Instant;
import java.util.List;

/** First message of the event stream: everything the account may watch, as it is now. */
public record SnapshotFrame(String type, long seq, Instant at, List<RegistrationDto> registrations,
                            List<CallDto> calls) {
}
