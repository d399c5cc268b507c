package com.crosspoint.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens of logged-in accounts, in memory only (a restart logs everyone out). A token is
 * 256 random bits; its expiry slides forward with every use.
 */
final class LoginSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Login> logins = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;

    LoginSessions(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A login and when it lapses unless used again. */
    record Login(String token, Principal principal, Instant expiresAt) {
    }

    Login open(Principal principal) {
        Instant now = clock.instant();
        // Lapsed logins are dropped here, so the map is bounded by the logins of one TTL.
        logins.values().removeIf(l -> !l.expiresAt().isAfter(now));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        Login login = new Login(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), principal, now.plus(ttl));
        logins.put(login.token(), login);
        return login;
    }

    /** The login of a valid token, its expiry extended; empty for unknown or lapsed tokens. */
    Optional<Principal> use(String token) {
        Instant now = clock.instant();
        Login l = logins.computeIfPresent(token, (t, old) -> old.expiresAt().isAfter(now)
                ? new Login(t, old.principal(), now.plus(ttl)) : null);
        return l == null ? Optional.empty() : Optional.of(l.principal());
    }

    void close(String token) {
        logins.remove(token);
    }

    /** Ends every login of an account (deleted, or its password changed). */
    void closeAccount(long accountId) {
        logins.values().removeIf(l -> l.principal().accountId() == accountId);
    }

    /** Ends every login of a tenant's accounts (the tenant was deleted, and its accounts with it). */
    void closeTenant(long tenantId) {
        logins.values().removeIf(l -> l.principal().tenantId() != null && l.principal().tenantId() == tenantId);
    }
}
