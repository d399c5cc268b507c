package com.crosspoint.api;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Logins, in memory only (a restart logs everyone out): bearer tokens of API clients and session
 * cookies of browsers share this one store. A token is 256 random bits; so is the CSRF token each
 * login gets (browsers must echo it in {@code X-CSRF-Token}). Expiry slides forward with every use.
 */
final class LoginSessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Login> logins = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    /** Told the token of every login ended on purpose (logout, password change, deletion). */
    private volatile Consumer<String> ended = token -> { };

    LoginSessions(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Whom to tell when a login is ended on purpose, so that what it holds open (event streams)
     * closes at once rather than at its next event.
     */
    void onEnded(Consumer<String> listener) {
        this.ended = listener;
    }

    /** A login, its CSRF token, and when it lapses unless used again. */
    record Login(String token, String csrfToken, Principal principal, Instant expiresAt) {
    }

    Login open(Principal principal) {
        Instant now = clock.instant();
        // Lapsed logins are dropped here, so the map is bounded by the logins of one TTL.
        logins.values().removeIf(l -> !l.expiresAt().isAfter(now));
        Login login = new Login(randomToken(), randomToken(), principal, now.plus(ttl));
        logins.put(login.token(), login);
        return login;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The login of a valid token, its expiry extended; empty for unknown or lapsed tokens. */
    Optional<Login> useLogin(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return Optional.ofNullable(logins.computeIfPresent(token, (t, old) -> old.expiresAt().isAfter(now)
                ? new Login(t, old.csrfToken(), old.principal(), now.plus(ttl)) : null));
    }

    /** The principal of a valid token, its expiry extended; empty for unknown or lapsed tokens. */
    Optional<Principal> use(String token) {
        return useLogin(token).map(Login::principal);
    }

    void close(String token) {
        if (token != null && logins.remove(token) != null) {
            ended.accept(token);
        }
    }

    private void closeWhere(Predicate<Login> which) {
        for (Login l : logins.values()) {
            if (which.test(l) && logins.remove(l.token(), l)) {
                ended.accept(l.token());
            }
        }
    }

    /** Ends every login of an admin account (deleted, or its password changed). */
    void closeAccount(long accountId) {
        closeWhere(l -> !l.principal().isUser() && l.principal().accountId() == accountId);
    }

    /**
     * Ends every login of an end user (deleted, extension or web password changed) but the one
     * with token {@code except} (nullable): a user changing its own password stays logged in there.
     */
    void closeUser(long userId, String except) {
        closeWhere(l -> l.principal().userId() != null && l.principal().userId() == userId
                && !l.token().equals(except));
    }

    /** Ends every login of a tenant's accounts and users (the tenant was deleted, and they with it). */
    void closeTenant(long tenantId) {
        closeWhere(l -> l.principal().tenantId() != null && l.principal().tenantId() == tenantId);
    }
}
