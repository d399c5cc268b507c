package com.crosspoint.api;

import java.time.Duration;
import java.util.Map;

/** 429 for a blocked address or an account in back-off, with Retry-After and the real wait in words. */
final class TooManyLogins extends RuntimeException {
    private final long retryAfterSeconds;

    private TooManyLogins(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static TooManyLogins fromAddress(Duration wait) {
        return new TooManyLogins("too many failed logins from this address; try again in " + words(wait),
                seconds(wait));
    }

    static TooManyLogins forAccount(Duration wait) {
        return new TooManyLogins("too many failed logins for this account; try again in " + words(wait),
                seconds(wait));
    }

    Reply reply() {
        Reply r = ErrorMapper.reply(429, getMessage(), null);
        return new Reply(r.status(), r.body(), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** "45 seconds", "1 minute", "5 minutes" (rounded up). */
    static String words(Duration wait) {
        long s = seconds(wait);
        if (s < 60) {
            return s + (s == 1 ? " second" : " seconds");
        }
        long m = (s + 59) / 60;
        return m + (m == 1 ? " minute" : " minutes");
    }
}
