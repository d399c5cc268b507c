package com.crosspoint.model;

import java.time.Instant;

/**
 * A SIP device of a user. Its digest username identifies it; the password is never stored, only
 * the HA1 hashes for the tenant's realm (RFC 8760: one per algorithm we offer).
 */
public record Device(long id, long tenantId, long userId, String sipUsername,
                     String ha1Md5, String ha1Sha256, Instant createdAt) {
}
