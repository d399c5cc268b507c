package com.crosspoint.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The call detail record of one call attempt. {@code callee} is the number dialled; {@code answeredBy} the
 * extension of the person who took the call in the end (forwarded to, handed to by a menu, transferred to), null
 * when no person did. {@code answeredAt} is null for calls never answered; {@code sipCause} is the final SIP status
 * that decided the outcome (200 for answered calls); {@code quality} is null unless the appliance anchored the
 * call's media (voicemail, conference, menu); {@code endReason} is null unless the appliance ended the call for
 * billing (credit exhausted, a spend limit, a freeze).
 */
public record CallRecord(long id, long tenantId, String callId, String caller, String callee,
                         Instant startedAt, Instant answeredAt, Instant endedAt,
                         Disposition disposition, HangupParty hungUpBy, int sipCause, CallQualitySummary quality,
                         String answeredBy, CallEndReason endReason) {

    /** A record of a call billing did not end. */
    public CallRecord(long id, long tenantId, String callId, String caller, String callee,
                      Instant startedAt, Instant answeredAt, Instant endedAt,
                      Disposition disposition, HangupParty hungUpBy, int sipCause, CallQualitySummary quality,
                      String answeredBy) {
        this(id, tenantId, callId, caller, callee, startedAt, answeredAt, endedAt, disposition, hungUpBy, sipCause,
                quality, answeredBy, null);
    }

    /** A record that names no person who answered. */
    public CallRecord(long id, long tenantId, String callId, String caller, String callee,
                      Instant startedAt, Instant answeredAt, Instant endedAt,
                      Disposition disposition, HangupParty hungUpBy, int sipCause, CallQualitySummary quality) {
        this(id, tenantId, callId, caller, callee, startedAt, answeredAt, endedAt, disposition, hungUpBy, sipCause,
                quality, null);
    }

    /** A record without quality: a call whose media the appliance did not see. */
    public CallRecord(long id, long tenantId, String callId, String caller, String callee,
                      Instant startedAt, Instant answeredAt, Instant endedAt,
                      Disposition disposition, HangupParty hungUpBy, int sipCause) {
        this(id, tenantId, callId, caller, callee, startedAt, answeredAt, endedAt, disposition, hungUpBy, sipCause,
                null, null);
    }

    /** Talk time: from answer to end, zero when never answered. */
    public Duration duration() {
        return answeredAt == null ? Duration.ZERO : Duration.between(answeredAt, endedAt);
    }

    /** The same record with another id (the store assigns it). */
    public CallRecord withId(long newId) {
        return new CallRecord(newId, tenantId, callId, caller, callee, startedAt, answeredAt, endedAt, disposition,
                hungUpBy, sipCause, quality, answeredBy, endReason);
    }

    /** The same record, saying billing ended the call for {@code why}. */
    public CallRecord endedBecause(CallEndReason why) {
        return new CallRecord(id, tenantId, callId, caller, callee, startedAt, answeredAt, endedAt, disposition,
                hungUpBy, sipCause, quality, answeredBy, why);
    }
}
