package com.crosspoint.model;

import java.time.Instant;

/**
 * One registered contact of an address-of-record (RFC 3261 §10).
 *
 * @param aor        canonical address-of-record, {@code sip:extension@domain}
 * @param contact    the Contact URI exactly as registered (escaped headers and URI parameters kept)
 * @param callId     Call-ID of the REGISTER that created or refreshed it
 * @param cseq       CSeq of that REGISTER, to order refreshes
 * @param expiresAt  when the binding lapses
 * @param transport  UDP, TCP, TLS, WS or WSS, as received
 * @param source     where the REGISTER came from, {@code host:port} (for NAT and display)
 */
public record Binding(long tenantId, long userId, long deviceId, String aor, String contact,
                      String callId, long cseq, Instant expiresAt, String transport, String source,
                      String userAgent, Instant updatedAt) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
