package com.crosspoint.call.voice;

import java.time.Duration;

/**
 * Digits a caller keys in (a mailbox number, a PIN): ended by {@code #} or, for callers who do not know about
 * {@code #}, by a short pause after the last digit, which the application times with its channel's timer. At
 * most {@code max} digits are kept; other keys are ignored. Used on the call's lane only.
 */
public final class KeypadEntry {
    /** The pause after a digit that ends an entry. */
    public static final Duration PAUSE = Duration.ofSeconds(3);

    private final int max;
    private final StringBuilder digits = new StringBuilder();

    public KeypadEntry(int max) {
        this.max = max;
    }

    /** Takes a key: true when it ended the entry ({@code #}), false while more may follow. */
    public boolean key(char key) {
        if (key == '#') {
            return true;
        }
        if (Character.isDigit(key) && digits.length() < max) {
            digits.append(key);
        }
        return false;
    }

    public boolean isEmpty() {
        return digits.isEmpty();
    }

    /** The digits keyed in, and a fresh start. */
    public String take() {
        String value = digits.toString();
        digits.setLength(0);
        return value;
    }

    /** Forgets what was keyed in. */
    public void clear() {
        digits.setLength(0);
    }
}
