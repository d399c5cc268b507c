package com.crosspoint.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * Logins: bearer tokens of API clients and session cookies of browsers share this one store. A token is 256
 * random bits; so is the CSRF token each login gets (browsers must echo it in {@code X-CSRF-Token}). Expiry
 * slides forward with every use. The logins are kept by a {@link LoginJournal} (issue 10: a restart signed
 * everyone out) under the SHA-256 of their token, their login id; the token itself is never stored. Opening
 * and ending a login are durable before they are answered; a use moves the kept expiry at most every
 * {@link #SAVE_USE_EVERY}, so after a restart a login may lapse that much early, never late.
 */
final class LoginSessions {
    static final Duration SAVE_USE_EVERY = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Kept> logins = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Clock clock;
    private final LoginJournal journal;
    private volatile Instant lastSave = Instant.MIN;
    /** Told the login id of every login ended on purpose (logout, password change, deletion). */
    private volatile Consumer<String> ended = id -> { };

    LoginSessions(Duration ttl, Clock clock) {
        this(ttl, clock, LoginJournal.NONE);
    }

    LoginSessions(Duration ttl, Clock clock, LoginJournal journal) {
        this.ttl = ttl;
        this.clock = clock;
        this.journal = journal;
        Instant now = clock.instant();
        for (LoginJournal.Entry e : journal.load()) {
            if (e.expiresAt().isAfter(now)) {
                logins.put(e.id(), new Kept(e.csrfToken(), new Principal(e.accountId(), e.username(), e.role(),
                        e.tenantId(), e.userId(), e.extension()), e.expiresAt()));
            }
        }
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

    private record Kept(String csrfToken, Principal principal, Instant expiresAt) {
    }

    /** The id a login is kept under: the SHA-256 of its token. */
    static String idOf(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    Login open(Principal principal) {
        Instant now = clock.instant();
        // Lapsed logins are dropped here, so the store is bounded by the logins of one TTL.
        logins.values().removeIf(l -> !l.expiresAt().isAfter(now));
        String token = randomToken();
        Kept kept = new Kept(randomToken(), principal, now.plus(ttl));
        logins.put(idOf(token), kept);
        save(now);
        return new Login(token, kept.csrfToken(), principal, kept.expiresAt());
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
        Kept used = logins.computeIfPresent(idOf(token), (id, old) -> old.expiresAt().isAfter(now)
                ? new Kept(old.csrfToken(), old.principal(), now.plus(ttl)) : null);
        if (used != null && !now.isBefore(lastSave.plus(SAVE_USE_EVERY))) {
            save(now);
        }
        return Optional.ofNullable(used).map(k -> new Login(token, k.csrfToken(), k.principal(), k.expiresAt()));
    }

    /** The principal of a valid token, its expiry extended; empty for unknown or lapsed tokens. */
    Optional<Principal> use(String token) {
        return useLogin(token).map(Login::principal);
    }

    void close(String token) {
        if (token == null) {
            return;
        }
        String id = idOf(token);
        if (logins.remove(id) != null) {
            save(clock.instant());
            ended.accept(id);
        }
    }

    private void closeWhere(Predicate<Map.Entry<String, Kept>> which) {
        java.util.List<String> gone = new java.util.ArrayList<>();
        for (Map.Entry<String, Kept> l : logins.entrySet()) {
            if (which.test(l) && logins.remove(l.getKey(), l.getValue())) {
                gone.add(l.getKey());
            }
        }
        if (!gone.isEmpty()) {
            save(clock.instant());
            gone.forEach(ended);
        }
    }

    /** Ends every login of an admin account (deleted, or its password changed). */
    void closeAccount(long accountId) {
        closeWhere(l -> !l.getValue().principal().isUser() && l.getValue().principal().accountId() == accountId);
    }

    /**
     * Ends every login of an end user (deleted, extension or web password changed) but the one
     * with token {@code except} (nullable): a user changing its own password stays logged in there.
     */
    void closeUser(long userId, String except) {
        String keep = except == null ? null : idOf(except);
        closeWhere(l -> l.getValue().principal().userId() != null && l.getValue().principal().userId() == userId
                && !l.getKey().equals(keep));
    }

    /** Ends every login of a tenant's accounts and users (the tenant was deleted, and they with it). */
    void closeTenant(long tenantId) {
        closeWhere(l -> l.getValue().principal().tenantId() != null && l.getValue().principal().tenantId() == tenantId);
    }

    private synchronized void save(Instant now) {
        lastSave = now;
        journal.save(logins.entrySet().stream().map(e -> {
            Kept k = e.getValue();
            Principal p = k.principal();
            return new LoginJournal.Entry(e.getKey(), k.csrfToken(), p.accountId(), p.username(), p.role(),
                    p.tenantId(), p.userId(), p.extension(), k.expiresAt());
        }).toList());
    }
}
