package com.crosspoint.proxy.core;

/**
 * Choosing the response a proxy sends upstream when no branch answered 2xx (RFC 3261 §16.7 step 6):
 * any 6xx wins, otherwise the lowest class (3xx before 4xx before 5xx). And which failures move a
 * serial fork on to the next target: timeouts (408, local or not) and server errors (5xx), the
 * answers that say "this hop, not the call, failed".
 */
public final class BestResponse {
    private BestResponse() {
    }

    /** Whether {@code candidate} should replace {@code current} (0 = none kept yet). */
    static boolean better(int candidate, int current) {
        if (current == 0) {
            return true;
        }
        if (current >= 600) {
            return false;
        }
        return candidate >= 600 || candidate / 100 < current / 100;
    }

    /** Whether a branch that ended with {@code status} makes a serial fork go on to its next target. */
    public static boolean failsOver(int status) {
        return status == 408 || (status >= 500 && status < 600);
    }

    /**
     * The status the proxy sends for a kept status: a 503 becomes 500, since a 503 upstream would
     * say this proxy is overloaded (§16.7 step 6, §21.5.4).
     */
    static int upstreamStatus(int status) {
        return status == 503 ? 500 : status;
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Trying";
            case 200 -> "OK";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 481 -> "Call/Transaction Does Not Exist";
            case 487 -> "Request Terminated";
            case 500 -> "Server Internal Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
