package com.crosspoint.boot;

import com.crosspoint.auth.AccountFailureBudget;
import com.crosspoint.auth.AuthFailureThrottle;
import com.crosspoint.auth.DigestAlgorithm;
import com.crosspoint.auth.DigestVerifier;
import com.crosspoint.auth.NonceService;
import com.crosspoint.config.SipAuthConfig;
import com.crosspoint.directory.Directory;
import com.crosspoint.events.EventBus;
import com.crosspoint.sip.DigestGate;
import com.crosspoint.sip.SipMessages;
import java.time.Clock;
import java.time.Duration;

/**
 * What guards every password of the node ({@code sip.auth.*}): the digest verifier with its nonces, the failure
 * throttle per source and the failure budget per account. SIP and STUN/TURN share one of each, so a guess counts
 * once whichever door it knocks on.
 */
final class DigestGuards {
    private static final int TRACKED = 100_000;

    private final SipAuthConfig auth;
    private final DigestVerifier verifier;
    private final AuthFailureThrottle throttle;
    private final AccountFailureBudget accounts;

    DigestGuards(SipAuthConfig auth, Clock clock) {
        this.auth = auth;
        this.verifier = new DigestVerifier(NonceService.withRandomSecret(Duration.ofSeconds(auth.nonceTtlSeconds()),
                2 * TRACKED, clock));
        this.throttle = new AuthFailureThrottle(auth.failureLimit(), Duration.ofSeconds(auth.failureWindowSeconds()),
                Duration.ofSeconds(auth.blockSeconds()), TRACKED, clock);
        var budget = auth.account();
        this.accounts = new AccountFailureBudget(budget.failureLimit(), Duration.ofSeconds(budget.windowSeconds()),
                Duration.ofSeconds(budget.backOffSeconds()), Duration.ofSeconds(budget.maxBackOffSeconds()), TRACKED,
                clock);
    }

    AuthFailureThrottle throttle() {
        return throttle;
    }

    AccountFailureBudget accounts() {
        return accounts;
    }

    /** The SIP side's gate: challenges with the configured algorithms, failures published as events. */
    DigestGate gate(SipMessages messages, Directory directory, EventBus events) {
        return new DigestGate(messages, directory, verifier, new DigestGate.Guards(throttle, accounts, events::publish),
                auth.algorithms().stream().map(a -> DigestAlgorithm.fromToken(a).orElseThrow()).toList(),
                auth.md5OnlyUserAgents());
    }
}
