package com.crosspoint.relay.turn;

import com.crosspoint.auth.NonceService;
import com.crosspoint.auth.NonceStatus;

/**
 * TURN nonces: the digest {@link NonceService}'s (self-verifying, with their own age) behind RFC 8489 s9.2's
 * "nonce cookie": {@code obMatJos2} and 24 bits of security features in base64. We set "password algorithms"
 * (bit 0, counted from the least significant bit as erratum 6268's vector does: {@code AAAB}), telling RFC 8489
 * clients that PASSWORD-ALGORITHMS is offered. RFC 5389 clients echo the nonce as it is.
 */
public final class TurnNonces {
    static final String COOKIE = "obMatJos2";
    private static final String FEATURES = "AAAB";
    private static final String PREFIX = COOKIE + FEATURES;

    private final NonceService nonces;

    public TurnNonces(NonceService nonces) {
        this.nonces = nonces;
    }

    public String issue() {
        return PREFIX + nonces.issue();
    }

    /** VALID, STALE (ours, too old) or INVALID (not ours); never throws. */
    public NonceStatus check(String nonce) {
        if (nonce == null || !nonce.startsWith(PREFIX)) {
            return NonceStatus.INVALID;
        }
        return nonces.check(nonce.substring(PREFIX.length()));
    }
}
