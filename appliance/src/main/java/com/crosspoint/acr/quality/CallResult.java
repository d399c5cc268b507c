package com.crosspoint.acr.quality;

/**
 * What a call attempt's final SIP code says about the carrier. Network effectiveness (NER, ITU-T E.425) counts an
 * attempt as effective when the network did its job: answered, or refused by the called user or number (busy, no
 * answer, declined, unknown number, cancelled by the caller). Everything else failed in the network.
 */
public enum CallResult {
    ANSWERED, USER_FAILURE, NETWORK_FAILURE;

    public static CallResult of(int finalCode) {
        if (finalCode >= 200 && finalCode < 300) {
            return ANSWERED;
        }
        return switch (finalCode) {
            // not found, gone, temporarily unavailable (no answer), address incomplete, busy here,
            // request terminated (caller hung up), busy everywhere, decline, does not exist anywhere
            case 404, 410, 480, 484, 486, 487, 600, 603, 604 -> USER_FAILURE;
            default -> NETWORK_FAILURE;
        };
    }

    public boolean effective() {
        return this != NETWORK_FAILURE;
    }

    /**
     * Whether the code says the carrier is not there or broken (timeout, 5xx): what the circuit breaker counts and
     * the proxy fails over on. A 403 or 488 is the carrier's answer about this call, not its health.
     */
    public static boolean carrierUnavailable(int finalCode) {
        return finalCode == 408 || (finalCode >= 500 && finalCode < 600);
    }
}
