package com.crosspoint.config;

/**
 * Digest authentication and blocking of sources that keep failing it.
 *
 * @param nonceTtlSeconds      lifetime of a nonce ({@code sip.auth.nonceTtlSeconds})
 * @param failureLimit         failures within the window that block a source ({@code sip.auth.failureLimit})
 * @param failureWindowSeconds window failures are counted in ({@code sip.auth.failureWindowSeconds})
 * @param blockSeconds         how long a blocked source is refused ({@code sip.auth.blockSeconds})
 */
public record SipAuthConfig(int nonceTtlSeconds, int failureLimit, int failureWindowSeconds, int blockSeconds) {
}
