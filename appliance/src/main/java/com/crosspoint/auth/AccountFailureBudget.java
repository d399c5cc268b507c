package com.crosspoint.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure budget per account, next to {@link AuthFailureThrottle}'s per source address: an attacker who rotates
 * addresses gets past any per-source limit (the SIP password at guess 200 fell in 0.3 s from 23 addresses), not past
 * this. More than {@code failureLimit} failures of one account within {@code window}, from whatever sources, start a
 * back-off: for {@code backOff}, doubling with each back-off that follows before the account was quiet for
 * {@code maxBackOff}, up to {@code maxBackOff}, attempts on the account are refused without being verified, so no
 * guess counts, the right one included.
 *
 * <p>The back-off never applies to a source that authenticated as the account before (its owner's phones, its
 * browser): the owner keeps registering and signing in while someone guesses from elsewhere. Each account remembers
 * its {@value #TRUSTED_PER_ACCOUNT} most recent such sources.
 *
 * <p>Account and source are opaque strings, so the SIP digest gate ({@code user@realm}, IP) and the web login
 * (username, IP) can both use it. Callers should track unknown accounts as they do known ones, or the back-off
 * tells which accounts exist. Thread-safe; memory is bounded by {@code maxTrackedAccounts}, accounts without a
 * back-off going first.
 */
public final class AccountFailureBudget {
    static final int TRUSTED_PER_ACCOUNT = 8;

    private final int failureLimit;
    private final long windowMillis;
    private final long backOffMillis;
    private final long maxBackOffMillis;
    private final int maxTrackedAccounts;
    private final Clock clock;
    private final Map<String, Account> accounts = new HashMap<>();

    /**
     * A back-off that has just started: what the admin is told.
     *
     * @param failures the failures that started it, within the window
     * @param sources  how many distinct sources they came from
     */
    public record BackOff(String account, int failures, int sources, Duration duration, Instant until) {
    }

    public AccountFailureBudget(int failureLimit, Duration window, Duration backOff, Duration maxBackOff,
                                int maxTrackedAccounts, Clock clock) {
        if (failureLimit < 1 || maxTrackedAccounts < 1) {
            throw new IllegalArgumentException("failureLimit and maxTrackedAccounts must be positive");
        }
        if (window.isNegative() || window.isZero() || backOff.isNegative() || backOff.isZero()
                || maxBackOff.compareTo(backOff) < 0) {
            throw new IllegalArgumentException("need positive window and backOff, and maxBackOff >= backOff");
        }
        this.failureLimit = failureLimit;
        this.windowMillis = window.toMillis();
        this.backOffMillis = backOff.toMillis();
        this.maxBackOffMillis = maxBackOff.toMillis();
        this.maxTrackedAccounts = maxTrackedAccounts;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Whether an attempt on {@code account} from {@code source} may be verified at all. */
    public synchronized boolean allows(String account, String source) {
        Account a = accounts.get(account);
        return a == null || clock.millis() >= a.blockedUntil || a.trusted.containsKey(source);
    }

    /**
     * How long attempts on {@code account} from {@code source} stay refused; zero when {@link #allows} them (the web
     * login tells the wait in its 429's Retry-After).
     */
    public synchronized Duration refusedFor(String account, String source) {
        Account a = accounts.get(account);
        long now = clock.millis();
        return a == null || now >= a.blockedUntil || a.trusted.containsKey(source) ? Duration.ZERO
                : Duration.ofMillis(a.blockedUntil - now);
    }

    /**
     * Notes a failed attempt (a wrong password or an unknown user; attempts {@link #allows} refused are not
     * attempts).
     *
     * @return the back-off this failure started, if it started one
     */
    public synchronized Optional<BackOff> recordFailure(String account, String source) {
        long now = clock.millis();
        Account a = accounts.computeIfAbsent(account, k -> new Account(failureLimit + 1));
        if (now - a.lastFailureAt > windowMillis + maxBackOffMillis) {
            a.strikes = 0; // quiet long enough: the next back-off starts short again
        }
        a.lastFailureAt = now;
        a.failureTimes[a.next] = now;
        a.failureSources[a.next] = source;
        a.next = (a.next + 1) % a.failureTimes.length;
        a.count = Math.min(a.count + 1, a.failureTimes.length);
        Optional<BackOff> started = Optional.empty();
        // With the ring full, the slot about to be overwritten holds the oldest of the last failureLimit + 1.
        if (a.count == a.failureTimes.length && now - a.failureTimes[a.next] < windowMillis) {
            long duration = Math.min(maxBackOffMillis, backOffMillis << Math.min(a.strikes, 30));
            a.strikes++;
            a.blockedUntil = now + duration;
            started = Optional.of(new BackOff(account, a.count, a.distinctSources(), Duration.ofMillis(duration),
                    Instant.ofEpochMilli(a.blockedUntil)));
            a.count = 0; // the next back-off takes a full budget of failures again
        }
        if (accounts.size() > maxTrackedAccounts) {
            trim(now);
        }
        return started;
    }

    /** Notes that {@code source} authenticated as {@code account}: it is exempt from the account's back-offs. */
    public synchronized void recordSuccess(String account, String source) {
        Account a = accounts.get(account);
        if (a == null) {
            if (accounts.size() >= maxTrackedAccounts) {
                trim(clock.millis());
            }
            a = new Account(failureLimit + 1);
            accounts.put(account, a);
        }
        a.trusted.remove(source);
        a.trusted.put(source, Boolean.TRUE);
        if (a.trusted.size() > TRUSTED_PER_ACCOUNT) {
            a.trusted.remove(a.trusted.keySet().iterator().next());
        }
    }

    /** How many accounts are remembered (for tests and metrics). */
    public synchronized int trackedAccountCount() {
        return accounts.size();
    }

    /** Down to 90 % of the cap: accounts quiet and not backing off first, then the longest quiet. */
    private void trim(long now) {
        int target = maxTrackedAccounts - maxTrackedAccounts / 10;
        accounts.values().removeIf(a -> accounts.size() > target && a.blockedUntil <= now
                && now - a.lastFailureAt > windowMillis && a.trusted.isEmpty());
        if (accounts.size() <= target) {
            return;
        }
        List<Map.Entry<String, Account>> byAge = new ArrayList<>(accounts.entrySet());
        byAge.sort(Comparator.comparing((Map.Entry<String, Account> e) -> e.getValue().blockedUntil > now)
                .thenComparingLong(e -> e.getValue().lastFailureAt));
        for (int i = 0; i < byAge.size() && accounts.size() > target; i++) {
            accounts.remove(byAge.get(i).getKey());
        }
    }

    /** One account's recent failures (a ring), its back-off and the sources it trusts. */
    private static final class Account {
        private final long[] failureTimes;
        private final String[] failureSources;
        private int next;
        private int count;
        private int strikes;
        private long lastFailureAt = Long.MIN_VALUE / 2;
        private long blockedUntil = Long.MIN_VALUE;
        /** Insertion order = least recently authenticated first. */
        private final LinkedHashMap<String, Boolean> trusted = new LinkedHashMap<>();

        Account(int capacity) {
            this.failureTimes = new long[capacity];
            this.failureSources = new String[capacity];
        }

        int distinctSources() {
            return new HashSet<>(Arrays.asList(failureSources)).size();
        }
    }
}
