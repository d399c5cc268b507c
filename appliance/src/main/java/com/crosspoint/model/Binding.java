package com.crosspoint.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One registered contact of an address-of-record (RFC 3261 §10).
 *
 * @param aor        canonical address-of-record, {@code sip:extension@domain}
 * @param contact    the Contact URI exactly as registered (escaped headers and URI parameters kept)
 * @param callId     Call-ID of the REGISTER that created or refreshed it
 * @param cseq       CSeq of that REGISTER, to order refreshes
 * @param expiresAt  when the binding lapses
 * @param transport  UDP, TCP, TLS, WS or WSS, as received
 * @param source     where the REGISTER came from, {@code host:port}: the flow requests to a NATed device take
 * @param path       the REGISTER's Path values in order (RFC 3327), the route set of requests to this binding
 * @param instanceId the Contact's {@code +sip.instance} (RFC 5626), or null
 * @param regId      the Contact's {@code reg-id} when the device registered with outbound (RFC 5626), else 0
 */
public record Binding(long tenantId, long userId, long deviceId, String aor, String contact,
                      String callId, long cseq, Instant expiresAt, String transport, String source,
                      String userAgent, Instant updatedAt, List<String> path, String instanceId, int regId) {

    public Binding {
        path = List.copyOf(Objects.requireNonNullElse(path, List.of()));
    }

    /** A binding without Path or outbound. */
    public Binding(long tenantId, long userId, long deviceId, String aor, String contact,
                   String callId, long cseq, Instant expiresAt, String transport, String source,
                   String userAgent, Instant updatedAt) {
        this(tenantId, userId, deviceId, aor, contact, callId, cseq, expiresAt, transport, source, userAgent, updatedAt,
                List.of(), null, 0);
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Registered with RFC 5626 outbound: its flow is identified by instance and reg-id. */
    public boolean outbound() {
        return instanceId != null && regId > 0;
    }
}
