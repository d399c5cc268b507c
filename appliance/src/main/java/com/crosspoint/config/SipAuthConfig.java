package com.crosspoint.config;

/**
 * Digest authentication and blocking of sources that keep failing it.
 *
 * @param nonceTtlSeconds      lifetime of a nonce ({@code sip.auth.nonceTtlSeconds})
 * @param failureLimit         failures within the window that block a source ({@code sip.auth.failureLimit})
 * @param failureWindowSeconds window failures are counted in ({@code sip.auth.failureWindowSeconds})
 * @param blockSeconds         how long a blocked source is refused ({@code sip.auth.blockSeconds})
 * @param algorithms           digest algorithms challenged with, most preferred first ({@code sip.auth.algorithms})
 * @param md5OnlyUserAgents    User-Agent fragments of phones that fail on any challenge but MD5
 *                             ({@code sip.auth.md5OnlyUserAgents})
 * @param account              failures per account, from any sources ({@code sip.auth.account})
 */
public record SipAuthConfig(int nonceTtlSeconds, int failureLimit, int failureWindowSeconds, int blockSeconds,
                            java.util.List<String> algorithms, java.util.List<String> md5OnlyUserAgents,
                            AccountBudget account) {

    /**
     * An account's failure budget: more than {@code failureLimit} failures within {@code windowSeconds} start a
     * back-off of {@code backOffSeconds}, doubling up to {@code maxBackOffSeconds} ({@code sip.auth.account.*}).
     */
    public record AccountBudget(int failureLimit, int windowSeconds, int backOffSeconds, int maxBackOffSeconds) {
    }

    public SipAuthConfig {
        algorithms = java.util.List.copyOf(algorithms);
        md5OnlyUserAgents = java.util.List.copyOf(md5OnlyUserAgents);
    }
}
