package com.crosspoint.events;

import java.time.Duration;
import java.time.Instant;

/**
 * Someone keeps failing to authenticate as an account, from however many addresses: its attempts from addresses
 * that never authenticated as it are refused until {@code until} (the owner's are not). For the tenant's admins.
 *
 * @param channel  where the attempts came in: {@code sip} (digest) or {@code web} (login)
 * @param account  the account as it was tried: {@code user@realm} for SIP, the username for the web
 * @param failures failures within the window that started the back-off
 * @param sources  distinct addresses they came from
 */
public record AccountBackOffEvent(long tenantId, String channel, String account, int failures, int sources,
                                  Duration backOff, Instant until, Instant at) implements Event {

    @Override
    public String type() {
        return "security.account-back-off";
    }
}
