package com.crosspoint.events;

import java.time.Instant;
import java.util.Locale;

/**
 * Something an admin should know about an attack on the appliance (docs/security.md).
 * {@code ACCOUNT_THROTTLED}: guesses at one account's password spent its failure budget (from however many
 * addresses); the account is closed to new addresses for {@code retryAfterSeconds}. {@code tenantId} is the
 * account's tenant, 0 for an account of no tenant (a superadmin) or an unknown one.
 *
 * @param account  the name the guesses were made for (an admin's username or a user's extension)
 * @param source   the address of the failure that started the back-off
 * @param failures failures counted against the account so far
 */
public record SecurityEvent(Kind kind, long tenantId, String account, String source, int failures,
                            long retryAfterSeconds, Instant at) implements Event {

    public enum Kind { ACCOUNT_THROTTLED }

    @Override
    public String type() {
        return "security." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
