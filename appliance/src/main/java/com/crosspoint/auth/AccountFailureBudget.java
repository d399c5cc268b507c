package com.crosspoint.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A failure budget per account, whatever address the guesses come from (issue 10, item 6): the first
 * {@code freeFailures} failures cost nothing; each one after that puts the account into a back-off that
 * doubles from {@code firstBackoff} up to {@code maxBackoff}, during which it is not even checked. A quiet
 * {@code maxBackoff} after the last failure restores the whole budget.
 *
 * <p>The owner is never locked out from where it already logged in: an address that authenticated
 * the account (the last {@link #TRUSTED_PER_ACCOUNT} of them, in memory) passes through the back-off. Guessing
 * from such an address is still bounded by the per-address {@link AuthFailureThrottle}.
 *
 * <p>Unknown account names are tracked like known ones, so the answers do not tell which exist. Memory is
 * bounded by {@code maxTrackedAccounts}; the least recently touched account is forgotten first. Thread-safe.
 */
public final class AccountFailureBudget {
    static final int TRUSTED_PER_ACCOUNT = 8;

    private final int freeFailures;
    private final long firstBackoffMillis;
    private final long maxBackoffMillis;
    private final int maxTrackedAccounts;
    private final Clock clock;
    private final Map<String, Account> accounts = new LinkedHashMap<>(16, 0.75f, true);

    /** A back-off this failure started or lengthened. */
    public record Backoff(int failures, Duration retryAfter) {
    }

    public AccountFailureBudget(int freeFailures, Duration firstBackoff, Duration maxBackoff, int maxTrackedAccounts,
                                Clock clock) {
        if (freeFailures < 1 || maxTrackedAccounts < 1) {
            throw new IllegalArgumentException("freeFailures and maxTrackedAccounts must be positive");
        }
        if (firstBackoff.isNegative() || firstBackoff.isZero() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < firstBackoff <= maxBackoff");
        }
        this.freeFailures = freeFailures;
        this.firstBackoffMillis = firstBackoff.toMillis();
        this.maxBackoffMillis = maxBackoff.toMillis();
        this.maxTrackedAccounts = maxTrackedAccounts;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How long {@code account} is closed to {@code source}; zero when it may be checked now. */
    public synchronized Duration closedFor(String account, String source) {
        Account a = accounts.get(account);
        long now = clock.millis();
        if (a == null || a.trusted.contains(source) || now >= a.blockedUntil) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(a.blockedUntil - now);
    }

    /** Counts a failed check of {@code account}; the back-off it starts, if any. */
    public synchronized Optional<Backoff> recordFailure(String account) {
        long now = clock.millis();
        Account a = accounts.computeIfAbsent(account, k -> new Account());
        if (now - a.lastFailureAt >= maxBackoffMillis && now >= a.blockedUntil) {
            a.failures = 0; // a quiet spell restores the budget
        }
        a.failures++;
        a.lastFailureAt = now;
        trim();
        int over = a.failures - freeFailures;
        if (over <= 0) {
            return Optional.empty();
        }
        long backoff = over > 30 ? maxBackoffMillis : Math.min(maxBackoffMillis, firstBackoffMillis << (over - 1));
        a.blockedUntil = now + backoff;
        return Optional.of(new Backoff(a.failures, Duration.ofMillis(backoff)));
    }

    /** The account authenticated from {@code source}: that address passes through its back-offs from now on. */
    public synchronized void recordSuccess(String account, String source) {
        Account a = accounts.computeIfAbsent(account, k -> new Account());
        a.trusted.remove(source);
        a.trusted.add(source);
        if (a.trusted.size() > TRUSTED_PER_ACCOUNT) {
            a.trusted.remove(a.trusted.iterator().next());
        }
        trim();
    }

    /** How many accounts are remembered (for tests and metrics). */
    public synchronized int trackedAccounts() {
        return accounts.size();
    }

    private void trim() {
        var it = accounts.entrySet().iterator();
        while (accounts.size() > maxTrackedAccounts && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static final class Account {
        private final Set<String> trusted = new LinkedHashSet<>();
        private int failures;
        private long lastFailureAt = Long.MIN_VALUE / 2;
        private long blockedUntil = Long.MIN_VALUE;
    }
}
