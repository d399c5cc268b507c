package com.crosspoint.billing.limits;

import java.util.List;

/** Whether a number starts with one of the blocked patterns (digits, X for any digit): no regular expressions. */
public final class BlockedDestinations {
    private BlockedDestinations() {
    }

    /** The first pattern {@code number} starts with, or null. */
    public static String match(List<String> patterns, String number) {
        for (String pattern : patterns) {
            if (startsWith(number, pattern)) {
                return pattern;
            }
        }
        return null;
    }

    private static boolean startsWith(String number, String pattern) {
        if (number.length() < pattern.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char p = pattern.charAt(i);
            char c = number.charAt(i);
            if (p == 'X' ? c < '0' || c > '9' : p != c) {
                return false;
            }
        }
        return true;
    }
}
